// Parse errors and checks reach the editor with xl's/libxl's words, the right codes and ranges.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, diagnosticsWithCode, keyPosition, openFile, sleep, waitFor, waitForDiagnostic } from './helpers';

suite('diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test("parse error: xl's lexical error, exactly on the offending token", async () => {
    const doc = await openFile('parse-error.xl');
    const [error] = await waitForDiagnostic(doc.uri, 'parse-error');
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /config parsing error near `-1024': lexical error/);
    assert.strictEqual(error.range.start.line, 3);
    assert.strictEqual(error.range.start.character, 9);
    assert.strictEqual(doc.getText(error.range), '-1024');
  });

  test("parse error: xl's 'looks like Python' note is a warning", async () => {
    const doc = await openFile('parse-error.xl');
    await waitFor('a warning that mentions Python', () => vscode.languages.getDiagnostics(doc.uri)
      .find((d) => d.severity === vscode.DiagnosticSeverity.Warning && /Python/.test(d.message)));
  });

  test('dm-restrict-traditional: error on dm_restrict, related to device_model_version', async () => {
    const doc = await openFile('trad-restrict.xl');
    const [error] = await waitForDiagnostic(doc.uri, 'dm-restrict-traditional');
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /dm_restrict not supported by qemu-xen-traditional/);
    const line = keyPosition(doc, 'dm_restrict').line;
    assert.strictEqual(error.range.start.line, line);
    assert.strictEqual(error.range.end.line, line);
    assert.ok(doc.getText(error.range).startsWith('dm_restrict'), `range covers '${doc.getText(error.range)}'`);
    const dmvLine = keyPosition(doc, 'device_model_version').line;
    assert.ok((error.relatedInformation ?? []).some((r) => r.location.range.start.line === dmvLine),
      'related information points at the device_model_version line');
  });

  test('dm-restrict-traditional: implied by the stubdomain, related to device_model_stubdomain_override', async () => {
    const doc = await openFile('stubdom-restrict.xl');
    const [error] = await waitForDiagnostic(doc.uri, 'dm-restrict-traditional');
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(error.range.start.line, keyPosition(doc, 'dm_restrict').line);
    const stubLine = keyPosition(doc, 'device_model_stubdomain_override').line;
    assert.ok((error.relatedInformation ?? []).some((r) => r.location.range.start.line === stubLine),
      'related information points at the device_model_stubdomain_override line');
  });

  test('a hardened qemu-xen guest has no dm-restrict-traditional error and no errors at all', async () => {
    const doc = await openFile('hardened.xl');
    // Absence cannot be polled for: give the server (already running by now) time to publish.
    await sleep(3000);
    assert.deepStrictEqual(diagnosticsWithCode(doc.uri, 'dm-restrict-traditional'), []);
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => `${codeOf(d)}: ${d.message}`), []);
  });
});
