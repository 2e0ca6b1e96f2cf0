import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shingles, shingleHash } from '../../helpers/shingles';
import {
  ALL_KEYS, lookupKey, keyStatusIn, suggestKeys, valueAllowedIn, valuesIn,
  XEN_RELEASES, manPageUrl, dmRestrictNotes, traditionalStatus, valueText, specFields, SPEC_FIELD_GATES, KEY_MESSAGES,
} from '../../../server/src/service/catalogue';
import { XEN_VERSIONS } from '../../../server/src/service/options';

// Vendored facts (see test/fixtures/reference/README.md): keys.json without its prose, and only
// hashed word runs of that prose and of xl.cfg(5), for the "our own words" tests.
const REFERENCE = join(__dirname, '..', '..', 'fixtures', 'reference');
const readFixture = (name: string) => JSON.parse(readFileSync(join(REFERENCE, name), 'utf8'));
const KEYS_JSON = readFixture('keys-facts.json');
const REF_KEYS: any[] = KEYS_JSON.keys;
const REMOVED: any[] = KEYS_JSON.removed_before_4_17;
const KEY_PROSE: Record<string, string[]> = readFixture('keys-prose-shingles.json').keys;
const MAN_PAGES: Record<string, string[]> = readFixture('man-page-shingles.json').releases;

/** Runs of our text whose hash is among `theirs`. */
function copiedRuns(ours: string, theirs: Set<string>): string[] {
  return shingles(ours, 6).filter((s) => theirs.has(shingleHash(s)));
}

