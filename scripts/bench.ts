// `npm run bench`: xlcfg's speed as ratios against the oracle's libxlutil, measured in the same run,
// plus the editor latencies the issues set targets for. Prints a table and writes bench-results.json.
// It runs bundled by esbuild (dist/bench.js), as the CLI and the server do: unbundled TypeScript
// under a loader calls across modules through export getters and measures about twice as slow.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { realisticConfig } from '../test/fuzz/generators';
import { prng } from '../test/helpers/prng';
import { oracleAvailable, ORACLE_DIR, BUILD_DIR } from '../test/helpers/oracle';
import { analyze } from '../server/src/service/analyze';
import { hover } from '../server/src/service/features/hover';
import { completions } from '../server/src/service/features/completion';
import { previewText } from '../server/src/service/features/preview';
import { diagnostics } from '../server/src/service/features/diagnostics';
import { codeActionsAt } from '../server/src/service/features/code-action-adapter';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../server/src/lsp/documents';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';

const ROOT = resolve(ORACLE_DIR, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'xlcfg-bench-'));
const results: Record<string, unknown> = {};
const rows: string[] = [];
const row = (what: string, value: string, target: string, ok: boolean | undefined) =>
  rows.push(`${what.padEnd(72)} ${value.padEnd(26)} ${target.padEnd(16)} ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'}`);

