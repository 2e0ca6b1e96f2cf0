// A cold open: the editor may ask for code lenses before the document's first analysis. The server
// asks a client that supports it to refresh its lenses once, after that first analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client';

test('one workspace/codeLens/refresh after a document\'s first analysis, none after edits', async () => {
  let refreshes = 0;
  const c = await startServer({
    configuration: null,
    capabilities: { workspace: { codeLens: { refreshSupport: true } } },
    onRequest: { 'workspace/codeLens/refresh': () => { refreshes++; return null; } },
  });
  try {
    const uri = 'file:///lens/cold.cfg';
    await c.open(uri, 'name = "t"\ntype = "hvm"\n');
    await c.diagnostics(uri);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(refreshes, 1);
    c.change(uri, 2, 'name = "t"\ntype = "hvm"\nmemory = 512\n');
    await c.diagnostics(uri);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(refreshes, 1, 'edits do not ask again');
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
  } finally {
    await c.close();
  }
});
