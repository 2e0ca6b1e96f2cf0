// The server's own commands (issue 15): editors without the VS Code client reach the device-model
// preview (the CodeLens) and the upgrade report through workspace/executeCommand. The server answers
// with the text, writes it to a file under the OS temp dir and shows it (window/showDocument) or says
// where it is (window/showMessage).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type ClientOptions } from '../helpers/lsp-client';
import { COMMANDS, SERVER_COMMANDS } from '../../server/src/protocol';

const ROOT = resolve(__dirname, '..', '..');
const SRC = readFileSync(join(ROOT, 'examples', 'hvm-dm-restrict-traditional.cfg'), 'utf8');
const URI = 'file:///etc/xen/legacy-app.cfg';

async function withServer(o: ClientOptions, body: (c: Awaited<ReturnType<typeof startServer>>) => Promise<void>) {
  const c = await startServer({ configuration: null, ...o });
  try {
    await c.open(URI, SRC);
    await body(c);
  } finally {
    await c.close();
    if (c.proc.exitCode === null && c.proc.signalCode === null) await once(c.proc, 'exit');
  }
}

describe('server commands over LSP', () => {
  test('announced: the server ids, none of the VS Code client\'s', async () => {
    const c = await startServer();
    try {
      const commands: string[] = c.initializeResult.capabilities.executeCommandProvider.commands;
      assert.deepEqual([...commands].sort(), Object.values(SERVER_COMMANDS).sort());
      for (const id of Object.values(COMMANDS)) assert.ok(!commands.includes(id), id);
    } finally {
      await c.close();
    }
  });

  test('the CodeLens names the server command by default, the client command for the VS Code client', async () => {
    await withServer({}, async (c) => {
      const [lens] = await c.request('textDocument/codeLens', { textDocument: { uri: URI } });
      assert.equal(lens.command.command, SERVER_COMMANDS.deviceModelPreview);
      assert.deepEqual(lens.command.arguments, [URI]);
    });
    await withServer({ initializationOptions: { clientCommands: true } }, async (c) => {
      const [lens] = await c.request('textDocument/codeLens', { textDocument: { uri: URI } });
      assert.equal(lens.command.command, COMMANDS.showDeviceModelPreview);
    });
  });

  test('device-model preview: the text, written to a file and shown (window/showDocument)', async () => {
    const shown: any[] = [];
    let path = '';
    await withServer({
      capabilities: { window: { showDocument: { support: true } } },
      onRequest: { 'window/showDocument': (p: any) => { shown.push(p); return { success: true }; } },
    }, async (c) => {
      const [lens] = await c.request('textDocument/codeLens', { textDocument: { uri: URI } });
      const r = await c.request('workspace/executeCommand', { command: lens.command.command, arguments: lens.command.arguments });
      const expected = await c.request('xlcfg/deviceModelPreview', { uri: URI });
      assert.equal(r.content, expected.content);
      assert.match(r.content, /dm_restrict not supported by qemu-xen-traditional/);
      assert.deepEqual(shown, [{ uri: r.uri, takeFocus: true }]);
      path = fileURLToPath(r.uri);
      assert.ok(path.startsWith(tmpdir()), path);
      assert.match(path, /legacy-app\.cfg\.argv$/);
      assert.equal(readFileSync(path, 'utf8'), r.content);
      // Run again after an edit: the same file, the new text.
      c.change(URI, 2, SRC.replace('device_model_version = "qemu-xen-traditional"', 'device_model_version = "qemu-xen"'));
      await c.diagnostics(URI);
      const again = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.deviceModelPreview, arguments: [URI] });
      assert.equal(again.uri, r.uri);
      assert.match(readFileSync(path, 'utf8'), /qemu-system-i386/);
    });
    assert.ok(!existsSync(path), 'the file goes when the server exits');
  });

  test('device-model preview without window/showDocument: the path in a message', async () => {
    const messages: any[] = [];
    await withServer({ onNotification: { 'window/showMessage': (p: any) => messages.push(p) } }, async (c) => {
      const r = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.deviceModelPreview, arguments: [URI] });
      assert.match(r.content, /dm_restrict/);
      const deadline = Date.now() + 5000;
      while (messages.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
      assert.equal(messages.length, 1);
      assert.equal(messages[0].type, 3);
      assert.ok(messages[0].message.includes(fileURLToPath(r.uri)), messages[0].message);
    });
  });

  test('upgrade report: the same text as `xlcfg upgrade FILE --from 4.17 --to 4.21`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-upgrade-test-'));
    try {
      writeFileSync(join(dir, 'legacy-app.cfg'), SRC);
      const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'upgrade', 'legacy-app.cfg', '--from', '4.17', '--to', '4.21'], { cwd: dir, encoding: 'utf8' });
      assert.ok(cli.stdout.length > 0, cli.stderr);
      await withServer({}, async (c) => {
        const r = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.upgradeReport, arguments: [URI, '4.17', '4.21'] });
        assert.equal(r.content, cli.stdout);
        assert.match(r.content, /Xen 4\.17 \(debian-12 host\) -> Xen 4\.21 \(reference host\)/);
        assert.match(fileURLToPath(r.uri), /legacy-app\.cfg\.upgrade-4\.17-4\.21\.txt$/);
        // One host for both sides, as `--host`.
        const one = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.upgradeReport, arguments: [URI, '4.17', '4.20', 'reference'] });
        assert.match(one.content, /Xen 4\.17 \(reference host\) -> Xen 4\.20 \(reference host\)/);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad arguments are errors; a document that is not open says so', async () => {
    await withServer({}, async (c) => {
      await assert.rejects(c.request('workspace/executeCommand', { command: SERVER_COMMANDS.upgradeReport, arguments: [URI, '4.17'] }), /from and to/);
      await assert.rejects(c.request('workspace/executeCommand', { command: SERVER_COMMANDS.upgradeReport, arguments: [URI, '4.17', '4.20', 'mars'] }), /host/);
      await assert.rejects(c.request('workspace/executeCommand', { command: SERVER_COMMANDS.deviceModelPreview, arguments: [42] }), /URI/);
      // No arguments at all (Helix's :lsp-workspace-command): the document last opened or edited.
      const last = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.deviceModelPreview });
      assert.match(last.content, /dm_restrict not supported/);
      assert.match(last.uri, /legacy-app\.cfg\.argv$/);
      await assert.rejects(c.request('workspace/executeCommand', { command: 'xlcfg.nope', arguments: [URI] }), /unknown command/);
      const r = await c.request('workspace/executeCommand', { command: SERVER_COMMANDS.deviceModelPreview, arguments: ['file:///not/open.cfg'] });
      assert.match(r.content, /not open/);
      assert.equal(r.uri, undefined);
    });
  });
});
