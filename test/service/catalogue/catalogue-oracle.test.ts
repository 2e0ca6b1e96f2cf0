import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_KEYS, valueAllowedIn, suggestKeys, lookupKey } from '../../../server/src/service/catalogue';
import { requireOracle, tempConfig, xlDryrun, corpus } from '../../helpers/oracle';

// Xen 4.17's xl (the oracle) must agree with the catalogue about which enumerated values it accepts.
const ENUM_KINDS = ['enum-string', 'integer-or-enum-string', 'boolean-or-enum-string'];

function configWith(key: string, value: string, guestType: string): string {
  const literal = /^\d+$/.test(value) ? value : `"${value}"`;
  // PV needs a kernel, except that firmware= replaces it (xl refuses both).
  const lines = ['name = "t"', 'memory = 128', ...(key === 'firmware' ? [] : ['kernel = "/boot/vmlinuz"'])];
  if (key === 'type') lines.push(`type = ${literal}`);
  else if (key === 'builder') lines.push(`builder = ${literal}`);
  else lines.push(`type = "${guestType}"`, `${key} = ${literal}`);
  return lines.join('\n') + '\n';
}

describe('catalogue enum values against xl 4.17', () => {
  if (!requireOracle('catalogue enum values')) return;
  const keys = ALL_KEYS.filter((k) => ENUM_KINDS.includes(k.kind) && (k.arch === 'x86' || k.arch === 'any') &&
    !k.removedIn && Number(k.since.split('.')[1]) <= 17)
    // The on_* keys share one value set and one parser: try one of them.
    .filter((k) => !k.name.startsWith('on_') || k.name === 'on_crash');
  for (const k of keys) {
    test(k.name, () => {
      const guestType = k.guestTypes.includes('hvm') ? 'hvm' : k.guestTypes[0]!;
      const values = (k.values ?? []).map((v) => v.value);
      // Every member, one member in upper case (case rules), and a word that is no member.
      const tries = [...values, ...values.filter((v) => /[a-z]/.test(v)).slice(0, 1).map((v) => v.toUpperCase()), 'bogus'];
      for (const value of tries) {
        const verdict = valueAllowedIn(k.name, value, '4.17', guestType);
        const xl = xlDryrun(tempConfig('t.cfg', configWith(k.name, value, guestType)));
        const accepted = xl.exit_status === 0;
        if (verdict.allowed) {
          assert.ok(accepted, `${k.name}=${value}: we allow it, xl says ${xl.stderr}`);
        } else if (verdict.reason === 'unknown-value' && (k.valuesCheckedBy ?? 'xl') === 'xl') {
          assert.ok(!accepted, `${k.name}=${value}: we refuse it, xl accepts`);
        } else {
          // Refused later (libxl at create time, or QEMU): xl itself lets it through.
          assert.ok(accepted, `${k.name}=${value}: xl should pass it on`);
        }
      }
    });
  }
});

describe('firmware values against xl 4.17', () => {
  if (!requireOracle('catalogue firmware values')) return;
  for (const guestType of ['hvm', 'pv'] as const) {
    test(guestType, () => {
      for (const value of ['', 'u', 'uefi', 'b', 'bios', 'SeaBIOS', 'ovmf', '/opt/fw.bin', 'pvgrub', 'pvgrub64']) {
        const verdict = valueAllowedIn('firmware', value, '4.17', guestType);
        const xl = xlDryrun(tempConfig('t.cfg', configWith('firmware', value, guestType)));
        assert.equal(xl.exit_status === 0, verdict.allowed, `${guestType} firmware="${value}": ${xl.stderr}`);
      }
    });
  }
});

describe('catalogue keys against the corpus', () => {
  if (!requireOracle('catalogue corpus')) return;
  test('every key set in an accepted corpus config is known or has a suggestion', () => {
    for (const entry of corpus()) {
      if (!entry.parse?.accepted) continue;
      for (const name of Object.keys(entry.parse.effective ?? {})) {
        if (lookupKey(name)) continue;
        // Unknown keys in the corpus are deliberate typos or foreign keys; we must not crash on them.
        assert.ok(Array.isArray(suggestKeys(name)), `${entry.name}: ${name}`);
      }
    }
  });
});
