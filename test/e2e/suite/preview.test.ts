// The device-model preview command opens a read-only document beside the config and follows edits.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS, PREVIEW_SCHEME } from '../../../server/src/protocol';
import { closeAllEditors, openFile, setText, waitFor } from './helpers';

function previewEditor(): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === PREVIEW_SCHEME);
}

suite('device-model preview', () => {
  let doc: vscode.TextDocument;
  let original: string;

  suiteSetup(async () => {
    doc = await openFile('hardened.xl');
    original = doc.getText();
  });
  suiteTeardown(async () => {
    if (doc.getText() !== original) await setText(doc, original);
    await doc.save();
    await closeAllEditors();
  });

  test(`the command opens an ${PREVIEW_SCHEME} document beside the config with qemu's argv`, async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(COMMANDS.showDeviceModelPreview);
    const editor = await waitFor(`a visible ${PREVIEW_SCHEME} editor`, previewEditor);
    const configEditor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    assert.ok(configEditor, 'the config stays visible');
    assert.notStrictEqual(editor.viewColumn, configEditor.viewColumn, 'the preview opens beside the config');
    const text = await waitFor('the argv in the preview', () => {
      const t = previewEditor()?.document.getText() ?? '';
      return t.includes('-xen-domid-restrict') ? t : undefined;
    });
    for (const arg of ['xen-qemu-system-i386', '-chroot', '-runas', '2,maxcpus=2']) {
      assert.ok(text.includes(arg), `the preview shows ${arg}`);
    }
  });

  test('the preview follows an edit of the config', async () => {
    assert.ok(previewEditor(), 'the preview is open');
    await setText(doc, original.replace('vcpus = 2', 'vcpus = 4'));
    await waitFor('-smp 4 in the preview', () => previewEditor()?.document.getText().includes('4,maxcpus=4'));
  });

  test('a CodeLens on the first line opens the preview', async () => {
    let titles: string[] = [];
    const lens = await waitFor('a CodeLens running the preview command', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
      titles = (lenses ?? []).map((l) => `${l.range.start.line}: ${l.command?.title ?? '(unresolved)'}`);
      return (lenses ?? []).find((l) => l.command?.command === COMMANDS.showDeviceModelPreview);
    }).catch((e: Error) => assert.fail(`${e.message}; lenses: [${titles.join(' | ')}]`));
    assert.strictEqual(lens.range.start.line, 0);
  });

  test("the preview shows libxl's refusal once the config is switched to qemu-xen-traditional", async () => {
    assert.ok(previewEditor(), 'the preview is open');
    await setText(doc, original.replace('"qemu-xen"', '"qemu-xen-traditional"'));
    const text = await waitFor("libxl's error in the preview", () => {
      const t = previewEditor()?.document.getText() ?? '';
      return t.includes('dm_restrict not supported by qemu-xen-traditional') ? t : undefined;
    });
    assert.ok(!text.includes('-xen-domid-restrict'), 'no argv is shown for a config libxl refuses');
  });
});
