// The repository's `.xlcfg.json` in the editor (issue 14): the server reads the nearest one, as
// `xlcfg check` does, and its keys win over the editor settings (severities merge, the file's codes
// over the editor's); its `xlConf` gives guest documents xl's global defaults; nothing is read in an
// untrusted workspace; a document named xl.conf gets xl.conf's own keys.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startServer, type ClientOptions } from '../helpers/lsp-client';

/** A repository: `.git`, `.xlcfg.json` at its top, a guest config and an xl.conf below. */
function repo(config: unknown): { dir: string; guest: string; conf: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-lsp-repo-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'guests'));
  mkdirSync(join(dir, 'host'));
  writeFileSync(join(dir, '.xlcfg.json'), JSON.stringify(config));
  writeFileSync(join(dir, 'host', 'xl.conf'), 'vm.cpumask = "0-1"\nvm.hvm.cpumask = "6-7"\n');
  return { dir, guest: pathToFileURL(join(dir, 'guests', 'web.cfg')).href, conf: pathToFileURL(join(dir, 'host', 'xl.conf')).href };
}

/** qemu-xen-traditional: refused from 4.21 (xl-unknown-dm-version), a dm_restrict error before. */
const GUEST = 'name = "web"\ntype = "hvm"\nmemory = 1024\ndevice_model_version = "qemu-xen-traditional"\nfrobnicate = 1\n';
const codes = (d: any[]) => d.map((x) => x.code).sort();

async function withServer<T>(o: ClientOptions, f: (c: Awaited<ReturnType<typeof startServer>>) => Promise<T>): Promise<T> {
  const c = await startServer(o);
  try { return await f(c); } finally { await c.close(); }
}

describe('.xlcfg.json in the editor', () => {
  test('its xenVersion wins over the editor setting; its severities merge over the editor\'s', async () => {
    const r = repo({ xenVersion: '4.21', severity: { 'unknown-key': 'error' } });
    await withServer({ configuration: { xenVersion: '4.17', severity: { 'unknown-key': 'hint', 'xl-unknown-dm-version': 'warning' } } }, async (c) => {
      await c.open(r.guest, GUEST);
      const d = await c.diagnostics(r.guest, (x) => codes(x).includes('xl-unknown-dm-version'));
      assert.equal(d.find((x) => x.code === 'unknown-key')?.severity, 1, 'the file\'s severity: error');
      assert.equal(d.find((x) => x.code === 'xl-unknown-dm-version')?.severity, 2, 'the editor\'s severity for a code the file does not set');
    });
  });

  test('untrusted workspace (initializationOptions.workspaceTrusted false): not read; trust given later: read', async () => {
    const r = repo({ xenVersion: '4.21' });
    await withServer({ configuration: null, initializationOptions: { workspaceTrusted: false } }, async (c) => {
      await c.open(r.guest, GUEST);
      const d = await c.diagnostics(r.guest);
      assert.ok(!codes(d).includes('xl-unknown-dm-version'), 'the default 4.17 applies');
      await c.conn.sendNotification('xlcfg/workspaceTrust', { trusted: true });
      await c.diagnostics(r.guest, (x) => codes(x).includes('xl-unknown-dm-version'));
    });
  });

  test('the file changes on disk: the watched-file event makes the next analysis read it again', async () => {
    const r = repo({ xenVersion: '4.17' });
    await withServer({ configuration: null }, async (c) => {
      await c.open(r.guest, GUEST);
      const d = await c.diagnostics(r.guest);
      assert.ok(!codes(d).includes('xl-unknown-dm-version'), 'the file says 4.17');
      writeFileSync(join(r.dir, '.xlcfg.json'), JSON.stringify({ xenVersion: '4.21' }));
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(r.dir, '.xlcfg.json')).href, type: 2 }] });
      await c.diagnostics(r.guest, (x) => codes(x).includes('xl-unknown-dm-version'));
    });
  });

  test('a bad .xlcfg.json: one warning message, the editor settings apply', async () => {
    const r = repo({ xenVersion: '9.9' });
    const messages: string[] = [];
    await withServer({ configuration: null, onNotification: { 'window/showMessage': (p) => messages.push(p.message) } }, async (c) => {
      await c.open(r.guest, GUEST);
      const d = await c.diagnostics(r.guest);
      assert.ok(!codes(d).includes('xl-unknown-dm-version'));
      assert.equal(messages.length, 1);
      assert.match(messages[0]!, /\.xlcfg\.json is not applied: "xenVersion" must be/);
    });
  });

  test('xlConf: the guest gets xl.conf\'s defaults (here: no CPU left for HVM guests); the xl.conf document its own keys', async () => {
    const r = repo({ xlConf: 'host/xl.conf' });
    await withServer({ configuration: null }, async (c) => {
      await c.open(r.guest, 'name = "web"\ntype = "hvm"\nmemory = 1024\nvcpus = 2\n');
      const d = await c.diagnostics(r.guest, (x) => codes(x).includes('xl-empty-affinity'));
      assert.match(d.find((x) => x.code === 'xl-empty-affinity').message, /vcpu hard affinity map is empty/);
      await c.open(r.conf, 'vm.cpumask = "0-1"\nvif.default.bridg = "xenbr0"\n');
      const own = await c.diagnostics(r.conf, (x) => x.length > 0);
      assert.deepEqual(codes(own), ['xl-conf-unknown-key']);
      const hover = await c.request('textDocument/hover', { textDocument: { uri: r.conf }, position: { line: 0, character: 3 } });
      assert.match(hover.contents.value, /vm\.cpumask.*xl\.conf/s);
      const completion = await c.request('textDocument/completion', { textDocument: { uri: r.conf }, position: { line: 2, character: 0 } });
      const labels = (completion.items ?? completion).map((i: any) => i.label);
      assert.ok(labels.includes('vif.default.bridge') && labels.includes('autoballoon') && !labels.includes('memory'), labels.join(' '));
    });
  });
});
