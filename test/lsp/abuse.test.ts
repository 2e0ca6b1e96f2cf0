// The server under abuse: thousands of random edits (inserts, deletes, pastes of binary, of a 20 MB
// file, of a list with a million items, of lists nested 100,000 deep) interleaved with every request
// the server answers. Nothing may crash or stay unanswered (a generous bound: 10 s per request), no
// internal error may reach the client, the server's memory comes back near where it started once the
// big documents are closed, and the diagnostics it ends with are those of the final text.
// XLCFG_ABUSE_EDITS sets the number of edits (default 2,000), XLCFG_ABUSE_ONLY=METHOD sends only that
// request (to find which one misbehaves); the figures are printed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, type TestClient } from '../helpers/lsp-client';
import { prng } from '../helpers/prng';

const EDITS = Number(process.env.XLCFG_ABUSE_EDITS ?? 2000);
const PROBE = resolve(__dirname, '..', 'helpers', 'memory-probe.cjs');
const HANG_MS = 10_000;

const BASE = [
  'name = "abuse"', 'type = "hvm"', 'memory = 2048', 'vcpus = 2', 'device_model_version = "qemu-xen-traditional"',
  'dm_restrict = 1', 'disk = [ "phy:/dev/vg0/a,xvda,w", "format=qcow2, vdev=xvdb, target=/srv/b.qcow2" ]',
  "vif = [ 'bridge=xenbr0,mac=00:16:3e:00:00:01' ]", 'vnc = 1', 'serial = "pty"', '',
].join('\n');

interface Memory { rss: number; heapUsed: number; external: number; arrayBuffers: number }

/** The server's memory after it collected its garbage (test/helpers/memory-probe.cjs). */
async function liveMemory(c: TestClient): Promise<Memory> {
  const seen = c.stderr().split('MEMPROBE ').length;
  process.kill(c.proc.pid!, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((res) => setTimeout(res, 50));
    const parts = c.stderr().split('MEMPROBE ');
    if (parts.length > seen) return JSON.parse(parts[parts.length - 1]!.split('\n')[0]!) as Memory;
  }
  throw new Error('the memory probe did not answer');
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function binary(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 256));
  return s;
}

