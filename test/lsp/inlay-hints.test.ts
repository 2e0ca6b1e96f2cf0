// textDocument/inlayHint over the protocol: announced, answered inside the range asked for, and off
// with the `xlcfg.inlayHints` setting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../helpers/lsp-client';

const SRC = 'name = "t"\ntype = "hvm"\nmemory = 1024\ndevice_model_stubdomain_override = 1\ndm_restrict = 1\n';
const ALL = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };

describe('inlay hints over LSP', () => {
  test('the implied version at the end of the stubdomain line', async () => {
    const c = await startServer({ configuration: { host: 'reference' } });
    try {
      const uri = 'file:///h/stub.cfg';
      await c.open(uri, SRC);
      const hints = await c.request('textDocument/inlayHint', { textDocument: { uri }, range: ALL });
      const stub = hints.find((h: { label: string }) => /qemu-xen-traditional/.test(h.label));
      assert.deepEqual(stub.position, { line: 3, character: 'device_model_stubdomain_override = 1'.length });
      assert.match(stub.tooltip, /stub domain/);
      const none = await c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } });
      assert.deepEqual(none, []);
    } finally {
      await c.close();
    }
  });
  test('xlcfg.inlayHints = false turns them off', async () => {
    const c = await startServer({ configuration: { inlayHints: false } });
    try {
      const uri = 'file:///h/off.cfg';
      await c.open(uri, SRC);
      assert.equal(await c.request('textDocument/inlayHint', { textDocument: { uri }, range: ALL }), null);
    } finally {
      await c.close();
    }
  });
});
