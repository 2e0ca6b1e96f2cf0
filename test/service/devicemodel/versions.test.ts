// The device-model command line for other Xen releases than the oracle's 4.17: each difference
// read off libxl_dm.c at the release tags (dm-argv.md section 4/5), applied to configs whose 4.17
// command line the goldens pin down.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDeviceModelArgv, deviceModelRules, type DeviceModelResult } from '../../../server/src/service/devicemodel';
import { applyLibxlDefaults } from '../../../server/src/service/defaults';
import { REFERENCE_HOST } from '../../../server/src/service/host';
import type { XenVersion } from '../../../server/src/service/options';
import { allCorpus, options } from './corpus-helpers';

const entries = new Map(allCorpus().map((e) => [e.name, e]));

/** libxl 4.17's resolved config for a corpus config, built as release `version` would. */
function argvFor(name: string, version: XenVersion): DeviceModelResult {
  const e = entries.get(name);
  assert.ok(e, `corpus config ${name}`);
  const defaults = applyLibxlDefaults(e.dryrun.config, { options: options(), host: REFERENCE_HOST });
  assert.ok(defaults.resolved, `libxl 4.17 accepts ${name}`);
  return buildDeviceModelArgv(defaults.resolved, { options: options({ xenVersion: version }), host: REFERENCE_HOST, domid: 1, generated: defaults.generated });
}

function golden(name: string): string[] {
  return entries.get(name)!.argv.argv as string[];
}

describe('device-model command line across Xen releases', () => {
  test('4.18 and 4.19 build exactly what 4.17 builds', () => {
    for (const v of ['4.18', '4.19'] as const) {
      for (const name of ['hvm-qemu-xen-dm-restrict', 'hvm-soundhw', 'hvm-channel', 'pv-vfb']) {
        assert.deepEqual(argvFor(name, v).argv, golden(name), `${name} on ${v}`);
      }
      // Debian installs qemu-dm under the versioned directory.
      const trad = argvFor('hvm-qemu-trad', v).argv;
      assert.equal(trad[0], `/usr/lib/xen-${v}/bin/qemu-dm`);
      assert.deepEqual(trad.slice(1), golden('hvm-qemu-trad').slice(1));
      assert.equal(argvFor('hvm-minimal', v).label, `as Xen ${v} builds it`);
    }
  });

  test('up to 4.16 soundhw is passed to qemu-xen as -soundhw, unchecked', () => {
    const r = argvFor('hvm-soundhw', '4.16');
    const i = r.argv.indexOf('-soundhw');
    assert.deepEqual(r.argv.slice(i, i + 2), ['-soundhw', 'hda']);
    assert.ok(!r.argv.includes('intel-hda'));
    const bad = argvFor('hvm-soundhw-bad', '4.16');
    assert.equal(bad.outcome, 'spawn', '4.16 does not know the card list');
    assert.ok(bad.argv.includes('sb16,es1370'));
    assert.equal(argvFor('hvm-soundhw-bad', '4.17').outcome, 'error');
  });

  test('up to 4.15 listening chardevs say server,nowait', () => {
    const r = argvFor('hvm-channel', '4.15');
    const chardevs = r.argv.filter((a) => a.startsWith('socket,'));
    assert.equal(chardevs.length, 3);
    for (const c of chardevs) assert.match(c, /,server,nowait$/);
    assert.deepEqual(argvFor('hvm-channel', '4.16').argv, golden('hvm-channel'));
  });

  test('up to 4.14 the machine has no suppress-vmdesc', () => {
    const r = argvFor('hvm-minimal', '4.14');
    assert.equal(r.argv[r.argv.indexOf('-machine') + 1], 'xenfv');
    assert.equal(argvFor('hvm-platform-pci-mmio', '4.14').argv.find((a) => a.includes('suppress-vmdesc')), undefined);
    const noPlatform = argvFor('hvm-dm-platform-pci-off', '4.14');
    assert.equal(noPlatform.argv[noPlatform.argv.indexOf('-machine') + 1], 'pc,accel=xen');
  });

  test('up to 4.13 a stub domain gets the serial device as given, not its consoles', () => {
    const r = argvFor('hvm-dm-stubdom-linux-serials', '4.13');
    assert.ok(!r.argv.some((a) => a.startsWith('/dev/hvc')));
    assert.ok(r.argv.includes('file:/tmp/serial1'));
    assert.ok(argvFor('hvm-dm-stubdom-linux-serials', '4.14').argv.includes('/dev/hvc4'));
  });

  test('up to 4.11 dm_restrict has no chroot and no pre-opened QMP socket', () => {
    const r = argvFor('hvm-qemu-xen-dm-restrict', '4.11');
    assert.ok(r.argv.includes('-xen-domid-restrict'));
    assert.ok(!r.argv.includes('-chroot'));
    assert.ok(!r.argv.includes('-S'));
    assert.ok(r.argv.includes('socket,id=libxl-cmd,path=/var/run/xen/qmp-libxl-1,server,nowait'));
    assert.deepEqual(r.placeholders.filter((i) => r.argv[i]!.includes('fd=')), []);
    assert.match(r.label, /^as Xen 4\.17 builds it, with the 4\.11 differences/);
    const v412 = argvFor('hvm-qemu-xen-dm-restrict', '4.12');
    assert.ok(v412.argv.includes('-chroot') && v412.argv.includes('-S'));
  });

  test('4.20 drops XEN_QEMU_CONSOLE_LIMIT and uses -run-with (QEMU 9.1+ assumed)', () => {
    const r = argvFor('hvm-qemu-xen-dm-restrict', '4.20');
    assert.deepEqual(r.env, { XEN_DOMAIN_ID: '1' });
    assert.ok(r.argv.includes('chroot=/var/run/xen/qemu-root-1'));
    assert.deepEqual(r.argv.slice(-2), ['-run-with', 'user=131073:131072']);
    assert.ok(!r.argv.includes('-chroot') && !r.argv.includes('-runas'));
    assert.match(r.label, /-run-with/);
    const stub = argvFor('hvm-dm-stubdom-qemu-xen-restrict', '4.20');
    assert.ok(stub.argv.includes('-chroot'), 'a stub domain qemu is not probed for -run-with');
    const trad = argvFor('hvm-qemu-trad', '4.20');
    assert.equal(trad.outcome, 'spawn');
    assert.deepEqual(trad.env, { XEN_DOMAIN_ID: '1' });
  });

  test('4.21 and 4.22 have no qemu-xen-traditional', () => {
    for (const v of ['4.21', '4.22'] as const) {
      const r = argvFor('hvm-qemu-trad', v);
      assert.equal(r.outcome, 'error');
      assert.equal(r.error, 'Unknown device_model_version "qemu-xen-traditional" specified');
      assert.equal(argvFor('hvm-minimal', v).outcome, 'spawn');
    }
  });

  test('the rules table', () => {
    const r = deviceModelRules('4.17');
    assert.deepEqual(
      { ...r, label: undefined },
      { xenVersion: '4.17', chardevListen: 'server=on,wait=off', suppressVmdesc: true, soundhwAsDevice: true, restrictChrootAndQmpFd: true,
        consoleLimitEnv: true, runWith: false, traditionalAvailable: true, stubdomSerialConsoles: true, label: undefined },
    );
    assert.equal(deviceModelRules('4.10').chardevListen, 'server,nowait');
    assert.equal(deviceModelRules('4.22').traditionalAvailable, false);
  });
});
