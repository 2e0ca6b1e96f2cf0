// Completion offers keys at the start of a statement and the allowed values after '='.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { bareLabel, closeAllEditors, completionItems, openFile, setText, waitFor } from './helpers';

suite('completion', () => {
  let doc: vscode.TextDocument;
  let original: string;

  suiteSetup(async () => {
    doc = await openFile('completion.xl');
    original = doc.getText();
  });
  teardown(async () => {
    if (doc.getText() !== original) await setText(doc, original);
  });
  suiteTeardown(async () => {
    await doc.save();
    await closeAllEditors();
  });

  /** Puts `line` on the empty last line and returns the items offered at its end. */
  async function itemsAfter(line: string, wanted: string[]): Promise<vscode.CompletionItem[]> {
    await setText(doc, original + line);
    const at = new vscode.Position(doc.lineCount - 1, line.length);
    let labels: string[] = [];
    return waitFor(`completion offering ${wanted.join(', ')}`, async () => {
      const items = await completionItems(doc.uri, at);
      labels = items.map(bareLabel);
      return wanted.every((w) => labels.includes(w)) ? items : undefined;
    }).catch((e: Error) => assert.fail(`${e.message}; offered: [${labels.slice(0, 40).join(', ')}]`));
  }

  test('keys at the start of a line, keys already set ranked last', async () => {
    const items = await itemsAfter('', ['dm_restrict', 'device_model_version', 'vcpus', 'memory']);
    const rank = (label: string) => {
      const item = items.find((i) => bareLabel(i) === label)!;
      return item.sortText ?? bareLabel(item);
    };
    assert.ok(rank('memory') > rank('vcpus'), `memory (already set, '${rank('memory')}') ranks after vcpus ('${rank('vcpus')}')`);
  });

  test('enum values after device_model_version =', async () => {
    await itemsAfter('device_model_version = ', ['qemu-xen', 'qemu-xen-traditional']);
  });

  test('enum values after vga =', async () => {
    await itemsAfter('vga = ', ['stdvga', 'cirrus', 'none']);
  });

  test('0 and 1 for a boolean', async () => {
    await itemsAfter('dm_restrict = ', ['0', '1']);
  });
});