function gen(name: string, args: string[]): string {
  const out = join(work, name);
  const r = spawnSync('python3', [join(ORACLE_DIR, 'bench/gen-big-cfg.py'), ...args], { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gen-big-cfg failed: ${r.stderr}`);
  writeFileSync(out, r.stdout);
  return out;
}
function json(cmd: string, args: string[]): any {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
function wall(cmd: string, args: string[], cwd: string, runs = 5): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(cmd, args, { cwd, stdio: 'ignore', env: { ...process.env, LD_PRELOAD: join(BUILD_DIR, 'xenstub.so'), XENSTUB_XLCONF: join(BUILD_DIR, 'xl-empty.conf') } });
    ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
function percentiles(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]! };
}
const ms = (x: number) => `${(x * 1000).toFixed(2)} ms`;

const plain = gen('big.cfg', ['--settings', '100000']);
const appends = gen('big-app.cfg', ['--settings', '100000', '--appends', '1000']);
const runs = Number(process.env.XLCFG_BENCH_RUNS ?? 11);
const rounds = Number(process.env.XLCFG_BENCH_ROUNDS ?? 3);
// Both sides are measured alike: `xlcfg bench-parse` and `xlu-parse --bench` take the same N, time
// the parse alone on bytes already in memory, release the previous result untimed, and report the
// median over all N runs, cold ones included. On a shared machine the two are interleaved: each
// round runs libxlutil, then xlcfg, and the ratio is the median of the rounds' ratios.
const ours = (f: string) => json(process.execPath, [join(ROOT, 'dist/cli.js'), 'bench-parse', f, '--runs', String(runs)]);
const theirs = (f: string) => json(join(BUILD_DIR, 'xlu-parse'), ['--bench', String(runs), f]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)}`;

// 1. Parser throughput against libxlutil (issues 2, 16).
if (oracleAvailable()) {
  const plainRounds: { ours: any; theirs: any; ratio: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = theirs(plain), o = ours(plain);
    plainRounds.push({ ours: o, theirs: t, ratio: t.median_s / o.median_s });
  }
  const tApp = theirs(appends), oApp = ours(appends);
  const ratios = plainRounds.map((r) => r.ratio);
  const rPlain = median(ratios);
  const oursPlainMedian = median(plainRounds.map((r) => r.ours.median_s));
  const theirsPlainMedian = median(plainRounds.map((r) => r.theirs.median_s));
  const rApp = tApp.median_s / oApp.median_s;
  const linear = oApp.median_s / oursPlainMedian;
  results.parse = { runs, rounds: plainRounds, appends: { ours: oApp, theirs: tApp }, speedupPlain: rPlain, speedupAppends: rApp, appendsOverPlain: linear };
  row(`parse 100k settings (5 MB): libxlutil / xlcfg, median (${rounds} rounds: ${spread(ratios, 2)})`, `${rPlain.toFixed(2)}x (${ms(theirsPlainMedian)} / ${ms(oursPlainMedian)})`, '>= 2x', rPlain >= 2);
  row('parse with 1,000 +=: libxlutil / xlcfg, median', `${rApp.toFixed(1)}x (${ms(tApp.median_s)} / ${ms(oApp.median_s)})`, '>= 20x', rApp >= 20);
  row('xlcfg: += file time / plain file time', `${linear.toFixed(2)}`, '<= 1.3', linear <= 1.3);
  rows.push(`(parse: ${runs} runs per measure, medians with the cold runs; xlcfg's runs: ${plainRounds.map((r) => r.ours.runs_s.map((x: number) => (x * 1000).toFixed(0)).join(' ')).join(' | ')} ms)`);
} else {
  console.log('\n*** SKIPPED libxlutil ratios: apt-get install -y xen-utils-4.17 libxen-dev gcc python3 ***\n');
  const oursPlain = ours(plain), oursApp = ours(appends);
  results.parse = { plain: oursPlain, appends: oursApp };
  row('parse 100k settings (xlcfg alone), median', ms(oursPlain.median_s), '', undefined);
}

// 2. Full check of the 100k-settings file in-process vs the real `xl -N create` (issue 3).
const xlFile = join(work, 'big-xl.cfg');
writeFileSync(xlFile, Buffer.concat([readFileSync(plain), Buffer.from('name = "big"\ntype = "hvm"\nmemory = 1024\n')]));
// Timed as the parse is above: N runs in this process (XLCFG_BENCH_RUNS, 11), the median over all of
// them, the cold ones included. With 5 runs, 2 of them cold, the median was the slowest of 3 warm
// runs, i.e. whichever met a garbage collection: the same code measured 59-90 ms from run to run
// where the median of 11 measured 52-59. The first five runs' median is still shown, for comparison.
const checkTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const bytes = readFileSync(xlFile);
  const t0 = process.hrtime.bigint();
  void analyze({ bytes, options: { sourceName: 'big-xl.cfg' } }).findings.length;
  checkTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const checkMedian = percentiles(checkTimes).p50;
const firstFiveMedian = percentiles(checkTimes.slice(0, 5)).p50;
if (oracleAvailable()) {
  const xlWall = wall('/usr/lib/xen-4.17/bin/xl', ['-N', 'create', 'big-xl.cfg'], work);
  const ratio = checkMedian / xlWall;
  results.fullCheck = { xlcfg_s: checkMedian, xl_s: xlWall, fraction: ratio, runs_s: checkTimes, firstFiveMedian_s: firstFiveMedian };
  row('full check of 100k settings: xlcfg / `xl -N create`', `${ratio.toFixed(3)} (${ms(checkMedian)} / ${ms(xlWall)})`, '< 0.25', ratio < 0.25);
  row('full check, median of the first 5 runs alone', `${(firstFiveMedian / xlWall).toFixed(3)} (${ms(firstFiveMedian)})`, '(information)', undefined);
  rows.push(`(full check: ${checkTimes.length} runs in this process, median with the cold runs; xlcfg's runs: ${checkTimes.map((x) => (x * 1000).toFixed(0)).join(' ')} ms)`);
} else row('full check of 100k settings (xlcfg alone)', ms(checkMedian), '', undefined);

// 3. Editor latencies on a 100-line config after an edit (issues 3, 4, 5). The language server is a
// long-running process: each loop first runs WARMUP untimed iterations (JIT), then times RUNS.
const hundred = readFileSync(join(ROOT, 'test/fixtures/bench/hvm-100-lines.cfg'), 'utf8');
function edited(i: number): Uint8Array { return Buffer.from(hundred.replace(/memory = \d+/, `memory = ${1024 + (i % 64)}`)); }
const WARMUP = 200, RUNS = 2000;
const lat = { check: [] as number[], argv: [] as number[], hover: [] as number[], completion: [] as number[] };
const hoverAt = Buffer.from(hundred).indexOf('dm_restrict') + 2;
const completeAt = Buffer.from(hundred).indexOf('vga = "') + 7;
const timeIt = (f: () => unknown) => { const t0 = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t0) / 1e9; };
/** Times `f(i)` RUNS times after WARMUP untimed calls, in a loop of its own. */
function loop(f: (i: number) => unknown, warmup = WARMUP, runs = RUNS): number[] {
  const out: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = timeIt(() => f(i));
    if (i >= warmup) out.push(t);
  }
  return out;
}
// check: from the edited text to every diagnostic
lat.check = loop((i) => analyze({ bytes: edited(i), options: { sourceName: 'hvm.cfg' } }).findings.length);
// argv: what the preview adds after an edit. The server builds one analysis per version and the
// diagnostics have already read xl's config from it; the argv then costs libxl's defaults and the
// device-model builder. (The whole path from the edited text, parse and xl included: see `check`,
// and `argv-full` below.)
{
  const out: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const a = analyze({ bytes: edited(i), options: { sourceName: 'hvm.cfg' } });
    void a.xl;
    const t = timeIt(() => a.deviceModel);
    if (i >= WARMUP) out.push(t);
  }
  lat.argv = out;
}
const argvFull = percentiles(loop((i) => analyze({ bytes: edited(i), options: { sourceName: 'hvm.cfg' } }).deviceModel));
// hover and completion: on the analysis of the current version (the server keeps it)
const current = analyze({ bytes: edited(0), options: { sourceName: 'hvm.cfg' } });
void current.findings.length;
lat.hover = loop(() => hover(current, hoverAt));
lat.completion = loop(() => completions(current, completeAt));
const target = { check: 5e-3, argv: 2e-3, hover: 2e-3, completion: 2e-3 };
for (const k of Object.keys(lat) as (keyof typeof lat)[]) {
  const p = percentiles(lat[k]);
  (results as any)[`latency_${k}`] = p;
  row(`${k === 'argv' ? 'argv (defaults + builder)' : k} on a 100-line HVM config after an edit: p50 / p99`, `${ms(p.p50)} / ${ms(p.p99)}`, `p99 < ${target[k] * 1000} ms`, p.p99 < target[k]);
}
row('argv-full: from the edited text to the argv, p50 / p99', `${ms(argvFull.p50)} / ${ms(argvFull.p99)}`, '(information)', undefined);
(results as any).latency_argv_full = argvFull;
rows.push(`(latencies: ${RUNS} timed iterations after ${WARMUP} untimed ones, each measure in a loop of its own)`);
// 4. Editing a 1,000-line config with many disks and vifs (issue 16), along the server's own path: the
// editor's incremental change applied to the TextDocument, the analysis of the new version (the
// server's AnalysisCache), the diagnostics as published; then hover, completion and code actions on
// that analysis. (The server waits 120 ms of typing quiet before it analyses; that delay is not timed.)
editLatencies('edit1000', thousandLines(), ' (400 disks, 400 vifs)', 'target=/dev/vg0/disk-300');
// The same 1,000 lines as a config is more likely written: 100 disks and 100 vifs, each with a comment
// line, the rest comments. The 400 HVM disks above make libxl warn twice for each disk past the
// fourth (PV drivers only; 4 emulated IDE disks): 798 libxl lines and 398 findings per keystroke.
editLatencies('edit1000Commented', thousandLinesCommented(), ' (100 disks, 100 vifs, comments)', 'target=/dev/vg0/disk-30');

