// libxl 4.20 asks the dom0's QEMU whether it takes -run-with; a host whose QEMU has none (Debian 12's
// 7.2) gets -chroot and -runas, as the 4.20 oracle gives with a failed probe (--qemu-runwith none).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CORPUS_DIR, ORACLES, requireOracleRelease } from '../../helpers/oracle';
import { deviceModelRules, withQemuProbe } from '../../../server/src/service/devicemodel/versions';
import { deviceModelFromConfig } from '../../../server/src/service/devicemodel';
import { REFERENCE_HOST } from '../../../server/src/service/host';
import { DEFAULT_OPTIONS } from '../../../server/src/service/options';
import { withoutQmpFd } from './corpus-helpers';

describe('the -run-with probe of libxl 4.20', () => {
  test('QEMU releases before 9.1 make libxl fall back; later ones and an unknown QEMU keep -run-with', () => {
    const r = deviceModelRules('4.20');
    assert.equal(withQemuProbe(r, '7.2').runWith, false);
    assert.equal(withQemuProbe(r, '1:7.2+dfsg-7+deb12u18+b3').runWith, false);
    assert.equal(withQemuProbe(r, '9.0').runWith, false);
    assert.equal(withQemuProbe(r, '9.1').runWith, true);
    assert.equal(withQemuProbe(r, '1:10.0.13+ds-0+deb13u1').runWith, true);
    assert.equal(withQemuProbe(r, undefined).runWith, true);
    assert.equal(withQemuProbe(deviceModelRules('4.17'), '10.0').runWith, false, '4.17 never writes -run-with');
  });

  test('a QEMU 7.2 dom0 under Xen 4.20: the argv the oracle gives after a failed probe', () => {
    if (!requireOracleRelease('4.20', 'the -run-with probe')) return;
    const file = join(CORPUS_DIR, 'hvm-qemu-xen-dm-restrict.cfg');
    const dry = ORACLES['4.20'].xlDryrun(file);
    const real = ORACLES['4.20'].dmArgv(file, { qemuRunwith: 'none' });
    const ours = deviceModelFromConfig(dry.config, { options: { ...DEFAULT_OPTIONS, xenVersion: '4.20' }, host: { ...REFERENCE_HOST, qemuVersion: '7.2' } });
    assert.equal(real.outcome, 'spawn');
    assert.ok(real.argv.includes('-runas') && real.argv.includes('-chroot'));
    assert.deepEqual(withoutQmpFd(ours.argv), withoutQmpFd(real.argv));
  });
});
