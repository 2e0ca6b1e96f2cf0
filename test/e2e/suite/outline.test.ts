// The Outline (issue 13): one symbol per setting, under the group of keys the xl.cfg(5) man page puts
// it in, groups in the order they first appear in the file; list values list their items.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFile, waitFor } from './helpers';

suite('outline', () => {
  suiteTeardown(closeAllEditors);

  test('document symbols are grouped by the sections of xl.cfg(5)', async () => {
    const doc = await openFile('hardened.xl');
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider', doc.uri);
      return found?.length ? found : undefined;
    });
    const groups = symbols as vscode.DocumentSymbol[];
    assert.ok(groups.every((g) => Array.isArray(g.children)), 'hierarchical symbols');
    const shape = groups.map((g) => [g.name, g.children.map((c) => c.name)]);
    assert.deepStrictEqual(shape, [
      ['Domain and life cycle', ['name', 'type']],
      ['Device model', ['device_model_version', 'dm_restrict']],
      ['CPUs and memory', ['memory', 'vcpus']],
      ['Devices', ['disk', 'vif']],
      ['Graphics and consoles', ['vnc']],
    ]);
    for (const g of groups) {
      assert.strictEqual(g.kind, vscode.SymbolKind.Namespace, g.name);
      assert.match(g.detail, /^\d+ settings?$/, g.name);
      for (const c of g.children) assert.strictEqual(c.kind, vscode.SymbolKind.Property, c.name);
    }
    const disk = groups[3].children[0];
    assert.strictEqual(disk.detail, '= [1 item]');
    assert.deepStrictEqual(disk.children.map((c) => c.name), ['phy:/dev/vg0/hardened,xvda,w']);
    assert.strictEqual(doc.getText(disk.selectionRange), 'disk', 'selecting the symbol selects the key');
  });
});
