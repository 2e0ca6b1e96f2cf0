// The launch decisions around the builders, on hand-written resolved configs: vdev decoding, PV
// reasons, hosts that cannot answer, and inputs no config produces (never a crash).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildDeviceModelArgv, diskNumber, pvQemuReason } from '../../../server/src/service/devicemodel';
import { DEBIAN_12_HOST, REFERENCE_HOST, UNKNOWN_HOST } from '../../../server/src/service/host';
import { options } from './corpus-helpers';
import { analyze } from '../../../server/src/service/analyze';

const ctx = (host = REFERENCE_HOST, o = options()) => ({ options: o, host, domid: 1 });

const hvm = (b: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) => ({
  c_info: { type: 'hvm', name: 'g' },
  b_info: {
    max_vcpus: 1, avail_vcpus: [0], max_memkb: 524288, target_memkb: 524288, video_memkb: 8192,
    device_model_version: 'qemu_xen', device_model_stubdomain: 'False', dm_restrict: 'False',
    'type.hvm': { vga: { kind: 'cirrus' }, vnc: { enable: 'True', listen: '127.0.0.1', findunused: 'True' }, sdl: { enable: 'False' }, spice: { enable: 'False' }, boot: 'cda', acpi: 'True', nographic: 'False', xen_platform_pci: 'True', usb: 'False', gfx_passthru: 'False', hdtype: 'ide' },
    ...b,
  },
  ...rest,
});

describe('diskNumber (libxl__device_disk_dev_number)', () => {
  test('Linux device numbers and indexes', () => {
    assert.deepEqual(diskNumber('hda'), { devNumber: 768, disk: 0, partition: 0 });
    assert.deepEqual(diskNumber('hdc'), { devNumber: 5632, disk: 2, partition: 0 });
    assert.deepEqual(diskNumber('hdd'), { devNumber: 5696, disk: 3, partition: 0 });
    assert.deepEqual(diskNumber('xvda'), { devNumber: 51712, disk: 0, partition: 0 });
    assert.deepEqual(diskNumber('xvdb3'), { devNumber: 51712 + 16 + 3, disk: 1, partition: 3 });
    assert.deepEqual(diskNumber('xvdq'), { devNumber: (1 << 28) | (16 << 8), disk: 16, partition: 0 });
    assert.deepEqual(diskNumber('xvdaa'), { devNumber: (1 << 28) | (26 << 8), disk: 26, partition: 0 });
    assert.deepEqual(diskNumber('sdb'), { devNumber: 2064, disk: 1, partition: 0 });
    assert.deepEqual(diskNumber('d2p1'), { devNumber: 51712 + 32 + 1, disk: 2, partition: 1 });
  });
  test('names libxl cannot index', () => {
    for (const v of ['hde', 'sdq', 'xvda0', 'vda', '51712', 'xvda01']) assert.equal(diskNumber(v), undefined, v);
  });
});

describe('PV/PVH: does a qemu start', () => {
  const pv = (rest: Record<string, unknown>) => ({ c_info: { type: 'pv', name: 'p' }, b_info: { max_memkb: 524288 }, ...rest });
  test('each device that asks for it', () => {
    assert.equal(pvQemuReason(pv({}), '4.17'), undefined);
    assert.match(pvQemuReason(pv({ vfbs: [{ devid: 0 }] }), '4.17')!, /vfb/);
    assert.match(pvQemuReason(pv({ disks: [{ vdev: 'xvda', backend: 'qdisk' }] }), '4.17')!, /qdisk/);
    assert.equal(pvQemuReason(pv({ disks: [{ vdev: 'xvda', backend: 'qdisk', backend_domid: 3 }] }), '4.17'), undefined, 'driver domain');
    assert.match(pvQemuReason(pv({ usbctrls: [{ type: 'qusb' }] }), '4.17')!, /USB/);
    assert.match(pvQemuReason(pv({ channels: [{ devid: 0, 'connection.pty': {} }] }), '4.17')!, /channel/);
    assert.equal(pvQemuReason(pv({ vkbs: [{ backend_type: 'qemu' }] }), '4.17'), undefined, 'vkbs are not in device_type_tbl');
  });
  test('9pfs: any share in 4.17, only qemu-served ones from 4.19', () => {
    const cfg = pv({ p9s: [{ tag: 't', type: 'xen_9pfsd' }] });
    assert.match(pvQemuReason(cfg, '4.17')!, /9pfs/);
    assert.equal(pvQemuReason(cfg, '4.19'), undefined);
  });
  test('no_device_model says why', () => {
    const r = buildDeviceModelArgv(pv({}), ctx());
    assert.equal(r.outcome, 'no_device_model');
    assert.match(r.reason!, /^A PV guest gets a dom0 qemu only when a device needs it/);
  });
});