function editLatencies(name: string, text: string, label: string, diskAt: string): void {
  const cache = new AnalysisCache(() => undefined);
  const uri = 'file:///etc/xen/big-guest.cfg';
  let doc = TextDocument.create(uri, 'xl-cfg', 1, text);
  const memAt = text.indexOf('memory = ') + 'memory = '.length;
  const start = doc.positionAt(memAt), end = doc.positionAt(memAt + 4);
  const keystroke = (i: number) => {
    doc = TextDocument.update(doc, [{ range: { start, end }, text: String(4096 + (i % 1000)).padStart(4, '0') }], doc.version + 1);
    return diagnostics(cache.get(doc, DEFAULT_SETTINGS), uri, 2000).length;
  };
  const current = cache.get(doc, DEFAULT_SETTINGS);
  void diagnostics(current, uri, 2000);
  const hoverOffset = text.indexOf('dm_restrict') + 2;
  const completeOffset = text.indexOf('vga = "') + 7;
  const diskOffset = text.indexOf(diskAt);
  const lines = text.split('\n').length;
  const edit = percentiles(loop(keystroke, 50, 500));
  const h = percentiles(loop(() => hover(current, hoverOffset)));
  const c = percentiles(loop(() => completions(current, completeOffset)));
  const a = percentiles(loop(() => codeActionsAt(current, uri, { start: diskOffset, end: diskOffset })));
  Object.assign(results, { [name]: { lines, findings: current.findings.length, keystroke: edit, hover: h, completion: c, codeAction: a } });
  row(`${lines}-line config${label} (${current.findings.length} findings): keystroke to diagnostics p50 / p99`, `${ms(edit.p50)} / ${ms(edit.p99)}`, 'p99 < 10 ms', edit.p99 < 10e-3);
  row(`${lines}-line config${label}: hover p50 / p99`, `${ms(h.p50)} / ${ms(h.p99)}`, 'p99 < 2 ms', h.p99 < 2e-3);
  row(`${lines}-line config${label}: completion p50 / p99`, `${ms(c.p50)} / ${ms(c.p99)}`, 'p99 < 2 ms', c.p99 < 2e-3);
  row(`${lines}-line config${label}: code actions p50 / p99`, `${ms(a.p50)} / ${ms(a.p99)}`, 'p99 < 2 ms', a.p99 < 2e-3);
}

