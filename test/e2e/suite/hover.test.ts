// Hover on dm_restrict explains the technology preview, its limits, and what it does to this guest.
import * as assert from 'assert';
import { closeAllEditors, hoverText, keyPosition, openFile, waitFor } from './helpers';

suite('hover', () => {
  suiteTeardown(closeAllEditors);

  test('dm_restrict on qemu-xen: technology-preview status, limitations and the flags it adds', async () => {
    const doc = await openFile('hardened.xl');
    const at = keyPosition(doc, 'dm_restrict', 3);
    const text = await waitFor('a hover on dm_restrict', async () => (await hoverText(doc.uri, at)) || undefined);
    assert.match(text, /technology preview/i);
    for (const limitation of [/cdrom-insert/, /qdisk/i, /xen-qemuuser-range-base/, /xen-qemuuser-shared/]) {
      assert.match(text, limitation);
    }
    for (const flag of ['-xen-domid-restrict', '-chroot', '-runas']) {
      assert.ok(text.includes(flag), `the hover names the flag ${flag}`);
    }
  });

  test('dm_restrict with qemu-xen-traditional: the hover says libxl refuses it', async () => {
    const doc = await openFile('trad-restrict.xl');
    const at = keyPosition(doc, 'dm_restrict', 3);
    const text = await waitFor('a hover on dm_restrict', async () => (await hoverText(doc.uri, at)) || undefined);
    assert.match(text, /technology preview/i);
    assert.match(text, /qemu-xen-traditional/);
    assert.match(text, /refuse|not supported/i);
  });

  test('a plain key has documentation too', async () => {
    const doc = await openFile('hardened.xl');
    const text = await waitFor('a hover on memory', async () => (await hoverText(doc.uri, keyPosition(doc, 'memory', 2))) || undefined);
    assert.match(text, /memory/);
    assert.match(text, /MiB|MB|megabyte/i);
  });
});
