// Recovery over the protocol (issue 12, point 1): with a `]` missing, xl's parse error stays the only
// error, the misspelt key further up is reported too (a warning found on the repaired text), and
// the quick fixes close the list and rename the key.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client';

const SRC = 'name = "t"\ntype = "hvm"\nmemroy = 1024\ndisk = [ "phy:/dev/vg0/t,xvda,w"\nvif = [ "bridge=xenbr0" ]\n';

describe('recovery over LSP', () => {
  test('a missing `]` no longer hides the misspelt key above it; the fix closes the list', async () => {
    const c = await startServer({ configuration: { host: 'reference' } });
    try {
      const uri = 'file:///h/recovery.cfg';
      await c.open(uri, SRC);
      const diags = await c.diagnostics(uri, (d) => d.length > 0);
      const errors = diags.filter((d: any) => d.severity === 1);
      assert.equal(errors.length, 1, JSON.stringify(diags));
      const parse = errors[0];
      assert.equal(parse.code, 'parse-error');
      assert.match(parse.message, /near `vif': syntax error, unexpected IDENT, expecting '\]'/);
      assert.match(parse.message, /list opened with `\[` on line 4 is not closed/);
      assert.equal(parse.range.start.line, 4);
      assert.ok(parse.relatedInformation?.some((r: any) => r.location.range.start.line === 3 && /never closed/.test(r.message)), JSON.stringify(parse));
      const key = diags.find((d: any) => d.code === 'unknown-key');
      assert.ok(key, JSON.stringify(diags));
      assert.equal(key.severity, 2);
      assert.equal(key.range.start.line, 2);
      assert.match(key.message, /memroy.*\(found on the text with the syntax error repaired\)/);

      const at = await c.request('textDocument/codeAction', { textDocument: { uri }, range: parse.range, context: { diagnostics: [parse] } });
      const close = at.find((x: any) => /Close the list/.test(x.title));
      assert.ok(close, JSON.stringify(at.map((x: any) => x.title)));
      assert.deepEqual(close.edit.changes[uri], [{ range: { start: { line: 3, character: 32 }, end: { line: 3, character: 32 } }, newText: ' ]' }]);
      const rename = await c.request('textDocument/codeAction', { textDocument: { uri }, range: key.range, context: { diagnostics: [key] } });
      const fix = rename.find((x: any) => /memory/.test(x.title));
      assert.ok(fix, JSON.stringify(rename.map((x: any) => x.title)));
      assert.equal(fix.edit.changes[uri][0].newText, 'memory');
      assert.equal(fix.edit.changes[uri][0].range.start.line, 2);

      // Once the list is closed, the file parses and the key is a plain finding again.
      c.change(uri, 2, SRC.replace('xvda,w"', 'xvda,w" ]'));
      const after = await c.diagnostics(uri, (d) => !d.some((x: any) => x.code === 'parse-error'));
      const k2 = after.find((d: any) => d.code === 'unknown-key');
      assert.ok(k2 && !/repaired/.test(k2.message));
    } finally {
      await c.close();
    }
  });
});