describe('hosts', () => {
  test('an unknown dom0: the command is built and what libxl will check is listed', () => {
    const r = buildDeviceModelArgv(hvm({ dm_restrict: 'True' }), ctx(UNKNOWN_HOST, options({ host: 'local' })));
    assert.equal(r.outcome, 'spawn');
    assert.ok(r.assumptions.some((a) => a.text.includes('xen-qemuuser-range-base')));
    assert.equal(r.argv.at(-2), '-runas');
    assert.ok(r.placeholders.includes(r.argv.length - 1), 'the uid is a placeholder');
  });
  test('Debian 12 has no qemu-dm and no stub-domain images', () => {
    const trad = buildDeviceModelArgv(hvm({ device_model_version: 'qemu_xen_traditional', video_memkb: 4096 }), ctx(DEBIAN_12_HOST));
    assert.equal(trad.error, 'libxl__spawn_local_dm: Domain 1:device model /usr/lib/xen-4.17/bin/qemu-dm is not executable: No such file or directory');
    const stub = buildDeviceModelArgv(hvm({ device_model_stubdomain: 'True', device_model_version: 'qemu_xen_traditional', stubdomain_kernel: '/usr/lib/xen-4.17/boot/ioemu-stubdom.gz' }), ctx(DEBIAN_12_HOST));
    assert.equal(stub.error, 'libxl__spawn_stub_dm: Domain 1:could not access stubdomain kernel /usr/lib/xen-4.17/boot/ioemu-stubdom.gz: No such file or directory');
  });
  test('the upstream paths profile', () => {
    const r = buildDeviceModelArgv(hvm(), ctx(REFERENCE_HOST, options({ paths: 'upstream' })));
    assert.equal(r.argv[0], '/usr/local/lib/xen/bin/qemu-system-i386');
  });
});

describe('robustness', () => {
  test('errors in the builder are values, with libxl words', () => {
    const both = hvm({ 'type.hvm': { serial: 'pty', serial_list: ['pty'], vnc: { enable: 'False' } } });
    assert.equal(buildDeviceModelArgv(both, ctx()).error, 'libxl__build_device_model_args_new: Domain 1:Both serial and serial_list set');
    const usb = hvm({ 'type.hvm': { usbversion: 4, vnc: { enable: 'False' } } });
    assert.equal(buildDeviceModelArgv(usb, ctx()).error, 'libxl__build_device_model_args_new: Domain 1:usbversion parameter is invalid, must be between 1 and 3');
    const vnc = hvm({ 'type.hvm': { vnc: { enable: 'True', listen: '0.0.0.0:1', display: 2 } } });
    assert.equal(buildDeviceModelArgv(vnc, ctx()).error, 'libxl__build_device_model_args_new: Domain 1:vncdisplay set, vnclisten contains display');
  });
  test('any JSON shape gives a result, never an exception', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null),
        fc.constantFrom('True', 'False', 'hvm', 'pv', 'pvh', 'qemu_xen', 'qemu_xen_traditional', 'qdisk', 'std', 'qxl', 'ahci', 'xvda', 'sda', 'hdc'),
        fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('type', 'vdev', 'format', 'backend', 'is_cdrom', 'readwrite', 'kind', 'enable', 'devid', 'mac', 'model', 'listen', 'display', 'serial', 'serial_list', 'soundhw', 'usbversion'), tie('v'), { maxKeys: 5 })),
    })).v;
    const config = fc.record({
      c_info: fc.record({ type: fc.constantFrom('hvm', 'pv', 'pvh', 'x'), name: fc.string() }, { requiredKeys: [] }),
      b_info: fc.dictionary(fc.constantFrom('device_model_version', 'device_model_stubdomain', 'dm_restrict', 'max_vcpus', 'avail_vcpus', 'max_memkb', 'video_memkb', 'type.hvm', 'extra', 'kernel', 'device_model_user'), value, { maxKeys: 8 }),
      disks: fc.array(value, { maxLength: 4 }), nics: fc.array(value, { maxLength: 3 }), vfbs: fc.array(value, { maxLength: 2 }), channels: fc.array(value, { maxLength: 2 }),
    }, { requiredKeys: [] });
    fc.assert(fc.property(config, (c) => {
      const r = buildDeviceModelArgv(c as Record<string, unknown>, ctx());
      return ['spawn', 'stubdom', 'no_device_model', 'error', 'crash'].includes(r.outcome) && r.notes.length === r.argv.length && (r.outcome !== 'crash' || !!r.crash);
    }), { numRuns: 500 });
  });
});

describe('COLO proxy fields of an emulated NIC', () => {
  // The config and the argv slice are those of the dm-argv oracle (Debian's libxl 4.17) for a vif with
  // these colo_* keys: sockets in libxl's order (mirror listens, redirector1 connects), then the filter
  // and the compare objects. Not a corpus fixture: the real QEMU refuses the sockets on the harness
  // (it cannot bind 10.0.0.1), which its goldens cannot tell from a dom0's refusal.
  test('the sockets, the filter-mirror and colo-compare objects, as libxl writes them', () => {
    const text = 'name = "colo"\ntype = "hvm"\nmemory = 1024\nvif = [ \'bridge=xenbr0,model=e1000,'
      + 'colo_sock_mirror_id=m1,colo_sock_mirror_ip=10.0.0.1,colo_sock_mirror_port=9000,'
      + 'colo_sock_redirector1_id=r1,colo_sock_redirector1_ip=10.0.0.2,colo_sock_redirector1_port=9001,'
      + 'colo_filter_mirror_queue=tx,colo_filter_mirror_outdev=m1,colo_compare_pri_in=a,colo_compare_sec_in=b,colo_compare_out=c,colo_compare_notify_dev=d\' ]\n';
    const argv = analyze({ bytes: new TextEncoder().encode(text), options: options() }).deviceModel!.argv;
    const from = argv.indexOf('-netdev') + 2;
    assert.deepEqual(argv.slice(from, from + 10), [
      '-chardev', 'socket,id=m1,host=10.0.0.1,port=9000,server=on,wait=off',
      '-chardev', 'socket,id=r1,host=10.0.0.2,port=9001',
      '-object', 'filter-mirror,id=m1,netdev=net0,queue=tx,outdev=m1',
      '-object', 'iothread,id=colo-compare-iothread-1',
      '-object', 'colo-compare,id=c1,primary_in=a,secondary_in=b,outdev=c,notify_dev=d,iothread=colo-compare-iothread-1',
    ]);
  });
});