/** The 100-line HVM config grown to about 1,000 lines with disks and vifs (deterministic). */
function thousandLines(): string {
  const disks: string[] = [], vifs: string[] = [];
  for (let i = 0; i < 400; i++) {
    const n = i + 1;
    let name = '';
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(0x61 + ((k - 1) % 26)) + name;
    disks.push(`    "format=raw, vdev=xvd${name}, access=rw, target=/dev/vg0/disk-${i}",`);
  }
  for (let i = 0; i < 400; i++) vifs.push(`    "mac=00:16:3e:5a:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}, bridge=xenbr${i % 4}",`);
  return hundred
    .replace(/disk = \[[^\]]*\]/, `disk = [\n${disks.join('\n')}\n]`)
    .replace(/vif = \[[^\]]*\]/, `vif = [\n${vifs.join('\n')}\n]`)
    + Array.from({ length: 1000 - 100 - 800 }, (_, i) => `# note ${i}: kept for the change log`).join('\n') + '\n';
}

/** The 100-line HVM config grown to about 1,000 lines: 100 disks and 100 vifs with a comment each, comments. */
function thousandLinesCommented(): string {
  const disks: string[] = [], vifs: string[] = [];
  for (let i = 0; i < 100; i++) {
    let name = '';
    for (let k = i + 1; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(0x61 + ((k - 1) % 26)) + name;
    disks.push(`    # volume ${i}: LV on vg0, raw, attached read-write`, `    "format=raw, vdev=xvd${name}, access=rw, target=/dev/vg0/disk-${i}",`);
    vifs.push(`    # interface ${i}: bridge xenbr${i % 4}, fixed MAC`, `    "mac=00:16:3e:5a:00:${i.toString(16).padStart(2, '0')}, bridge=xenbr${i % 4}",`);
  }
  const body = hundred
    .replace(/disk = \[[^\]]*\]/, `disk = [\n${disks.join('\n')}\n]`)
    .replace(/vif = \[[^\]]*\]/, `vif = [\n${vifs.join('\n')}\n]`);
  const have = body.split('\n').length - 1;
  return body + Array.from({ length: 1000 - have }, (_, i) => `# ${i % 10 === 0 ? 'change log' : 'note'} ${i}: who changed what and why, kept with the guest`).join('\n') + '\n';
}