describe('catalogue coverage', () => {
  test('every keys.json key (and the ones dropped before 4.17) is in the catalogue', () => {
    for (const k of [...REF_KEYS, ...REMOVED]) assert.ok(lookupKey(k.name), `missing ${k.name}`);
    assert.equal(ALL_KEYS.length, REF_KEYS.length + REMOVED.length);
    assert.equal(new Set(ALL_KEYS.map((k) => k.name)).size, ALL_KEYS.length);
  });

  test('every key has a summary, a doc of 2-6 sentences and an example', () => {
    for (const k of ALL_KEYS) {
      assert.ok(k.summary.length > 10, `${k.name}: summary`);
      assert.ok(!k.summary.includes('\n'), `${k.name}: summary is one line`);
      assert.ok(k.example.length > 3, `${k.name}: example`);
      const prose = k.doc.replace(/`[^`]*`/g, 'X').replace(/\b(e\.g|i\.e|etc)\./g, 'x');
      const sentences = prose.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0).length;
      assert.ok(sentences >= 2 && sentences <= 6, `${k.name}: ${sentences} sentences`);
    }
  });

  test('examples mention their key (or its replacement)', () => {
    for (const k of ALL_KEYS) {
      const names = [k.name, k.replacedBy, k.name === 'pvh' ? 'type' : undefined, k.name === 'nodes' ? 'cpus' : undefined,
        k.name === 'sched' ? 'pool' : undefined, k.name === 'vif2' ? 'vif' : undefined, k.name === 'vncviewer' ? 'xl create -V' : undefined];
      assert.ok(names.some((n) => n && k.example.includes(n)), `${k.name}: ${k.example}`);
    }
  });

  test('texts are our own: no 6-word run of keys.json\'s prose', () => {
    assert.ok(Object.keys(KEY_PROSE).length === REF_KEYS.length + REMOVED.length);
    for (const ref of [...REF_KEYS, ...REMOVED]) {
      const k = lookupKey(ref.name)!;
      const copied = copiedRuns(`${k.summary} ${k.doc}`, new Set(KEY_PROSE[ref.name]));
      assert.deepEqual(copied, [], `${ref.name} copies keys.json`);
    }
  });

  for (const [release, hashes] of Object.entries(MAN_PAGES)) {
    test(`texts share no 6-word run with xl.cfg(5) of ${release}`, () => {
      assert.ok(hashes.length > 10000, 'the fixture holds the whole page');
      const theirs = new Set(hashes);
      for (const k of ALL_KEYS) assert.deepEqual(copiedRuns(`${k.summary} ${k.doc}`, theirs), [], `${k.name} copies xl.cfg(5)`);
    });
  }
});

describe('catalogue facts agree with keys.json', () => {
  for (const ref of REF_KEYS) {
    test(ref.name, () => {
      const k = lookupKey(ref.name)!;
      assert.equal(k.kind, ref.kind);
      assert.deepEqual([...k.guestTypes], ref.guest_types);
      assert.equal(k.arch, ref.arch);
      assert.equal(k.since, String(ref.since.read_by_xl).replace('<=', ''));
      if (typeof ref.case_sensitive === 'boolean') assert.equal(k.caseSensitive, ref.case_sensitive);
      if (Array.isArray(ref.values)) {
        assert.deepEqual(new Set(k.values?.map((v) => v.value)), new Set(ref.values.map(String)));
      }
      if (typeof ref.default === 'number') assert.equal(k.default, ref.default);
      if (ref.unit) assert.equal(k.unit, ref.unit);
      if (ref.replaced_by) assert.equal(k.replacedBy, ref.replaced_by);
      assert.equal(!!k.deprecated, !!ref.deprecated);
      assert.deepEqual((KEY_MESSAGES[ref.name] ?? []).map((m) => m.text), (ref.errors ?? []).map((e: any) => e.text));
      // Presence in the two releases keys.json checked.
      assert.equal(keyStatusIn(ref.name, '4.17')!.status !== 'absent', ref.present_in['4.17.7']);
      assert.equal(keyStatusIn(ref.name, '4.22')!.status !== 'absent', ref.present_in['4.22.0']);
    });
  }
});

describe('key status per Xen version', () => {
  test('keys added later are absent before', () => {
    assert.equal(keyStatusIn('bootloader_restrict', '4.17')!.status, 'absent');
    assert.equal(keyStatusIn('bootloader_restrict', '4.18')!.status, 'present');
    assert.equal(keyStatusIn('xenstore_quota', '4.21')!.status, 'absent');
    assert.equal(keyStatusIn('xenstore_quota', '4.22')!.status, 'present');
    assert.equal(keyStatusIn('pvshim', '4.10')!.status, 'absent');
    assert.deepEqual(keyStatusIn('smbios', '4.17'), { status: 'absent', since: '4.18' });
  });
  test('deprecated keys name their replacement', () => {
    for (const [old, repl] of [['builder', 'type'], ['stdvga', 'vga'], ['altp2mhvm', 'altp2m'], ['device_model', 'device_model_override']]) {
      const s = keyStatusIn(old!, '4.17')!;
      assert.equal(s.status, 'deprecated', old);
      assert.equal(s.replacedBy, repl);
    }
    assert.equal(keyStatusIn('slice', '4.17')!.ignored, true);
  });
  test('keys dropped before 4.10 are removed in every target', () => {
    for (const v of XEN_VERSIONS) assert.equal(keyStatusIn('pvh', v)!.status, 'removed');
    assert.equal(keyStatusIn('pvh', '4.8')!.status, 'present');
    assert.equal(keyStatusIn('nodes', '4.17')!.until, '4.8');
  });
  test('unknown keys have no status', () => {
    assert.equal(keyStatusIn('memroy', '4.17'), null);
    assert.equal(lookupKey('Memory'), undefined);
  });
});

describe('version-gated values', () => {
  test('qemu-xen-traditional exists up to 4.20, not in 4.21', () => {
    assert.equal(valueAllowedIn('device_model_version', 'qemu-xen-traditional', '4.20').allowed, true);
    const v = valueAllowedIn('device_model_version', 'qemu-xen-traditional', '4.21');
    assert.equal(v.allowed, false);
    assert.equal(v.reason, 'removed');
    assert.equal(v.until, '4.20');
    assert.equal(valueAllowedIn('device_model_version', 'qemu-xen', '4.22').allowed, true);
    assert.deepEqual(valuesIn(lookupKey('device_model_version')!, '4.21').map((e) => e.value), ['qemu-xen']);
  });
  test('tee="ffa" from 4.18; case-insensitive', () => {
    assert.equal(valueAllowedIn('tee', 'ffa', '4.17').reason, 'not-yet');
    assert.equal(valueAllowedIn('tee', 'FFA', '4.18').allowed, true);
  });
  test('bootloader="/usr/bin/pygrub" is gone in 4.19', () => {
    assert.equal(valueAllowedIn('bootloader', '/usr/bin/pygrub', '4.18').allowed, true);
    assert.equal(valueAllowedIn('bootloader', '/usr/bin/pygrub', '4.19').allowed, false);
    assert.equal(valueAllowedIn('bootloader', '/usr/local/bin/mybootloader', '4.19').allowed, true);
  });
  test('viridian groups appear with their releases; ! negation is understood', () => {
    assert.equal(valueAllowedIn('viridian', 'stimer', '4.12').allowed, false);
    assert.equal(valueAllowedIn('viridian', '!stimer', '4.13').allowed, true);
    assert.equal(valueAllowedIn('viridian', 'no_vp_limit', '4.14').allowed, false);
    assert.equal(valueAllowedIn('viridian', 'no_vp_limit', '4.15').allowed, true);
  });
  test('tsc_mode native_paravirt is refused from 4.12', () => {
    assert.equal(valueAllowedIn('tsc_mode', 'native_paravirt', '4.11').allowed, true);
    assert.equal(valueAllowedIn('tsc_mode', 'native_paravirt', '4.12').allowed, false);
  });
  test('type matches prefixes the way xl does', () => {
    assert.equal(valueAllowedIn('type', 'h', '4.17').matched, 'hvm');
    assert.equal(valueAllowedIn('type', '', '4.17').matched, 'hvm');
    assert.equal(valueAllowedIn('type', 'p', '4.17').matched, 'pv');
    assert.equal(valueAllowedIn('type', 'pvh', '4.17').matched, 'pvh');
    assert.equal(valueAllowedIn('type', 'HVM', '4.17').allowed, false);
    assert.equal(valueAllowedIn('builder', 'g', '4.17').matched, 'generic');
  });
  test('firmware values depend on the guest type', () => {
    assert.equal(valueAllowedIn('firmware', 'pvgrub64', '4.17', 'pv').allowed, true);
    assert.equal(valueAllowedIn('firmware', 'uefi', '4.17', 'pv').allowed, false);
    assert.equal(valueAllowedIn('firmware', '/opt/fw/custom.bin', '4.17', 'hvm').allowed, true);
  });
  test('free-form keys accept anything, unknown keys are not judged', () => {
    assert.equal(valueAllowedIn('name', 'anything', '4.17').reason, 'free-form');
    assert.equal(valueAllowedIn('nosuchkey', 'x', '4.17').reason, 'unknown-key');
    assert.equal(valueAllowedIn('gfx_passthru', '7', '4.17').allowed, true);
    assert.equal(valueAllowedIn('vga', 'vmware', '4.17').reason, 'unknown-value');
  });
});

describe('did you mean', () => {
  test('common misspellings', () => {
    assert.equal(suggestKeys('memroy')[0], 'memory');
    assert.equal(suggestKeys('vpcus')[0], 'vcpus');
    assert.equal(suggestKeys('on_powerof')[0], 'on_poweroff');
    assert.equal(suggestKeys('kernal')[0], 'kernel');
    assert.equal(suggestKeys('vnc_listen')[0], 'vnclisten');
    assert.equal(suggestKeys('Memory')[0], 'memory');
    assert.equal(suggestKeys('device_model_verison')[0], 'device_model_version');
    assert.deepEqual(suggestKeys('qqqqqqqqqq'), []);
  });
  test('respects max and prefers live keys', () => {
    assert.ok(suggestKeys('vnc', 2).length <= 2);
    assert.ok(suggestKeys('on_crsh', 1).length === 1);
  });
  test('thousands of unknown keys stay fast', () => {
    const t0 = performance.now();
    for (let i = 0; i < 20000; i++) suggestKeys(`custom_setting_${i}`);
    assert.ok(performance.now() - t0 < 2000, 'prefilter keeps 20k lookups under 2 s');
  });
});

describe('releases and long-form notes', () => {
  test('every target version has release data and a man page link', () => {
    assert.deepEqual(XEN_RELEASES.map((r) => r.version), [...XEN_VERSIONS]);
    assert.equal(manPageUrl('4.17'), 'https://xenbits.xen.org/docs/4.17-testing/man/xl.cfg.5.html');
  });
  test('dm_restrict notes change at 4.12 and 4.20', () => {
    const old = dmRestrictNotes('4.11');
    assert.ok(old.limitations.some((l) => l.includes('world-readable')));
    assert.ok(!old.effects.some((e) => e.includes('-chroot')));
    const cur = dmRestrictNotes('4.17');
    assert.ok(cur.limitations.some((l) => l.includes('cdrom-insert')));
    assert.ok(cur.effects.some((e) => e.includes('-chroot')));
    assert.ok(dmRestrictNotes('4.20').effects.some((e) => e.includes('-run-with')));
  });
  test('qemu-xen-traditional status', () => {
    assert.equal(traditionalStatus('4.20').available, true);
    assert.equal(traditionalStatus('4.21').available, false);
  });
  test('value texts', () => {
    assert.match(valueText('type', 'pvh')!, /QEMU/);
    assert.match(valueText('hdtype', 'AHCI')!, /SATA/);
  });
});

describe('spec items', () => {
  test('every spec item keys.json lists is known, with its enumerated values', () => {
    for (const [key, spec] of Object.entries<any>(KEYS_JSON.specs)) {
      if (!spec.subkeys || key === 'vsnd') continue;
      const fields = specFields(key)!;
      assert.ok(fields, key);
      for (const [raw, values] of Object.entries<any>(spec.subkeys)) {
        for (const name of raw.split(' / ')) {
          if (name.endsWith('*')) continue;
          const field = fields.find((f) => f.name === name);
          assert.ok(field, `${key}: ${name}`);
          if (Array.isArray(values)) assert.deepEqual(new Set(field!.values), new Set(values.filter((v: string) => v !== '').map(String)), `${key}.${name}`);
        }
      }
    }
  });
  test('gated items exist in their key', () => {
    for (const g of SPEC_FIELD_GATES) assert.ok(specFields(g.key)!.some((f) => f.name === g.field), `${g.key}.${g.field}`);
  });
});
