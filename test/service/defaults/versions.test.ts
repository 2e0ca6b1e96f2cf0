// Version- and vendor-dependent defaults (dm_restrict.md section 6): the HVM stubdomain default,
// upstream's fallback to qemu-xen-traditional vs Debian's "no fallback", 4.21's UNKNOWN version.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLibxlDefaults, libxlLogText } from '../../../server/src/service/defaults';
import { DEBIAN_12_HOST, REFERENCE_HOST, UNKNOWN_HOST, type HostModel } from '../../../server/src/service/host';
import type { PathsProfile, XenVersion } from '../../../server/src/service/options';
import { options, REFERENCE_WITHOUT_QEMU_XEN } from './corpus-helpers';

function hvm(extra: Record<string, unknown> = {}, hvmExtra: Record<string, unknown> = {}) {
  return {
    c_info: { type: 'hvm', name: 'g' },
    b_info: { max_memkb: 1048576, target_memkb: 1048576, ...extra, 'type.hvm': { vga: {}, vnc: {}, sdl: {}, spice: {}, rdm: {}, ...hvmExtra } },
  };
}
const pv = { c_info: { type: 'pv', name: 'p' }, b_info: { max_memkb: 524288, target_memkb: 524288, kernel: '/boot/vmlinuz', 'type.pv': {} } };

function run(config: object, xenVersion: XenVersion, host: HostModel = REFERENCE_HOST, paths: PathsProfile = 'debian') {
  const r = applyLibxlDefaults(config as Record<string, unknown>, { options: options({ xenVersion, paths }), host });
  const b = (r.resolved?.b_info ?? {}) as Record<string, any>;
  return { r, b, hvm: b['type.hvm'] ?? {}, log: r.messages.map(libxlLogText) };
}

describe('HVM stubdomain without device_model_version', () => {
  const stub = hvm({ device_model_stubdomain: 'True' });
  test('4.10: qemu-xen-traditional with rombios (stubdomain images were not configurable yet)', () => {
    const { b, hvm: h } = run(stub, '4.10');
    assert.equal(b.device_model_version, 'qemu_xen_traditional');
    assert.equal(h.bios, 'rombios');
    assert.equal(b.stubdomain_kernel, undefined);
  });
  for (const v of ['4.14', '4.17', '4.20'] as const) {
    test(`${v}: qemu-xen-traditional in a MiniOS stubdomain with rombios`, () => {
      const { b, hvm: h } = run(stub, v);
      assert.equal(b.device_model_version, 'qemu_xen_traditional');
      assert.equal(h.bios, 'rombios');
      assert.equal(b.stubdomain_kernel, `/usr/lib/xen-${v}/boot/ioemu-stubdom.gz`);
      assert.equal(b.stubdomain_memkb, 28 * 1024);
      assert.equal(b.stubdomain_ramdisk, undefined);
    });
  }
  test('4.21: the version ends UNKNOWN and libxl refuses the HVM guest', () => {
    const { r, log } = run(stub, '4.21');
    assert.equal(r.resolved, null);
    assert.deepEqual(log, [
      'libxl__domain_build_info_setdefault: qemu-xen is unavailable: Bad address',
      'libxl__domain_build_info_setdefault: unknown device model version',
      'libxl__domain_config_setdefault: Unable to set domain build info defaults',
    ]);
  });
  test('4.21 with an explicit bios: libxl aborts (reported as ours)', () => {
    const { r } = run(hvm({ device_model_stubdomain: 'True' }, { bios: 'seabios' }), '4.22');
    assert.equal(r.resolved, null);
    assert.ok(r.messages.some((m) => m.ours && m.level === 'error'));
  });
  test('explicit qemu-xen: a Linux stubdomain with kernel, rootfs and 128 MiB', () => {
    const { b } = run(hvm({ device_model_stubdomain: 'True', device_model_version: 'qemu_xen' }), '4.17');
    assert.equal(b.stubdomain_kernel, '/usr/lib/xen-4.17/boot/qemu-stubdom-linux-kernel');
    assert.equal(b.stubdomain_ramdisk, '/usr/lib/xen-4.17/boot/qemu-stubdom-linux-rootfs');
    assert.equal(b.stubdomain_memkb, 128 * 1024);
  });
});

