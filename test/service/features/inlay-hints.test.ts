// Inlay hints say what libxl decides without a word, read from the stages' outputs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { inlayHints } from '../../../server/src/service/features/inlay-hints';

const enc = (s: string) => new TextEncoder().encode(s);
const hints = (src: string, xenVersion: '4.17' | '4.20' | '4.21' = '4.17') =>
  inlayHints(analyze({ bytes: enc(src), options: { host: 'reference', xenVersion } })).map((h) => [src.slice(0, h.offset).split('\n').length, h.label.trim()]);

describe('inlay hints', () => {
  test('a stub domain implies qemu-xen-traditional (4.17 and 4.20)', () => {
    const src = 'name = "t"\ntype = "hvm"\nmemory = 1024\ndevice_model_stubdomain_override = 1\n';
    assert.deepEqual(hints(src), [[4, 'device_model_version="qemu-xen-traditional"']]);
    assert.deepEqual(hints(src, '4.20'), [[4, 'device_model_version="qemu-xen-traditional"']]);
  });
  test('dm_restrict: the user qemu runs as, with -runas (4.17) or -run-with (4.20)', () => {
    const src = 'name = "t"\ntype = "hvm"\nmemory = 1024\ndevice_model_version = "qemu-xen"\ndm_restrict = 1\n';
    assert.deepEqual(hints(src), [[5, 'qemu runs as 131073:131072']]);
    assert.deepEqual(hints(src, '4.20'), [[5, 'qemu runs as 131073:131072']]);
  });
  test('memory missing or ignored: libxl\'s 32 MB, on the ignored line or after name', () => {
    assert.deepEqual(hints('name = "t"\ntype = "pv"\nkernel = "/k"\n'), [[1, 'memory = 32']]);
    assert.deepEqual(hints('name = "t"\ntype = "pv"\nkernel = "/k"\nmemory = "lots"\n'), [[4, 'memory = 32']]);
    assert.deepEqual(hints('name = "t"\ntype = "pv"\nkernel = "/k"\nmemory = 512\n'), []);
  });
  test('a += chain: what xl reads, at its last link only', () => {
    const src = 'name = "t"\ntype = "pv"\nkernel = "/k"\nmemory = 512\nextra = "a"\nextra += " b"\nextra += " c"\n';
    assert.deepEqual(hints(src), [[7, '⇒ "a b c"']]);
  });
  test('a file libxlutil refuses gets none', () => {
    assert.deepEqual(hints('name = "t"\nmemory = \n'), []);
  });
});

describe('inlay hint labels fit in VS Code', () => {
  test('no label is longer than editor.inlayHints.maximumLength (43), so none is cut', () => {
    const configs = [
      'name = "t"\ntype = "hvm"\nmemory = 1024\ndevice_model_stubdomain_override = 1\n',
      'name = "t"\ntype = "hvm"\nmemory = 1024\ndm_restrict = 1\n',
      'name = "t"\ntype = "hvm"\nmemory = 1024\ndevice_model_version = "qemu-xen"\ndm_restrict = 1\n',
      'name = "t"\ntype = "pv"\nkernel = "/k"\nextra = "console=hvc0 root=/dev/xvda1 ro quiet splash"\nextra += " loglevel=7 earlyprintk=xen"\n',
    ];
    for (const xen of ['4.17', '4.20'] as const) for (const src of configs) for (const [, label] of hints(src, xen)) assert.ok(String(label).length <= 43, `${label} (${String(label).length})`);
  });
});
