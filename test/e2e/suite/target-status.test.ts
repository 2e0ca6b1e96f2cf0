// The language status item (issue 13) says which Xen release and dom0 model the checks target; its
// command picks another release. The item's text itself is not readable through the API: the UI
// smoke test reads it from the status bar. Here: the command exists, and picking a release in its
// quick pick changes `xlcfg.xenVersion`, which the server then uses.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFile, sleep, waitFor } from './helpers';

const COMMAND = 'xlcfg.changeTargetRelease';

async function clearVersion(): Promise<void> {
  const c = vscode.workspace.getConfiguration('xlcfg');
  await c.update('xenVersion', undefined, vscode.ConfigurationTarget.Global);
  await c.update('xenVersion', undefined, vscode.ConfigurationTarget.Workspace);
}

suite('target status', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await clearVersion();
    await closeAllEditors();
  });

  test('the status item command is registered', async () => {
    await openFile('trad-restrict.xl');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMAND), `${COMMAND} is not registered`);
  });

  test("picking a release in the item's quick pick sets xlcfg.xenVersion, and the checks follow", async () => {
    await clearVersion();
    const doc = await openFile('trad-restrict.xl');
    const before = vscode.workspace.getConfiguration('xlcfg').get<string>('xenVersion');
    assert.strictEqual(before, '4.17');
    // The quick pick lists the newest release first: accepting the first item picks it.
    const running = vscode.commands.executeCommand(COMMAND);
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    const picked = await waitFor('xlcfg.xenVersion to change', () => {
      const v = vscode.workspace.getConfiguration('xlcfg').get<string>('xenVersion');
      return v !== '4.17' ? v : undefined;
    });
    assert.match(picked, /^4\.\d+$/);
    assert.ok(Number(picked.split('.')[1]) >= 21, `the first item is the newest release, got ${picked}`);
    // From 4.21 xl no longer knows qemu-xen-traditional: the server checks against the picked release.
    await waitFor("xl's 'Unknown device_model_version' error for the picked release", () => vscode.languages.getDiagnostics(doc.uri)
      .some((d) => d.message.includes('Unknown device_model_version "qemu-xen-traditional" specified')));
    await clearVersion();
  });
});
