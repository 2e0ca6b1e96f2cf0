// The host profiles: reference = the oracle's dom0, debian-12 = Debian's packages, local = this
// machine through a reader (unknown everywhere when it is not a dom0).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DEBIAN_12_HOST, REFERENCE_HOST, UNKNOWN_HOST, hostModel, localHost, xenPaths, type LocalHostReader,
} from '../../../server/src/service/host';
import { REFERENCE_PHYSINFO } from '../../../server/src/service/host';

describe('reference host = the oracle', () => {
  test('users are exactly the oracle passwd file', () => {
    const passwd = readFileSync(resolve(__dirname, '../../oracle/tools/dm-argv/passwd'), 'utf8').trim().split('\n');
    for (const line of passwd) {
      const [name, , uid, gid] = line.split(':');
      assert.deepEqual(REFERENCE_HOST.lookupUser(name!), { name, uid: Number(uid), gid: Number(gid) });
    }
    assert.equal(REFERENCE_HOST.lookupUser('xen-qemuuser-shared'), null);
    assert.deepEqual(REFERENCE_HOST.lookupUser('xen-qemuuser-range-base'), { name: 'xen-qemuuser-range-base', uid: 131072, gid: 131072 });
  });
  test('physinfo: 8 CPUs in one socket, 1 node, 16 GiB with 14 free, HAP + IOMMU share', () => {
    assert.equal(REFERENCE_PHYSINFO.nrCpus, 8);
    assert.equal(REFERENCE_PHYSINFO.coresPerSocket, 8);
    assert.equal(REFERENCE_PHYSINFO.nrNodes, 1);
    assert.equal(REFERENCE_PHYSINFO.totalMemKb, 16 * 1024 * 1024);
    assert.equal(REFERENCE_PHYSINFO.freeMemKb, 14 * 1024 * 1024);
    assert.ok(REFERENCE_PHYSINFO.capHap && REFERENCE_PHYSINFO.capIommuHapPtShare && REFERENCE_PHYSINFO.capHvmDirectio);
  });
  test('every device model and stubdomain image is installed; disks as the oracle fakes them', () => {
    for (const c of ['qemu-xen', 'qemu-traditional', 'stubdom-minios', 'stubdom-linux'] as const) {
      assert.equal(REFERENCE_HOST.installed(c), true);
    }
    assert.equal(REFERENCE_HOST.pathKind('/dev/vg0/x'), 'block');
    assert.equal(REFERENCE_HOST.pathKind('/srv/x.img'), 'file');
  });
});

describe('debian-12 host', () => {
  test('qemu-xen only: no qemu-dm, no stubdomain images', () => {
    assert.equal(DEBIAN_12_HOST.installed('qemu-xen'), true);
    assert.equal(DEBIAN_12_HOST.installed('qemu-traditional'), false);
    assert.equal(DEBIAN_12_HOST.installed('stubdom-minios'), false);
    assert.equal(DEBIAN_12_HOST.installed('stubdom-linux'), false);
  });
});

describe('paths profiles', () => {
  test('debian and upstream', () => {
    assert.equal(xenPaths('debian').qemuXen, '/usr/libexec/xen-qemu-system-i386');
    assert.equal(xenPaths('debian').qemuTraditional, '/usr/lib/xen-4.17/bin/qemu-dm');
    assert.equal(xenPaths('debian').firmwareDir, '/usr/lib/xen-4.17/boot');
    assert.equal(xenPaths('debian').runDir, '/var/run/xen');
    assert.equal(xenPaths('upstream').qemuXen, '/usr/local/lib/xen/bin/qemu-system-i386');
    assert.equal(xenPaths('upstream').qemuTraditional, '/usr/local/lib/xen/bin/qemu-dm');
    assert.equal(xenPaths('upstream').firmwareDir, '/usr/local/lib/xen/boot');
    assert.equal(xenPaths('debian', '4.20').firmwareDir, '/usr/lib/xen-4.20/boot');
  });
});

function fakeReader(over: Partial<LocalHostReader>): LocalHostReader {
  return {
    isDom0: () => true,
    physinfo: () => ({ ...REFERENCE_PHYSINFO, nrCpus: 4 }),
    lookupUser: (n) => (n === 'xen-qemuuser-shared' ? { name: n, uid: 900, gid: 900 } : null),
    access: (p) => (p === '/usr/libexec/xen-qemu-system-i386' ? 'ok' : 'enoent'),
    pathKind: () => 'file',
    ...over,
  };
}

describe('local host', () => {
  test('on a dom0 it answers from the reader', () => {
    const h = localHost(fakeReader({}), xenPaths('debian'));
    assert.equal(h.physinfo !== 'unknown' && h.physinfo.nrCpus, 4);
    assert.equal(h.installed('qemu-xen'), true);
    assert.equal(h.installed('qemu-traditional'), false);
    assert.deepEqual(h.lookupUser('xen-qemuuser-shared'), { name: 'xen-qemuuser-shared', uid: 900, gid: 900 });
    assert.equal(h.lookupUser('xen-qemuuser-range-base'), null);
  });
  test('elsewhere everything host-dependent is unknown', () => {
    const h = localHost(fakeReader({ isDom0: () => false }), xenPaths('debian'));
    assert.equal(h.physinfo, 'unknown');
    assert.equal(h.installed('qemu-xen'), 'unknown');
    assert.equal(h.lookupUser('root'), 'unknown');
    assert.equal(h.pathKind('/dev/sda'), 'unknown');
  });
  test('a reader that throws never crashes the model', () => {
    const boom = () => { throw new Error('boom'); };
    const h = localHost(fakeReader({ physinfo: boom, lookupUser: boom, access: boom, pathKind: boom }), xenPaths('debian'));
    assert.equal(h.physinfo, 'unknown');
    assert.equal(h.lookupUser('x'), null);
    assert.equal(h.installed('qemu-xen'), false);
  });
  test('hostModel picks the profiles; local without a reader knows nothing', () => {
    assert.equal(hostModel('reference'), REFERENCE_HOST);
    assert.equal(hostModel('debian-12'), DEBIAN_12_HOST);
    assert.equal(hostModel('local'), UNKNOWN_HOST);
  });
});
