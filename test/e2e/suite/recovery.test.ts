// Recovery (issue 12): a `]` missing at the end of the disk line stops xl there, yet the mistakes
// further up (a misspelt key, "yes" for a boolean) are shown too, as warnings found on the repaired
// text; the quick fix that closes the list makes the file parse.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors, codeActions, codeOf, isCodeAction, keyPosition, openFile, setText, waitFor, waitForDiagnostic, waitForNoDiagnostic,
} from './helpers';

const REPAIRED = '(found on the text with the syntax error repaired)';

suite('recovery', () => {
  let doc: vscode.TextDocument;
  let original: string;

  suiteSetup(async () => {
    doc = await openFile('recovery.xl');
    original = doc.getText();
  });
  suiteTeardown(async () => {
    if (doc.getText() !== original) await setText(doc, original);
    await doc.save();
    await closeAllEditors();
  });

  test("a missing `]`: xl's parse error, and the findings above it as warnings on the repaired text", async () => {
    const [parse] = await waitForDiagnostic(doc.uri, 'parse-error');
    assert.strictEqual(parse.severity, vscode.DiagnosticSeverity.Error);
    assert.match(parse.message, /config parsing error near `vif': syntax error, unexpected IDENT, expecting '\]'/);
    assert.match(parse.message, /list opened with `\[` on line 6 is not closed/);
    assert.strictEqual(parse.range.start.line, keyPosition(doc, 'vif').line, 'xl reports the error on the next setting');
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map(codeOf), ['parse-error'], 'the parse error is the only error');

    const [key] = await waitForDiagnostic(doc.uri, 'unknown-key');
    assert.strictEqual(key.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(key.range.start.line, keyPosition(doc, 'memroy').line);
    assert.match(key.message, /memroy/);
    assert.match(key.message, /Did you mean `memory`/);
    assert.ok(key.message.includes(REPAIRED), key.message);

    const [yes] = await waitForDiagnostic(doc.uri, 'boolean-as-word');
    assert.strictEqual(yes.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(yes.range.start.line, keyPosition(doc, 'acpi').line);
    assert.ok(yes.message.includes(REPAIRED), yes.message);
  });

  test('the quick fix inserts `]`: the file parses, the parse error goes, the key is a plain finding', async () => {
    const [parse] = await waitForDiagnostic(doc.uri, 'parse-error');
    let offered: string[] = [];
    const close = await waitFor('the quick fix that closes the list', async () => {
      const actions = (await codeActions(doc.uri, parse.range, vscode.CodeActionKind.QuickFix)).filter(isCodeAction);
      offered = actions.map((a) => a.title);
      return actions.find((a) => /Close the list/.test(a.title));
    }).catch((e: Error) => assert.fail(`${e.message}; offered: [${offered.join(' | ')}]`));
    assert.ok(close.title.includes(']'), close.title);
    assert.ok(close.edit, 'the fix carries an edit');
    assert.ok(await vscode.workspace.applyEdit(close.edit));
    const diskLine = doc.lineAt(keyPosition(doc, 'disk').line).text;
    assert.match(diskLine, /'phy:\/dev\/vg0\/recover,xvda,w'\s*\]\s*$/, diskLine);
    await waitForNoDiagnostic(doc.uri, 'parse-error');
    const key = await waitFor('the unknown-key finding without the repaired note', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-key' && !d.message.includes(REPAIRED)));
    assert.match(key.message, /memroy/);
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => d.message.includes(REPAIRED)), 'no finding is still marked as repaired');
  });
});