describe('the server under abuse', { timeout: 900_000 }, () => {
  let c: TestClient;
  let internalErrors: string[] = [];
  before(async () => {
    c = await startServer({ configuration: null, captureStderr: true, env: { NODE_OPTIONS: `--expose-gc --require ${PROBE}` } });
  });
  after(async () => { await c.close(); });

  test(`${EDITS} random edits interleaved with every request`, async () => {
    const r = prng(2026);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const uri = 'file:///abuse/guest.cfg';
    let text = BASE;
    let version = 1;
    await c.open(uri, text);
    await c.diagnostics(uri, () => true, 30_000);
    const pid = c.proc.pid!;
    const startRss = rssMb(pid);
    const startLive = await liveMemory(c);
    let slowest = { ms: 0, what: '' };
    let requests = 0;
    let peakRss = startRss;
    const big = {
      twentyMb: () => 'name = "big"\n' + 'extra = "0123456789012345678901234567890123456789"\n'.repeat(400_000),
      millionItems: () => 'cpus = [' + '"1",'.repeat(1_000_000) + ']\n',
      deepLists: () => 'vnuma = ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n',
    };

    const position = () => {
      const lines = text.split('\n');
      const line = Math.floor(r() * Math.min(lines.length, 200));
      return { line, character: Math.floor(r() * ((lines[line]?.length ?? 0) + 2)) };
    };
    const requestsFor = (): [string, unknown][] => {
      const doc = { textDocument: { uri } };
      const p = position();
      const range = { start: p, end: { line: p.line + 1, character: 0 } };
      return [
        ['textDocument/hover', { ...doc, position: p }],
        ['textDocument/completion', { ...doc, position: p }],
        ['textDocument/codeAction', { ...doc, range, context: { diagnostics: [] } }],
        ['textDocument/codeLens', doc],
        ['textDocument/documentSymbol', doc],
        ['textDocument/foldingRange', doc],
        ['textDocument/selectionRange', { ...doc, positions: [p] }],
        ['textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } }],
        ['textDocument/semanticTokens/full', doc],
        ['textDocument/definition', { ...doc, position: p }],
        ['textDocument/documentHighlight', { ...doc, position: p }],
        ['xlcfg/deviceModelPreview', { uri }],
        ['textDocument/documentLink', doc],
        ['xlcfg/effectiveConfig', { uri, overrides: 'memory=1024 disk+=["/x.img,raw,xvdz,w"]' }],
      ];
    };
    const ask = async (method: string, params: unknown) => {
      const t0 = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error(`${method} unanswered after ${HANG_MS} ms`)), HANG_MS); });
      try {
        await Promise.race([c.request(method, params), hang]);
      } catch (e) {
        const err = e as { code?: number; message?: string };
        if (err.code === -32603) internalErrors.push(`${method}: ${err.message}`);
        else if (err.code !== -32601 && err.code !== -32800) throw e; // unhandled method, cancelled: fine
      } finally {
        clearTimeout(timer);
      }
      const ms = performance.now() - t0;
      requests++;
      if (ms > slowest.ms) slowest = { ms, what: `${method} at edit ${version}` };
    };

    for (let i = 0; i < EDITS; i++) {
      const k = r();
      const at = Math.floor(r() * (text.length + 1));
      if (i === Math.floor(EDITS / 4)) text = big.twentyMb();
      else if (i === Math.floor(EDITS / 2)) text = BASE + big.millionItems();
      else if (i === Math.floor((3 * EDITS) / 4)) text = BASE + big.deepLists();
      else if (i === Math.floor(EDITS / 4) + 1 || i === Math.floor(EDITS / 2) + 1 || i === Math.floor((3 * EDITS) / 4) + 1) text = BASE;
      else if (k < 0.35) text = text.slice(0, at) + pick(['x', '"', '[', ']', ',', '=', '\n', '#', ' ', 'dm_restrict = 1\n', '+= ', '\r', '\0', 'é']) + text.slice(at);
      else if (k < 0.6) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(r() * 20)));
      else if (k < 0.7) text = text.slice(0, at) + binary(r, 1 + Math.floor(r() * 200)) + text.slice(at);
      else if (k < 0.8) text = text.slice(0, at) + BASE + text.slice(at);
      // otherwise: no change, just requests
      if (text.length > 4_000_000 && i % 3 === 2 && i !== Math.floor(EDITS / 4)) text = BASE;
      c.change(uri, ++version, text);
      const reqs = requestsFor();
      const batch = process.env.XLCFG_ABUSE_ONLY ? reqs.filter(([m]) => m === process.env.XLCFG_ABUSE_ONLY) : Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(reqs));
      await Promise.all(batch.map(([m, p]) => ask(m, p)));
      if (i % 100 === 0) peakRss = Math.max(peakRss, rssMb(pid));
    }
    // The final state: back to a small config, whose diagnostics must be the ones published last.
    text = BASE;
    c.change(uri, ++version, text);
    const d = await c.diagnostics(uri, (x) => x.some((y: { code?: string }) => y.code === 'dm-restrict-traditional'), 60_000);
    assert.ok(d.length < 20, `${d.length} diagnostics for the small final text`);
    for (const [m, p] of requestsFor()) await ask(m, p);
    // A big document opened beside it, then closed: the server lets go of it.
    const bigUri = 'file:///abuse/big.cfg';
    await c.open(bigUri, big.twentyMb());
    await c.diagnostics(bigUri, () => true, 120_000);
    peakRss = Math.max(peakRss, rssMb(pid));
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: bigUri } });
    // Memory: give the server a moment (and its GC a chance), then compare with the start.
    await ask('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    const endRss = rssMb(pid);
    const endLive = await liveMemory(c);
    const live = (m: Memory) => m.heapUsed + m.external;
    console.log(`abuse: ${EDITS} edits, ${requests} requests, slowest ${slowest.ms.toFixed(0)} ms (${slowest.what}); ` +
      `RSS start ${startRss.toFixed(0)} MB, peak ${peakRss.toFixed(0)} MB, end ${endRss.toFixed(0)} MB (${endLive.rss} MB after a collection); ` +
      `live heap + external start ${live(startLive)} MB, end ${live(endLive)} MB`);
    assert.deepEqual(internalErrors, [], 'no request failed inside the server');
    assert.doesNotMatch(c.stderr().replace(/MEMPROBE .*\n/g, ''), /unhandled|uncaught|TypeError|RangeError/i, 'no unhandled error in the server');
    assert.ok(c.proc.exitCode === null && !c.proc.killed, 'the server is still running');
    // What the server still holds once the big documents are gone: back near the start (V8 keeps
    // some of the pages it grew, so RSS is reported, not asserted).
    assert.ok(live(endLive) < live(startLive) + 20, `live memory back near its start: ${JSON.stringify(startLive)} -> ${JSON.stringify(endLive)}`);
    internalErrors = [];
  });
});
