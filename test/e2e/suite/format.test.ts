// Format Document over LSP (issue 13): `key = value` with single spaces, at most one blank line in a
// row, short lists on one line; every comment stays where it was, and formatting again changes nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFile, setText, waitFor } from './helpers';

const FORMATTED = [
  '# a guest written without care for spacing; the comments must survive formatting',
  'name = "fmt"',
  'type = "hvm" # the guest type',
  'memory = 1024',
  '',
  '# CPUs',
  'vcpus = 2',
  "disk = ['phy:/dev/vg0/fmt,xvda,w', 'phy:/dev/vg0/fmt-data,xvdb,w']",
  '',
].join('\n');

async function formatEdits(doc: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  return (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri,
    { tabSize: 4, insertSpaces: true })) ?? [];
}

function comments(text: string): string[] {
  return text.split('\n').map((l) => /#.*$/.exec(l)?.[0].trimEnd()).filter((c): c is string => !!c);
}

suite('formatting', () => {
  let doc: vscode.TextDocument;
  let original: string;

  suiteSetup(async () => {
    doc = await openFile('format.xl');
    original = doc.getText();
  });
  suiteTeardown(async () => {
    if (doc.getText() !== original) await setText(doc, original);
    await doc.save();
    await closeAllEditors();
  });

  test('Format Document fixes the spacing and keeps every comment', async () => {
    const edits = await waitFor('formatting edits', async () => { const e = await formatEdits(doc); return e.length ? e : undefined; });
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(doc.getText(), FORMATTED);
    assert.deepStrictEqual(comments(doc.getText()), comments(original), 'the comments are unchanged');
  });

  test('formatting a formatted file changes nothing', async () => {
    // The server does answer: one blank too few gives an edit again.
    await setText(doc, FORMATTED.replace('name = "fmt"', 'name= "fmt"'));
    await waitFor('an edit for the one blank too few', async () => (await formatEdits(doc)).length > 0);
    await setText(doc, FORMATTED);
    await waitFor('the server to see the formatted text', async () => (await formatEdits(doc)).length === 0);
  });

  test('the command editor.action.formatDocument formats the active editor', async () => {
    await setText(doc, original);
    await vscode.window.showTextDocument(doc);
    await waitFor('Format Document to change the text', async () => {
      await vscode.commands.executeCommand('editor.action.formatDocument');
      return doc.getText() === FORMATTED;
    });
  });
});
