// Inlay hints (issue 12): the device_model_version libxl picks for an HVM stub domain is shown beside
// the config, and the `xlcfg.inlayHints` setting turns the hints off and on again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, keyPosition, openFile, waitFor } from './helpers';

async function hints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all)) ?? [];
}

function labelOf(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

function tooltipOf(h: vscode.InlayHint): string {
  const t = h.tooltip;
  return t === undefined ? '' : typeof t === 'string' ? t : t.value;
}

const IMPLIED = /^device_model_version="qemu-xen-traditional"$/;

async function setInlayHints(value: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('xlcfg').update('inlayHints', value, vscode.ConfigurationTarget.Workspace);
}

suite('inlay hints', () => {
  suiteTeardown(async () => {
    await setInlayHints(undefined);
    await closeAllEditors();
  });

  test('the device_model_version an HVM stub domain implies is shown at the end of its line', async () => {
    const doc = await openFile('inlay.xl');
    const hint = await waitFor('the implied device_model_version hint', async () => (await hints(doc)).find((h) => IMPLIED.test(labelOf(h))));
    const line = keyPosition(doc, 'device_model_stubdomain_override').line;
    assert.strictEqual(hint.position.line, line);
    assert.strictEqual(hint.position.character, doc.lineAt(line).text.length, 'the hint sits at the end of the statement');
    assert.match(tooltipOf(hint), /stub domain/);
    assert.ok(!/^\s*device_model_version\s*=/m.test(doc.getText()), 'the version is not written in the file');
  });

  test('xlcfg.inlayHints false hides the hints; true shows them again', async () => {
    const doc = await openFile('inlay.xl');
    await waitFor('the hint with the default setting', async () => (await hints(doc)).some((h) => IMPLIED.test(labelOf(h))));
    await setInlayHints(false);
    await waitFor('no hints once xlcfg.inlayHints is false', async () => (await hints(doc)).length === 0);
    await setInlayHints(true);
    await waitFor('the hint again once xlcfg.inlayHints is true', async () => (await hints(doc)).some((h) => IMPLIED.test(labelOf(h))));
  });
});
