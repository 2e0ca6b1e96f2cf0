// The `xlcfg` settings reach the server from a real VS Code and change what it reports.
import * as vscode from 'vscode';
import { closeAllEditors, openFile, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

const CODE = 'dm-restrict-traditional';

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('xlcfg');
}

async function setSetting(name: string, value: unknown): Promise<void> {
  await settings().update(name, value, vscode.ConfigurationTarget.Workspace);
}

suite('settings', () => {
  suiteTeardown(async () => {
    await setSetting('severity', undefined);
    await setSetting('xenVersion', undefined);
    await closeAllEditors();
  });

  test('xlcfg.severity switches a check off, and back on', async () => {
    const doc = await openFile('trad-restrict.xl');
    await waitForDiagnostic(doc.uri, CODE);
    await setSetting('severity', { [CODE]: 'off' });
    await waitForNoDiagnostic(doc.uri, CODE);
    await setSetting('severity', undefined);
    await waitForDiagnostic(doc.uri, CODE);
  });

  test('xlcfg.severity lowers a check to a warning', async () => {
    const doc = await openFile('trad-restrict.xl');
    await setSetting('severity', { [CODE]: 'warning' });
    await waitFor(`the ${CODE} diagnostic as a warning`, () => vscode.languages.getDiagnostics(doc.uri)
      .some((d) => d.code !== undefined && String(typeof d.code === 'object' ? d.code.value : d.code) === CODE &&
        d.severity === vscode.DiagnosticSeverity.Warning));
    await setSetting('severity', undefined);
  });

  test("xlcfg.xenVersion 4.21: xl no longer knows qemu-xen-traditional", async () => {
    const doc = await openFile('trad-restrict.xl');
    const unknownVersion = () => vscode.languages.getDiagnostics(doc.uri).find((d) =>
      d.severity === vscode.DiagnosticSeverity.Error && d.message.includes('Unknown device_model_version "qemu-xen-traditional" specified'));
    await setSetting('xenVersion', '4.21');
    await waitFor("xl's 'Unknown device_model_version' error", unknownVersion);
    await setSetting('xenVersion', undefined);
    await waitFor('the error to go with the default version (4.17)', () => !unknownVersion());
  });
});
