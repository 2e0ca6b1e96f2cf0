// The bundled example configs (examples/*.cfg) are what real xl and libxl say they are: all
// parse and pass `xl -N create`; the hardened guest gets a restricted qemu-xen; the deliberate
// mistake (dm_restrict on qemu-xen-traditional) is refused by libxl with its own message.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dmArgv, requireOracle, xlDryrun, xluParse } from '../helpers/oracle';
import { looksLikeGuestConfig } from '../../client/src/guestConfigDetection';

const DIR = resolve(__dirname, '..', '..', 'examples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.cfg')).sort();

const EXPECTED: Record<string, { outcome: string; version: string }> = {
  'hvm-windows-desktop.cfg': { outcome: 'spawn', version: 'qemu_xen' },
  'hvm-hardened.cfg': { outcome: 'spawn', version: 'qemu_xen' },
  'hvm-dm-restrict-traditional.cfg': { outcome: 'error', version: 'qemu_xen_traditional' },
  'pv-webserver.cfg': { outcome: 'no_device_model', version: 'qemu_xen' },
  'pvh-database.cfg': { outcome: 'no_device_model', version: 'qemu_xen' },
};

describe('examples', () => {
  test('the expected examples are there, each recognised as a guest config', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
    for (const f of files) assert.equal(looksLikeGuestConfig(readFileSync(join(DIR, f), 'utf8')), true, f);
  });

  const oracle = requireOracle('examples checked by xl and libxl');
  for (const f of files) {
    test(`${f}: libxlutil, xl -N create and libxl's device-model stage`, { skip: !oracle }, () => {
      const file = join(DIR, f);
      const parsed = xluParse(file);
      assert.equal(parsed.accepted, true, parsed.messages.join('\n'));
      const dry = xlDryrun(file);
      assert.equal(dry.exit_status, 0, dry.stderr);
      const dm = dmArgv(file);
      assert.equal(dm.outcome, EXPECTED[f].outcome, JSON.stringify(dm.log));
      assert.equal(dm.device_model_version, EXPECTED[f].version);
      if (f === 'hvm-hardened.cfg') {
        for (const flag of ['-xen-domid-restrict', '-chroot', '-runas']) assert.ok(dm.argv.includes(flag), flag);
      }
      if (f === 'hvm-dm-restrict-traditional.cfg') {
        assert.ok(dm.log.some((l: string) => l.endsWith('dm_restrict not supported by qemu-xen-traditional')), dm.log.join('\n'));
      }
    });
  }
});
