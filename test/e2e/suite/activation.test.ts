// The extension loads in a real VS Code and its language server answers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, closeAllEditors, openFile, serverIsDead, waitFor, waitForDiagnostic } from './helpers';

suite('activation', () => {
  suiteSetup(() => {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}, ` +
      `remote ${vscode.env.remoteName ?? '-'}), extension host on Node ${process.version}`);
  });
  suiteTeardown(closeAllEditors);

  test('an .xl file opens as xl-cfg and the extension activates', async () => {
    const doc = await openFile('parse-error.xl');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
    await waitFor('the extension to activate', () => extension.isActive, 25_000).catch((e: Error) => {
      serverIsDead();
      throw e;
    });
  });

  test('the language server publishes diagnostics', async () => {
    const doc = await openFile('parse-error.xl');
    await waitForDiagnostic(doc.uri, 'parse-error', 25_000).catch((e: Error) => {
      serverIsDead();
      throw e;
    });
  });
});
