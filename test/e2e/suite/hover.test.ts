// Hover on dm_restrict explains the technology preview, its limits, and what it does to this guest;
// this guest's situation and what to do come first (issue 12).
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

  test('dm_restrict with a stub domain (implied qemu-xen-traditional): this guest and the action first, then the meaning, then the limits', async () => {
    const doc = await openFile('stubdom-restrict.xl');
    const at = keyPosition(doc, 'dm_restrict', 3);
    const text = await waitFor('a hover on dm_restrict', async () => (await hoverText(doc.uri, at)) || undefined);
    const where = (what: string, re: RegExp) => {
      const i = text.search(re);
      assert.ok(i >= 0, `the hover has no ${what} (${re}):\n${text}`);
      return i;
    };
    const situation = where("section on this guest's situation", /This guest/);
    const model = where('device model of this guest', /qemu-xen-traditional[^\n]*stub domain/);
    const action = where('action', /Use `device_model_version = "qemu-xen"`/);
    const meaning = where('general meaning', /What it is/);
    const status = where('status', /technology preview/i);
    const limits = where('limitations', /Limitations/);
    assert.ok(situation < model && model < action, 'the situation names the device model, then says what to do');
    assert.ok(action < meaning, 'the action comes before the general meaning');
    assert.ok(meaning < status && status < limits, 'the meaning comes before the status and the limitations');
    // Every topic is still there, after the situation.
    for (const [topic, re] of [
      ['the technology preview', /technology preview/i], ['the xen-qemuuser users', /xen-qemuuser/],
      ['migration', /migration/i], ['PCI passthrough', /PCI passthrough/i], ['QEMU 3.0', /QEMU 3\.0/],
      ['Linux 4.11', /4\.11/], ['security support', /security (issue|support)|XSA/i],
    ] as const) {
      assert.ok(where(topic, re) > situation, `${topic} comes after the situation`);
    }
  });

  test('a plain key has documentation too', async () => {
    const doc = await openFile('hardened.xl');
    const text = await waitFor('a hover on memory', async () => (await hoverText(doc.uri, keyPosition(doc, 'memory', 2))) || undefined);
    assert.match(text, /memory/);
    assert.match(text, /MiB|MB|megabyte/i);
  });
});
