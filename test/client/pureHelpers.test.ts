// The client's pure helpers: BOM bytes and the preview's virtual-document addresses.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startsWithUtf8Bom, withoutUtf8Bom } from '../../client/src/bomBytes';
import { configUriOfPreview, previewAddressFor } from '../../client/src/previewAddress';
import { PREVIEW_SCHEME } from '../../server/src/protocol';

describe('UTF-8 BOM bytes', () => {
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3d, 0x31]);
  test('detects EF BB BF only at the start, whole', () => {
    assert.equal(startsWithUtf8Bom(bom), true);
    assert.equal(startsWithUtf8Bom(bom.subarray(0, 3)), true);
    assert.equal(startsWithUtf8Bom(bom.subarray(0, 2)), false);
    assert.equal(startsWithUtf8Bom(new Uint8Array()), false);
    assert.equal(startsWithUtf8Bom(new Uint8Array([0x61, 0xef, 0xbb, 0xbf])), false);
    assert.equal(startsWithUtf8Bom(new Uint8Array([0xfe, 0xff, 0x00])), false);
  });
  test('strips it once and leaves other files alone', () => {
    assert.deepEqual([...withoutUtf8Bom(bom)], [0x61, 0x3d, 0x31]);
    const plain = new Uint8Array([0x61]);
    assert.equal(withoutUtf8Bom(plain), plain);
    assert.deepEqual([...withoutUtf8Bom(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]))], [0xef, 0xbb, 0xbf]);
  });
});

describe('device-model preview addresses', () => {
  test('title from the file name, config URI in the query, and back', () => {
    for (const cfg of ['file:///etc/xen/web.cfg', 'file:///srv/my%20vms/a%23b.cfg', 'vscode-remote://ssh-remote%2Bhost/etc/xen/x.cfg', 'untitled:Untitled-1']) {
      const a = previewAddressFor(cfg);
      assert.equal(a.scheme, PREVIEW_SCHEME);
      assert.match(a.path, /^\/[^/]+\.argv$/);
      assert.equal(configUriOfPreview(a), cfg);
    }
    assert.equal(previewAddressFor('file:///etc/xen/web.cfg').path, '/web.cfg.argv');
    assert.equal(previewAddressFor('file:///srv/my%20vms/a%23b.cfg').path, '/a#b.cfg.argv');
  });
  test('the path-only form (encoded config URI + .argv) is read too', () => {
    const encoded = encodeURIComponent('file:///etc/xen/web.cfg');
    assert.equal(configUriOfPreview({ scheme: PREVIEW_SCHEME, path: `/${encoded}.argv`, query: '' }), 'file:///etc/xen/web.cfg');
    assert.equal(configUriOfPreview({ scheme: PREVIEW_SCHEME, path: '/file:///etc/xen/web.cfg.argv', query: '' }), 'file:///etc/xen/web.cfg');
  });
  test('other schemes and malformed addresses are not previews', () => {
    assert.equal(configUriOfPreview({ scheme: 'file', path: '/x.argv', query: 'a' }), undefined);
    assert.equal(configUriOfPreview({ scheme: PREVIEW_SCHEME, path: '/x.txt', query: '' }), undefined);
    assert.equal(configUriOfPreview({ scheme: PREVIEW_SCHEME, path: '/%E0%A4%A.argv', query: '' }), '%E0%A4%A');
  });
});