describe('qemu-xen missing when libxl picks the version itself', () => {
  test('Debian 4.17: no fallback, nothing logged (the spawn fails later)', () => {
    const { b, log } = run(hvm(), '4.17', REFERENCE_WITHOUT_QEMU_XEN, 'debian');
    assert.equal(b.device_model_version, 'qemu_xen');
    assert.deepEqual(log, []);
  });
  test('upstream 4.17: falls back to qemu-xen-traditional with an INFO line', () => {
    const { b, hvm: h, r, log } = run(hvm(), '4.17', REFERENCE_WITHOUT_QEMU_XEN, 'upstream');
    assert.equal(b.device_model_version, 'qemu_xen_traditional');
    assert.equal(h.bios, 'rombios');
    assert.equal(b.video_memkb, 4 * 1024);
    assert.deepEqual(log, ['libxl__domain_build_info_setdefault: qemu-xen is unavailable, using qemu-xen-traditional instead: No such file or directory']);
    assert.equal(r.messages[0]!.level, 'info');
  });
  test('upstream 4.17: even a PV guest falls back', () => {
    const { b } = run(pv, '4.17', REFERENCE_WITHOUT_QEMU_XEN, 'upstream');
    assert.equal(b.device_model_version, 'qemu_xen_traditional');
  });
  test('4.21: PV keeps an UNKNOWN version and still starts', () => {
    const { r, b, log } = run(pv, '4.21', REFERENCE_WITHOUT_QEMU_XEN);
    assert.ok(r.resolved);
    assert.equal(b.device_model_version, undefined);
    assert.deepEqual(log, ['libxl__domain_build_info_setdefault: qemu-xen is unavailable: No such file or directory']);
  });
  test('4.21: HVM is refused (unknown device model version)', () => {
    const { r, log } = run(hvm(), '4.21', REFERENCE_WITHOUT_QEMU_XEN);
    assert.equal(r.resolved, null);
    assert.ok(log.includes('libxl__domain_build_info_setdefault: unknown device model version'));
  });
  test('an unknown host: libxl is assumed to find qemu-xen, and the assumption is stated', () => {
    const { b, r } = run(hvm(), '4.17', UNKNOWN_HOST, 'upstream');
    assert.equal(b.device_model_version, 'qemu_xen');
    assert.ok(r.assumptions?.some((a) => a.text.includes('/usr/local/lib/xen/bin/qemu-system-i386')));
  });
});

describe('debian-12 host', () => {
  test('defaults do not depend on qemu-dm or stubdomain images (libxl checks them when spawning)', () => {
    const { b } = run(hvm({ device_model_stubdomain: 'True' }), '4.17', DEBIAN_12_HOST);
    assert.equal(b.device_model_version, 'qemu_xen_traditional');
    assert.equal(b.stubdomain_kernel, '/usr/lib/xen-4.17/boot/ioemu-stubdom.gz');
  });
});

describe('upstream paths', () => {
  test('stubdomain images and the PV shim live under /usr/local/lib/xen/boot', () => {
    const { b } = run(hvm({ device_model_stubdomain: 'True' }), '4.17', REFERENCE_HOST, 'upstream');
    assert.equal(b.stubdomain_kernel, '/usr/local/lib/xen/boot/ioemu-stubdom.gz');
    const shim = run({ c_info: { type: 'pvh', name: 's' }, b_info: { kernel: '/k', 'type.pvh': { pvshim: 'True' } } }, '4.17', REFERENCE_HOST, 'upstream');
    assert.equal(shim.b['type.pvh'].pvshim_path, '/usr/local/lib/xen/boot/xen-shim');
    assert.equal(shim.b['type.pvh'].pvshim_cmdline, 'pv-shim console=xen,pv');
  });
});

describe('generated values and purity', () => {
  test('MACs libxl makes up are 00:16:3e:00:00:0N and marked as generated', () => {
    const config = { ...hvm(), nics: [{ devid: 0 }, { devid: 1, mac: '00:16:3e:12:34:56' }, {}] };
    const { r } = run(config, '4.17');
    const nics = r.resolved!.nics as Record<string, unknown>[];
    assert.deepEqual(nics.map((n) => n.mac), ['00:16:3e:00:00:01', '00:16:3e:12:34:56', '00:16:3e:00:00:02']);
    assert.deepEqual(nics.map((n) => n.devid), [0, 1, 0]);
    assert.deepEqual(r.generated?.map((g) => g.pointer), ['/nics/0/mac', '/nics/2/mac']);
  });
  test('the input config is not modified', () => {
    const config = hvm();
    const before = JSON.stringify(config);
    run(config, '4.17');
    assert.equal(JSON.stringify(config), before);
  });
  test('bad input is a refusal, never an exception', () => {
    for (const bad of [{}, { c_info: 5 }, { c_info: { type: 'kvm' } }, { c_info: { type: 'hvm' }, b_info: [] }]) {
      const r = applyLibxlDefaults(bad as Record<string, unknown>, { options: options(), host: REFERENCE_HOST });
      assert.ok(r.resolved === null || typeof r.resolved === 'object');
    }
    const r = applyLibxlDefaults(null as unknown as Record<string, unknown>, { options: options(), host: REFERENCE_HOST });
    assert.equal(r.resolved, null);
  });
});

