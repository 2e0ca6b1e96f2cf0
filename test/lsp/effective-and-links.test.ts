// Issue 13 over LSP: the effective config (the VS Code client's request and the server command of
// other editors) and textDocument/documentLink, whose existence check runs only on the `local` host
// in a workspace the editor says is trusted.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type ClientOptions } from '../helpers/lsp-client';
import { SERVER_COMMANDS, EFFECTIVE_CONFIG_REQUEST, WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/protocol';
import { analyze, effectiveConfig } from '../../server/src/service';
import { linkTarget } from '../../server/src/lsp/document-links';

const URI = 'file:///etc/xen/web.cfg';
const SRC = 'name = "web"\ntype = "hvm"\nmemory = 1024\ndisk = [ "phy:/dev/vg0/web,xvda,w" ]\n';

async function withServer(o: ClientOptions, text: string, body: (c: Awaited<ReturnType<typeof startServer>>) => Promise<void>) {
  const c = await startServer({ configuration: null, ...o });
  try {
    await c.open(URI, text);
    await c.diagnostics(URI);
    await body(c);
  } finally {
    await c.close();
  }
}

describe('effective config over LSP', () => {
  const expected = (words: string[]) => effectiveConfig(analyze({ bytes: new TextEncoder().encode(SRC), options: { sourceName: 'web.cfg' } }), words).text;

  test('the request: typed text split as a shell does, or the words; the same text as the service', async () => {
    await withServer({}, SRC, async (c) => {
      const typed = await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: URI, overrides: `memory=4096 'name="web-test"'` });
      assert.equal(typed.content, expected(['memory=4096', 'name="web-test"']));
      assert.match(typed.content, /^memory = 4096 {2}# override 1 \(memory=4096\); replaces line 3$/m);
      const words = await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: URI, overrides: ['memory=4096', 'name="web-test"'] });
      assert.equal(words.content, typed.content);
      const none = await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: URI });
      assert.equal(none.content, expected([]));
      const bad = await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: URI, overrides: `name='web` });
      assert.match(bad.content, /cannot read the overrides: a single quote is not closed/);
      const parseError = await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: URI, overrides: `'name=web two'` });
      // Typed unquoted, `two` would be a word of its own, which xl takes for a second config file.
      assert.match((await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: URI, overrides: 'name=web two' })).content, /`two` has no `=`/);
      assert.match(parseError.content, /web\.cfg:6: config parsing error near `web'/);
      assert.match(parseError.content, /^# Line 6 is override 1: name=web two$/m);
      const notOpen = await c.request(EFFECTIVE_CONFIG_REQUEST, { uri: 'file:///nowhere.cfg' });
      assert.match(notOpen.content, /not open/);
    });
  });

  test('the server command: written to a file and shown (window/showDocument)', async () => {
    const shown: any[] = [];
    await withServer({
      capabilities: { window: { showDocument: { support: true } } },
      onRequest: { 'window/showDocument': (p: any) => { shown.push(p); return { success: true }; } },
    }, SRC, async (c) => {
      const r = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.effectiveConfig, arguments: [URI, 'vcpus=4'] });
      assert.equal(r.content, expected(['vcpus=4']));
      assert.deepEqual(shown, [{ uri: r.uri, takeFocus: true }]);
      assert.match(fileURLToPath(r.uri), /web\.cfg\.effective\.txt$/);
      assert.equal(readFileSync(fileURLToPath(r.uri), 'utf8'), r.content);
      // Without arguments (Helix, Eglot): the document last opened, no overrides.
      const bare = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.effectiveConfig, arguments: [] });
      assert.equal(bare.content, expected([]));
    });
  });
});

describe('document links over LSP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-links-'));
  const kernel = join(dir, 'vmlinuz');
  writeFileSync(kernel, 'not a kernel');
  const missing = join(dir, 'initrd.img');
  const text = `name = "pv"\ntype = "pv"\nkernel = "${kernel}"\nramdisk = "${missing}"\nextra = "x"\ndisk = [ "file:${dir}/disk.img,xvda,w", "phy:/dev/vg0/pv,xvdb,w" ]\n`;
  const local = { settings: { xlcfg: { host: 'local' } } };

  const linksOf = async (o: ClientOptions, after?: (c: Awaited<ReturnType<typeof startServer>>) => Promise<void>) => {
    let links: any[] = [];
    await withServer(o, text, async (c) => {
      await after?.(c);
      links = await c.request('textDocument/documentLink', { textDocument: { uri: URI } });
    });
    return links;
  };

  test('kernel, ramdisk and file disk targets; no block device; ranges on the path', async () => {
    const links = await linksOf({});
    assert.deepEqual(links.map((l) => l.target), [linkTarget(URI, kernel), linkTarget(URI, missing), linkTarget(URI, `${dir}/disk.img`)]);
    const lines = text.split('\n');
    for (const l of links) {
      const s = lines[l.range.start.line]!.slice(l.range.start.character, l.range.end.character);
      assert.equal(linkTarget(URI, s), l.target);
    }
    // Reference host: nothing is looked up.
    assert.deepEqual(links.map((l) => l.tooltip), [`Open ${kernel}`, `Open ${missing}`, `Open ${dir}/disk.img`]);
  });

  test('host local in a trusted workspace: the files are looked up', async () => {
    const links = await linksOf({ initializationOptions: { ...local, workspaceTrusted: true } });
    assert.deepEqual(links.map((l) => l.tooltip), [`Open ${kernel} (found on this host)`, `${missing}: not found on this host`, `${dir}/disk.img: not found on this host`]);
  });

  test('host local, no word on trust (editors without Restricted Mode): looked up', async () => {
    const links = await linksOf({ initializationOptions: local });
    assert.equal(links[1].tooltip, `${missing}: not found on this host`);
  });

  test('host local, workspace not trusted: not looked up, until the client says it is trusted', async () => {
    const untrusted = await linksOf({ initializationOptions: { ...local, workspaceTrusted: false } });
    assert.deepEqual(untrusted.map((l) => l.tooltip), [`Open ${kernel}`, `Open ${missing}`, `Open ${dir}/disk.img`]);
    const granted = await linksOf({ initializationOptions: { ...local, workspaceTrusted: false } }, async (c) => {
      await c.conn.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
    });
    assert.equal(granted[1].tooltip, `${missing}: not found on this host`);
  });

  test('trusted but not the local host: not looked up', async () => {
    const links = await linksOf({ initializationOptions: { workspaceTrusted: true } });
    assert.equal(links[1].tooltip, `Open ${missing}`);
  });

  test('link targets keep a remote document remote', () => {
    assert.equal(linkTarget('file:///etc/xen/a.cfg', '/boot/vmlinuz'), 'file:///boot/vmlinuz');
    assert.equal(linkTarget('vscode-remote://ssh-remote%2Bdom0/etc/xen/a.cfg', '/boot/a b#1'), 'vscode-remote://ssh-remote%2Bdom0/boot/a%20b%231');
    assert.equal(linkTarget('untitled:Untitled-1', '/boot/x'), 'file:///boot/x');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));
});
