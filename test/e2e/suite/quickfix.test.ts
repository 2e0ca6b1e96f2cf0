// Every quick fix offered on the dm-restrict-traditional error applies and clears the error.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors, codeActions, codeOf, isCodeAction, openFile, setText, waitFor, waitForDiagnostic, waitForNoDiagnostic,
} from './helpers';

const CODE = 'dm-restrict-traditional';

/** Quick fixes VS Code offers for `diagnostic` (linked to it, or unlinked quick fixes on its range). */
async function quickFixes(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await codeActions(doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
  return actions.filter(isCodeAction).filter((a) =>
    !a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === CODE));
}

/**
 * Applies each offered fix to a fresh copy of the file; returns the text after each fix, by title.
 * Asserts that every fix carries an edit and that the error clears after it.
 */
async function applyEachFix(file: string, atLeast: number): Promise<Map<string, string>> {
  const doc = await openFile(file);
  const original = doc.getText();
  const [first] = await waitForDiagnostic(doc.uri, CODE);
  let offered: string[] = [];
  const fixes = await waitFor(`at least ${atLeast} quick fixes`, async () => {
    const found = await quickFixes(doc, first);
    offered = found.map((f) => f.title);
    return found.length >= atLeast ? found : undefined;
  }).catch((e: Error) => assert.fail(`${e.message}; offered: [${offered.join(' | ')}]`));
  const results = new Map<string, string>();
  for (const title of fixes.map((f) => f.title)) {
    if (doc.getText() !== original) await setText(doc, original);
    const [diagnostic] = await waitForDiagnostic(doc.uri, CODE);
    const fix = await waitFor(`the fix '${title}'`, async () => (await quickFixes(doc, diagnostic)).find((f) => f.title === title));
    assert.ok(fix.edit, `the fix '${title}' carries no edit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), `the fix '${title}' did not apply`);
    assert.notStrictEqual(doc.getText(), original, `the fix '${title}' changed nothing`);
    await waitForNoDiagnostic(doc.uri, CODE).catch((e: Error) => assert.fail(`after '${title}': ${e.message}`));
    results.set(title, doc.getText());
  }
  await setText(doc, original);
  await doc.save();
  return results;
}

/** The fix at `index` in the order the light bulb lists them does `what`. */
function nthResult(results: Map<string, string>, index: number, what: string, ok: (text: string) => boolean): void {
  const text = [...results.values()][index];
  assert.ok(text !== undefined && ok(text), `fix #${index + 1} should be the one that ${what}; fixes: [${[...results.keys()].join(' | ')}]`);
}

suite('quick fixes', () => {
  suiteTeardown(closeAllEditors);

  test('traditional written out: 1. switch to qemu-xen, 2. drop dm_restrict', async () => {
    const results = await applyEachFix('trad-restrict.xl', 2);
    nthResult(results, 0, 'sets device_model_version = "qemu-xen"', (t) => /^device_model_version\s*=\s*["']qemu-xen["']\s*$/m.test(t));
    nthResult(results, 1, 'removes dm_restrict', (t) => !/^dm_restrict\s*=/m.test(t));
  });

  test('traditional implied by a stubdomain: 1. drop dm_restrict, 2. drop the stubdomain, 3. a qemu-xen stubdomain', async () => {
    const results = await applyEachFix('stubdom-restrict.xl', 3);
    nthResult(results, 0, 'removes dm_restrict', (t) => !/^dm_restrict\s*=/m.test(t));
    nthResult(results, 1, 'drops device_model_stubdomain_override', (t) => !/^device_model_stubdomain_override\s*=\s*1/m.test(t));
    nthResult(results, 2, 'asks for a qemu-xen stubdomain', (t) =>
      /^device_model_version\s*=\s*["']qemu-xen["']\s*$/m.test(t) && /^device_model_stubdomain_override\s*=\s*1/m.test(t));
  });
});