describe('fields and checks that depend on the release', () => {
  test('before 4.14 a qemu-xen stubdomain is refused (no Linux stubdomains yet)', () => {
    const { r, log } = run(hvm({ device_model_stubdomain: 'True', device_model_version: 'qemu_xen' }), '4.13');
    assert.equal(r.resolved, null);
    assert.equal(log[0], 'libxl__domain_build_info_setdefault: device model stubdomains require "qemu-xen-traditional"');
    assert.ok(run(hvm({ device_model_stubdomain: 'True', device_model_version: 'qemu_xen' }), '4.14').r.resolved);
  });
  test('PoD with PCI: the older message up to 4.16', () => {
    const config = { ...hvm({ target_memkb: 524288 }), pcidevs: [{ bus: 3 }] };
    assert.deepEqual(run(config, '4.16').log.slice(0, 1),
      ['libxl__domain_config_setdefault: PCI device assignment for HVM guest failed due to PoD enabled']);
    assert.deepEqual(run(config, '4.17').log.slice(0, 1),
      ['libxl__domain_config_setdefault: IOMMU required for device passthrough but not supported together with PoD']);
  });
  test('the resolved config only has the fields of the target IDL', () => {
    const old = run(hvm(), '4.12');
    assert.equal(old.r.resolved!.c_info && (old.r.resolved!.c_info as any).passthrough, undefined);
    assert.equal(old.b.max_grant_version, undefined);
    assert.equal(old.b.vpmu, undefined);
    assert.equal(old.b.stubdomain_memkb, undefined);
    assert.equal(old.hvm.vkb_device, undefined);
    const cur = run(hvm(), '4.17');
    assert.equal(cur.b.max_grant_version, 2);
    assert.equal(cur.hvm.pirq, undefined);
    assert.equal(cur.b.bootloader_restrict, undefined);
    const late = run(hvm(), '4.20');
    assert.equal(late.hvm.pirq, 'False');
    assert.equal(late.hvm.altp2m, undefined);
    assert.equal(late.b.bootloader_restrict, 'False');
    assert.equal(run(hvm({ bootloader_user: 'pygrubuser' }), '4.18').b.bootloader_restrict, 'True');
  });
});

describe('unknown host: no made-up refusals', () => {
  test('vpmu and passthrough are assumed possible, and the need is stated', () => {
    const { r } = run({ ...hvm({ vpmu: 'True' }), pcidevs: [{ bus: 3 }] }, '4.17', UNKNOWN_HOST);
    assert.ok(r.resolved);
    assert.ok(r.assumptions?.some((a) => a.text.includes('vPMU')));
    assert.ok(r.assumptions?.some((a) => a.text.includes('IOMMU')));
  });
  test('the reference host (no vPMU) refuses vpmu=1 like the oracle', () => {
    const { r, log } = run(hvm({ vpmu: 'True' }), '4.17');
    assert.equal(r.resolved, null);
    assert.equal(log[0], 'libxl__domain_config_setdefault: vPMU not supported on this platform');
  });
});

describe('silent libxl failures carry our explanation', () => {
  test('a vif backend in a domain that does not run: libxl only prints the nic follow-up', () => {
    const { r, log } = run({ ...hvm(), nics: [{ devid: 0, backend_domname: 'netdom' }] }, '4.17');
    assert.equal(r.resolved, null);
    assert.deepEqual(log, ['libxl__device_nic_set_devids: Unable to set nic defaults for nic 0']);
    assert.match(r.messages[0]!.explanation ?? '', /no domain named "netdom"/);
    assert.equal(r.messages[0]!.secondary, undefined);
  });
  test('a disk backend likewise, with initiate_domain_create\'s line', () => {
    const { r, log } = run({ ...hvm(), disks: [{ pdev_path: '/dev/x', vdev: 'hda', format: 'raw', backend_domname: 'stor' }] }, '4.17');
    assert.equal(r.resolved, null);
    assert.deepEqual(log, ['initiate_domain_create: Unable to set disk defaults for disk 0']);
    assert.match(r.messages[0]!.explanation ?? '', /no domain named "stor"/);
  });
  test('the guest itself and numeric domids resolve', () => {
    assert.ok(run({ ...hvm(), nics: [{ devid: 0, backend_domname: 'g' }, { devid: 1, backend_domname: '0' }] }, '4.17').r.resolved);
  });
});
