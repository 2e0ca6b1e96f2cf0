// The node reader behind the `local` profile: `xl info` and `getent passwd` parsing, and a smoke
// run on this machine (which may or may not be a dom0).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NodeLocalHostReader, createLocalHost, parsePasswdLine, parseXlInfo } from '../../../server/src/node/local-host';
import { localHost, xenPaths } from '../../../server/src/service/host';

describe('node local host reader', () => {
  test('parses xl info', () => {
    const info = parseXlInfo([
      'host                   : dom0', 'nr_cpus                : 16', 'nr_nodes               : 2',
      'cores_per_socket       : 8', 'threads_per_core       : 1', 'total_memory           : 65309',
      'free_memory            : 1024', 'virt_caps              : pv hvm hvm_directio pv_directio hap shadow iommu_hap_pt_share gnttab-v1 gnttab-v2',
    ].join('\n'));
    assert.ok(info);
    assert.equal(info.nrCpus, 16);
    assert.equal(info.nrNodes, 2);
    assert.equal(info.totalMemKb, 65309 * 1024);
    assert.ok(info.capHap && info.capHvmDirectio && info.capIommuHapPtShare && info.capGnttabV2);
    assert.equal(info.capVpmu, false);
    assert.equal(parseXlInfo('garbage'), undefined);
  });
  test('parses getent passwd lines', () => {
    assert.deepEqual(parsePasswdLine('xen-qemuuser-range-base:x:131072:131072::/:/bin/false\n'),
      { name: 'xen-qemuuser-range-base', uid: 131072, gid: 131072 });
    assert.equal(parsePasswdLine('nonsense'), null);
  });
  test('reads this machine without throwing', () => {
    const reader = new NodeLocalHostReader();
    const h = localHost(reader, xenPaths('debian'));
    assert.equal(reader.lookupUser('root')?.uid, 0);
    assert.equal(reader.lookupUser('no-such-user-xlcfg'), null);
    assert.equal(reader.pathKind('/nonexistent/xlcfg'), 'missing');
    assert.equal(reader.pathKind('/etc/passwd'), 'file');
    assert.equal(reader.access('/bin/sh', 'x'), 'ok');
    assert.ok(['reference', 'debian-12', 'local'].includes(h.profile));
    assert.equal(reader.lookupUid(0)?.name, 'root');
    assert.equal(createLocalHost().profile, 'local');
  });
});
