// Bytes VS Code hides from the server: CRLF line ends and a UTF-8 BOM still give xl's lexical errors,
// and the fixes really rewrite the file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../server/src/protocol';
import {
  closeAllEditors, codeActions, commandOf, diagnosticsWithCode, openFile, readBytes, waitFor, waitForDiagnostic, waitForNoDiagnostic, writeFile,
} from './helpers';

const GUEST = 'name = "bytes"\ntype = "hvm"\nmemory = 1024\n';

/** Finds the code action on `diagnostic` that runs `command`, and runs it as the light bulb would. */
async function runFixCommand(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, command: string): Promise<void> {
  let offered: string[] = [];
  const action = await waitFor(`a code action running ${command}`, async () => {
    const actions = await codeActions(doc.uri, diagnostic.range);
    offered = actions.map((a) => `${a.title} (${commandOf(a)?.command ?? 'edit'})`);
    return actions.find((a) => commandOf(a)?.command === command);
  }).catch((e: Error) => assert.fail(`${e.message}; offered: [${offered.join(' | ')}]`));
  const run = commandOf(action)!;
  await vscode.commands.executeCommand(run.command, ...(run.arguments ?? []));
}

suite('line endings and BOM', () => {
  suiteTeardown(closeAllEditors);

  test("a CRLF file shows xl's lexical error on each line", async () => {
    await writeFile('crlf.xl', GUEST.replace(/\n/g, '\r\n'));
    const doc = await openFile('crlf.xl');
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    const errors = await waitFor('a parse error on each of the three lines', () => {
      const found = diagnosticsWithCode(doc.uri, 'parse-error');
      return found.length >= 3 ? found : undefined;
    });
    assert.deepStrictEqual([...new Set(errors.map((e) => e.range.start.line))].sort(), [0, 1, 2]);
    assert.ok(errors.every((e) => /lexical error/.test(e.message)), errors.map((e) => e.message).join(' | '));
  });

  test('the CRLF fix (xlcfg.convertToLf) really rewrites the line endings', async () => {
    const doc = await openFile('crlf.xl');
    const [error] = await waitForDiagnostic(doc.uri, 'parse-error');
    await runFixCommand(doc, error, COMMANDS.convertToLf);
    await waitFor('the editor to use LF', () => doc.eol === vscode.EndOfLine.LF);
    await waitForNoDiagnostic(doc.uri, 'parse-error');
    if (doc.isDirty) await doc.save();
    const bytes = await readBytes('crlf.xl');
    assert.ok(!bytes.includes('\r'), 'the file on disk still has CR bytes');
    assert.strictEqual(bytes.toString('utf8'), GUEST);
  });

  test("a file saved with a BOM still shows xl's BOM lexical error", async () => {
    await writeFile('bom.xl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GUEST)]));
    const doc = await openFile('bom.xl');
    assert.ok(!doc.getText().startsWith('\ufeff'), 'VS Code strips the BOM from the text');
    const [error] = await waitForDiagnostic(doc.uri, 'parse-error');
    assert.strictEqual(error.range.start.line, 0);
    assert.strictEqual(error.range.start.character, 0);
    assert.match(error.message, /lexical error/);
  });

  test('the BOM fix (xlcfg.saveWithoutBom) rewrites the file without it', async () => {
    const doc = await openFile('bom.xl');
    const [error] = await waitForDiagnostic(doc.uri, 'parse-error');
    await runFixCommand(doc, error, COMMANDS.saveWithoutBom);
    await waitFor('the file to lose its BOM', async () => (await readBytes('bom.xl'))[0] !== 0xef);
    await waitForNoDiagnostic(doc.uri, 'parse-error');
    assert.strictEqual((await readBytes('bom.xl')).toString('utf8'), GUEST);
  });
});
