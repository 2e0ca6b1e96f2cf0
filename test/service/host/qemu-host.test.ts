// Which QEMU each host profile runs: debian-12 QEMU 7.2, debian-13 QEMU 10.0 (Debian's Xen 4.20
// paths, no qemu-dm, no stubdomain images), local the qemu-system-xen of dpkg's status file (never
// by running QEMU), reference none (it models libxl only).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEBIAN_12_HOST, DEBIAN_13_HOST, REFERENCE_HOST, REFERENCE_USERS, hostModel, localHost, qemuVersionFromDpkgStatus,
  xenPaths, type LocalHostReader,
} from '../../../server/src/service/host';
import { HOST_PROFILES } from '../../../server/src/service/options';
import { QEMU_10_0, QEMU_7_2, qemuModelForVersion } from '../../../server/src/service/qemu';

const STATUS = [
  'Package: qemu-system-common', 'Status: install ok installed', 'Version: 1:10.0.13+ds-0+deb13u1', '',
  'Package: qemu-system-xen', 'Status: install ok installed', 'Priority: optional', 'Version: 1:10.0.13+ds-0+deb13u1',
  'Description: QEMU full system emulation (Xen helper package)', '',
  'Package: xen-utils-4.20', 'Status: install ok installed', 'Version: 4.20.4+63-g7abfd2bce2-0+deb13u1', '',
].join('\n');

function reader(over: Partial<LocalHostReader>): LocalHostReader {
  return {
    isDom0: () => true, physinfo: () => undefined, lookupUser: () => null, access: () => 'ok', pathKind: () => 'file',
    ...over,
  };
}

describe('the QEMU of each host profile', () => {
  test('debian-12: QEMU 7.2; debian-13: QEMU 10.0; reference: no QEMU model', () => {
    assert.equal(qemuModelForVersion(DEBIAN_12_HOST.qemuVersion!), QEMU_7_2);
    assert.equal(qemuModelForVersion(DEBIAN_13_HOST.qemuVersion!), QEMU_10_0);
    assert.equal(REFERENCE_HOST.qemuVersion, undefined);
  });
  test('debian-13 is Debian\'s packaging: qemu-xen only, the reference users; Xen 4.20 paths', () => {
    assert.equal(hostModel('debian-13'), DEBIAN_13_HOST);
    assert.equal(DEBIAN_13_HOST.profile, 'debian-13');
    assert.equal(DEBIAN_13_HOST.installed('qemu-xen'), true);
    for (const c of ['qemu-traditional', 'stubdom-minios', 'stubdom-linux'] as const) assert.equal(DEBIAN_13_HOST.installed(c), false);
    for (const u of REFERENCE_USERS) assert.deepEqual(DEBIAN_13_HOST.lookupUser(u.name), u);
    const p = xenPaths('debian', '4.20');
    assert.equal(p.qemuXen, '/usr/libexec/xen-qemu-system-i386');
    assert.equal(p.qemuTraditional, '/usr/lib/xen-4.20/bin/qemu-dm');
    assert.equal(p.firmwareDir, '/usr/lib/xen-4.20/boot');
  });
  test('every profile has a model', () => {
    assert.deepEqual([...HOST_PROFILES], ['reference', 'debian-12', 'debian-13', 'local']);
    for (const p of HOST_PROFILES) assert.equal(hostModel(p).profile, p);
  });
});

describe('local: the package database says which QEMU', () => {
  test("dpkg's status file: the installed qemu-system-xen's version", () => {
    assert.equal(qemuVersionFromDpkgStatus(STATUS), '1:10.0.13+ds-0+deb13u1');
    assert.equal(qemuVersionFromDpkgStatus(STATUS.replace('qemu-system-xen', 'qemu-system-x86')), undefined);
    const removed = STATUS.replace(/(Package: qemu-system-xen\n)Status: install ok installed/, '$1Status: deinstall ok config-files');
    assert.equal(qemuVersionFromDpkgStatus(removed), undefined);
    assert.equal(qemuVersionFromDpkgStatus(''), undefined);
  });
  test('a dom0 with Debian paths: its QEMU release; not a dom0, upstream paths, unreadable: none', () => {
    const h = localHost(reader({ dpkgStatus: () => STATUS }), xenPaths('debian', '4.20'));
    assert.equal(qemuModelForVersion(h.qemuVersion!), QEMU_10_0);
    assert.equal(localHost(reader({ isDom0: () => false, dpkgStatus: () => STATUS }), xenPaths('debian')).qemuVersion, undefined);
    assert.equal(localHost(reader({ dpkgStatus: () => STATUS }), xenPaths('upstream')).qemuVersion, undefined);
    assert.equal(localHost(reader({ dpkgStatus: () => { throw new Error('EACCES'); } }), xenPaths('debian')).qemuVersion, undefined);
    assert.equal(localHost(reader({}), xenPaths('debian')).qemuVersion, undefined);
  });
});
