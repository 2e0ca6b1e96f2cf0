// Findings across configs in the editor (issue 14), as `xlcfg check DIR` gives them: between the open
// guest configs, and with the guest configs of the workspace folders in a trusted workspace; each on
// the config it is in, the other place as related information; republished when the other changes.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lsp-client';

const guest = (name: string, mac: string) => `name = "${name}"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 512\nvif = [ "mac=${mac},bridge=xenbr0" ]\n`;
const codes = (d: any[]) => d.map((x) => x.code).filter((c: string) => c.startsWith('duplicate-')).sort();

describe('findings across configs over LSP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-across-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('two open configs with the same name and MAC: both told, with the other place; gone when one changes', async () => {
    const c = await startServer({ configuration: null });
    try {
      const a = 'file:///guests/web1.cfg', b = 'file:///guests/web2.cfg';
      await c.open(a, guest('web', '00:16:3e:00:00:01'));
      await c.diagnostics(a);
      await c.open(b, guest('web', '00:16:3e:00:00:01'));
      const db = await c.diagnostics(b, (d) => codes(d).length === 2);
      assert.deepEqual(codes(db), ['duplicate-guest-name', 'duplicate-mac-address']);
      const name = db.find((x: any) => x.code === 'duplicate-guest-name');
      assert.equal(name.range.start.line, 0);
      assert.match(name.message, /also in \/guests\/web1\.cfg/);
      assert.deepEqual(name.relatedInformation.map((r: any) => [r.location.uri, r.location.range.start.line]), [[a, 0]]);
      // The first one is published again with its clash, without being edited.
      await c.diagnostics(a, (d) => codes(d).length === 2);
      c.change(b, 2, guest('db', '00:16:3e:00:00:02'));
      await c.diagnostics(b, (d) => codes(d).length === 0);
      await c.diagnostics(a, (d) => codes(d).length === 0);
    } finally {
      await c.close();
    }
  });

  test('a burst of opens (12 configs at once, three sets of four sharing a name and a MAC): each ends with the other three; a close tells its partners only', async () => {
    const c = await startServer({ configuration: null });
    try {
      const uri = (i: number) => `file:///burst/g${String(i).padStart(2, '0')}.cfg`;
      const set = (i: number) => i % 3;
      for (let i = 0; i < 12; i++) void c.open(uri(i), guest(`web${set(i)}`, `00:16:3e:00:00:0${set(i)}`));
      for (let i = 0; i < 12; i++) {
        const d = await c.diagnostics(uri(i), (x) => x.some((y: any) => /also in 3 other configs/.test(y.message)));
        const name = d.find((x: any) => x.code === 'duplicate-guest-name');
        const partners = [0, 1, 2, 3].map((k) => uri(set(i) + 3 * k)).filter((u) => u !== uri(i));
        assert.deepEqual(name.relatedInformation.map((r: any) => r.location.uri), partners, `config ${i}: its set, in the order they came`);
      }
      await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(0) } });
      for (const i of [3, 6, 9]) await c.diagnostics(uri(i), (x) => x.some((y: any) => /also in 2 other configs/.test(y.message)));
      const other = await c.diagnostics(uri(1));
      assert.ok(other.some((y: any) => /also in 3 other configs/.test(y.message)), 'another set keeps its findings');
    } finally {
      await c.close();
    }
  });

  test('the workspace folder\'s other configs count in a trusted workspace, not in an untrusted one', async () => {
    mkdirSync(join(dir, 'guests'), { recursive: true });
    writeFileSync(join(dir, 'guests', 'old-web.cfg'), guest('web', '00:16:3e:00:00:09'));
    writeFileSync(join(dir, 'guests', 'notes.txt'), guest('web', '00:16:3e:00:00:09'));
    const folder = pathToFileURL(dir).href;
    const open = `${folder}/web.cfg`;
    const run = async (trusted: boolean) => {
      const c = await startServer({ configuration: null, workspaceFolders: [{ uri: folder, name: 'guests' }], initializationOptions: { workspaceTrusted: trusted } });
      try {
        await c.open(open, guest('web', '00:16:3e:00:00:01'));
        return await c.diagnostics(open);
      } finally {
        await c.close();
      }
    };
    const trusted = await run(true);
    const name = trusted.find((x: any) => x.code === 'duplicate-guest-name');
    assert.ok(name, JSON.stringify(trusted));
    assert.match(name.message, /also in guests\/old-web\.cfg/);
    assert.equal(name.relatedInformation[0].location.uri, `${folder}/guests/old-web.cfg`);
    assert.deepEqual(codes(await run(false)), []);
  });
});