// 5. The language server from process start (issue 16): spawn `dist/server.js --stdio`, send
// initialize, initialized and didOpen of the 100-line config at once, stop the clock at the first
// publishDiagnostics. Next to it, node's own start-up (`node -e 0`), measured alternately.
function frame(o: unknown): string { const t = JSON.stringify(o); return `Content-Length: ${Buffer.byteLength(t)}\r\n\r\n${t}`; }
interface ServerRun { proc: ReturnType<typeof spawn>; published: Set<string>; waitFor(n: number): Promise<number>; close(): void }
function startServer(): ServerRun {
  const proc = spawn(process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const published = new Set<string>();
  let buf = Buffer.alloc(0);
  let waiter: (() => void) | undefined;
  proc.stdout!.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) break;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())![1]);
      if (buf.length < head + 4 + len) break;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString());
      buf = buf.subarray(head + 4 + len);
      if (msg.method === 'textDocument/publishDiagnostics') { published.add(msg.params.uri); waiter?.(); }
      else if (msg.id !== undefined && msg.method) proc.stdin!.write(frame({ jsonrpc: '2.0', id: msg.id, result: null }));
    }
  });
  proc.stdin!.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }));
  proc.stdin!.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  return {
    proc, published,
    waitFor: (n) => new Promise((res) => { const t0 = Date.now(); const check = () => { if (published.size >= n) res(Date.now() - t0); else waiter = check; }; check(); }),
    close: () => { proc.stdin!.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' })); proc.stdin!.write(frame({ jsonrpc: '2.0', method: 'exit' })); setTimeout(() => proc.kill(), 1000).unref(); },
  };
}
function open(s: ServerRun, uri: string, text: string): void {
  s.proc.stdin!.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'xl-cfg', version: 1, text } } }));
}
async function coldStart(): Promise<number> {
  const t0 = process.hrtime.bigint();
  const s = startServer();
  open(s, 'file:///etc/xen/hvm.cfg', hundred);
  await s.waitFor(1);
  const t = Number(process.hrtime.bigint() - t0) / 1e9;
  s.close();
  await new Promise((res) => s.proc.on('exit', res));
  return t;
}
function nodeAlone(): number {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
async function serverMeasures(): Promise<void> {
  const COLD = Number(process.env.XLCFG_BENCH_COLD ?? 9);
  const server: number[] = [], bare: number[] = [], extra: number[] = [];
  for (let i = 0; i < COLD; i++) {
    const b = nodeAlone(), t = await coldStart();
    bare.push(b); server.push(t); extra.push(t - b);
  }
  const cold = { server_s: median(server), node_s: median(bare), extra_s: median(extra), runs: COLD };
  results.coldStart = cold;
  row('server cold: process start to first publishDiagnostics, median', ms(cold.server_s), '(information)', undefined);
  row('node alone (`node -e 0`), median', ms(cold.node_s), '(information)', undefined);
  row(`server cold start minus node's own start-up, median of ${COLD} pairs`, `${ms(cold.extra_s)} (${spread(extra.map((x) => x * 1000), 0)} ms)`, '<= 80 ms', cold.extra_s <= 0.08);

  // 6. Memory: 100 typical configs open (the examples and the 100-line config under 100 names).
  const samples = [hundred, ...['hvm-dm-restrict-traditional', 'hvm-hardened', 'hvm-windows-desktop', 'pv-webserver', 'pvh-database'].map((n) => readFileSync(join(ROOT, 'examples', `${n}.cfg`), 'utf8'))];
  const s = startServer();
  for (let i = 0; i < 100; i++) open(s, `file:///etc/xen/guest-${i}.cfg`, samples[i % samples.length]!.replace(/^name = "[^"]*"/m, `name = "guest-${i}"`));
  await s.waitFor(100);
  await new Promise((res) => setTimeout(res, 500));
  const status = readFileSync(`/proc/${s.proc.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  const hwmMb = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
  s.close();
  results.memory = { rss_mb: rssMb, peak_rss_mb: hwmMb, configs: 100 };
  row('server RSS with 100 typical configs open (peak)', `${rssMb.toFixed(1)} MB (${hwmMb.toFixed(1)} MB)`, '< 80 MB', rssMb < 80);
}

// 7. The real VS Code suite's start-up figures, when it ran (test/e2e/run.mjs writes them).
function e2eStartup(): void {
  const f = join(ROOT, 'test-output/e2e/startup.json');
  if (!existsSync(f)) { row('VS Code (e2e): open to diagnostics, cold / warm median', 'skipped (run node test/e2e/run.mjs first)', '', undefined); return; }
  const j = JSON.parse(readFileSync(f, 'utf8'));
  results.e2eStartup = j;
  row('VS Code (e2e): open to diagnostics, cold / warm median', `${Number(j.cold_open_to_diagnostics_ms).toFixed(0)} ms / ${Number(j.warm_open_to_diagnostics_median_ms).toFixed(0)} ms`, '(information)', undefined);
}

// 8. A fleet: `xlcfg check DIR` over 10,000 generated guest configs (test/fuzz/generators.ts), in one
// thread and with a worker per core, as configs per second (the JSON output to /dev/null).
function fleet(): void {
  const dir = join(work, 'fleet');
  mkdirSync(dir);
  const r = prng(7);
  const COUNT = Number(process.env.XLCFG_BENCH_FLEET ?? 10000);
  for (let i = 0; i < COUNT; i++) writeFileSync(join(dir, `g${String(i).padStart(5, '0')}.cfg`), realisticConfig(r, i % 150));
  const cores = availableParallelism();
  const rate = (jobs: number) => {
    const secs = wall(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', dir, '--jobs', String(jobs), '--format', 'json', '--exit-zero'], ROOT, 3);
    return COUNT / secs;
  };
  const one = rate(1), all = rate(cores);
  results.fleet = { configs: COUNT, cores, configs_per_s_1: one, configs_per_s_all: all };
  row(`check a folder of ${COUNT} configs: configs/s with 1 / ${cores} worker threads`, `${one.toFixed(0)} / ${all.toFixed(0)} (x${(all / one).toFixed(2)})`, '(information)', undefined);
}

void previewText;

void (async () => {
  await serverMeasures();
  fleet();
  e2eStartup();
  console.log(`\n${'measure'.padEnd(72)} ${'value'.padEnd(26)} ${'target'.padEnd(16)}`);
  console.log(rows.join('\n'));
  writeFileSync(join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 1) + '\n');
  console.log('\n(also written to bench-results.json)');
})();
