// The device-model decisions other stages rely on: where the device model runs (dom0 qemu,
// stubdomain, none) and which binary libxl starts, against the dm-argv goldens and real libxl.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyLibxlDefaults, deviceModelPath, deviceModelPlacement, needXenpvQemu, needsDeviceModel,
} from '../../../server/src/service/defaults';
import { DEBIAN_PATHS, UPSTREAM_PATHS } from '../../../server/src/service/host';
import { requireOracle } from '../../helpers/oracle';
import { allCorpus, hostFor, options } from './corpus-helpers';
import { resolvedOracle, resolvedOracleAvailable } from './oracle/resolved';

const placed = allCorpus().filter((e) => e.dryrun?.exit_status === 0 && e.argv &&
  ['spawn', 'stubdom', 'no_device_model'].includes(e.argv.outcome));

describe('deviceModelPlacement matches where libxl starts the device model', () => {
  for (const e of placed) {
    test(e.name, () => {
      const r = applyLibxlDefaults(e.dryrun.config, { options: options(), host: hostFor(e.name) });
      assert.ok(r.resolved);
      const expected = { spawn: 'dom0', stubdom: 'stubdomain', no_device_model: 'none' }[e.argv.outcome as string];
      assert.equal(deviceModelPlacement(r.resolved), expected);
      assert.equal(needsDeviceModel(r.resolved), expected === 'dom0');
      if (e.argv.outcome === 'spawn') {
        assert.equal(deviceModelPath(r.resolved.b_info as Record<string, unknown>, DEBIAN_PATHS), e.argv.dm);
      }
    });
  }
});

describe('needXenpvQemu equals libxl__need_xenpv_qemu for PV/PVH guests', () => {
  if (!requireOracle('needXenpvQemu vs libxl') || !resolvedOracleAvailable()) return;
  for (const e of placed.filter((x) => x.dryrun.config.c_info.type !== 'hvm')) {
    test(e.name, () => {
      const real = resolvedOracle(e.dryrun.config);
      const r = applyLibxlDefaults(e.dryrun.config, { options: options(), host: hostFor(e.name) });
      assert.equal(needXenpvQemu(r.resolved!), real.need_xenpv_qemu === 1);
    });
  }
});

describe('deviceModelPath', () => {
  test('qemu-xen and qemu-dm under Debian and upstream paths', () => {
    assert.equal(deviceModelPath({ device_model_version: 'qemu_xen' }, DEBIAN_PATHS), '/usr/libexec/xen-qemu-system-i386');
    assert.equal(deviceModelPath({ device_model_version: 'qemu_xen_traditional' }, DEBIAN_PATHS), '/usr/lib/xen-4.17/bin/qemu-dm');
    assert.equal(deviceModelPath({ device_model_version: 'qemu_xen' }, UPSTREAM_PATHS), '/usr/local/lib/xen/bin/qemu-system-i386');
    assert.equal(deviceModelPath({ device_model_version: 'qemu_xen_traditional' }, UPSTREAM_PATHS), '/usr/local/lib/xen/bin/qemu-dm');
  });
  test('device_model_override wins; a stubdomain has no dom0 binary', () => {
    assert.equal(deviceModelPath({ device_model_version: 'qemu_xen', device_model: '/opt/qemu' }, DEBIAN_PATHS), '/opt/qemu');
    assert.equal(deviceModelPath({ device_model_version: 'qemu_xen', device_model_stubdomain: 'True' }, DEBIAN_PATHS), null);
  });
});
