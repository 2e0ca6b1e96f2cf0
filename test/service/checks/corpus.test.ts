// Every corpus config (vendored + fixtures) against the real xl and libxl (the goldens): an error
// exactly when they refuse, quoting them; every warning they print for an accepted config;
// dm-restrict-traditional exactly when libxl says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allCorpus, analyzeEntry, libxlText, realVerdict, toolstackErrors } from './corpus-helpers';
import { ORACLE_RELEASES } from '../../helpers/oracle';

const DM_RESTRICT_TRAD = 'dm_restrict not supported by qemu-xen-traditional';
/** Known disagreements, kept visible as todo tests until the stage that owns them models them. */
const KNOWN_GAPS: Record<string, string> = {};

for (const release of ORACLE_RELEASES) {
describe(`checks against the Xen ${release} oracle goldens`, () => {
  const entries = allCorpus(release).filter((e) => e.parse && e.dryrun);
  test('the corpus is there', () => assert.ok(entries.length > 150, `${entries.length} entries`));

  for (const e of entries) {
    test(e.name, KNOWN_GAPS[e.name] ? { todo: KNOWN_GAPS[e.name] } : {}, () => {
      const a = analyzeEntry(e, { xenVersion: release });
      const v = realVerdict(e);
      // Refusals beyond the oracles (the domain build, the dom0's QEMU) are left out: see toolstackErrors.
      const errors = toolstackErrors(a.findings);
      if (v.refusal === null) {
        assert.deepEqual(errors.map((f) => `${f.code}: ${f.message}`), [], 'the real toolstack accepts this config');
      } else {
        assert.ok(errors.length > 0, `real ${v.stage} refuses: ${v.refusal}`);
        if (v.crashed) {
          const code = v.stage === 'libxl' ? 'libxl-crashes' : 'xl-crashes';
          assert.ok(errors.some((f) => f.code === code || f.code === 'parse-error'), `${v.stage} crashes: a ${code} error says so`);
        }
        if (v.stage !== 'parse' && v.refusal.trim() !== '') {
          const lines = v.refusal.split('\n');
          const want = v.stage === 'libxl' ? libxlText(lines[0]!) : lines[lines.length - 1]!;
          assert.ok(errors.some((f) => f.message.includes(want)), `an error quotes "${want}": ${errors.map((f) => f.message).join(' | ')}`);
        }
      }
      // Every line xl or libxl prints is said: a warning as a warning, other chatter at least as
      // information.
      for (const w of v.warnings) {
        const first = libxlText(w.replace(/^[^:\s]+:\d+: /, '')).split('\n')[0]!;
        const ok = /warning/i.test(w) ? ['warning'] : ['warning', 'information'];
        assert.ok(a.findings.some((f) => ok.includes(f.severity) && f.message.includes(first)), `a finding (${ok.join(' or ')}) quotes "${first}"`);
      }
      const saysTrad = (e.argv?.log ?? []).some((l: string) => l.includes(DM_RESTRICT_TRAD));
      const trad = a.findings.filter((f) => f.code === 'dm-restrict-traditional');
      assert.equal(trad.length, saysTrad ? 1 : 0, 'dm-restrict-traditional exactly when libxl says so');
      if (saysTrad) {
        assert.equal(trad[0]!.severity, 'error');
        assert.match(trad[0]!.message, /dm_restrict not supported by qemu-xen-traditional/);
        const s = a.effective.get('dm_restrict');
        if (s) assert.equal(trad[0]!.start, s.keyStart, 'on the dm_restrict setting');
      }
    });
  }
});
}
