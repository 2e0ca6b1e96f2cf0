// Configs written like real-world ones, generated (seeded: XLCFG_SEED, XLCFG_CASES) from realistic
// pieces: guest types, device models and stubdomains, dm_restrict, framebuffers, disks of several
// formats, PCI, firmware, video, USB, spice, sound. Each runs through the real xl and libxl (the
// oracle, live) and our findings must agree: an error exactly when they refuse, quoting them; their
// warnings as warnings; dm-restrict-traditional exactly when libxl says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ORACLES, ORACLE_RELEASES, requireOracleRelease } from '../../helpers/oracle';
import { analyzeFile, libxlText, toolstackErrors } from './corpus-helpers';
import { logBody } from '../devicemodel/corpus-helpers';
import { prng } from '../../helpers/prng';
import { realisticConfig } from '../../fuzz/generators';

const CASES = Number(process.env.XLCFG_CASES ?? 120);
const SEED = Number(process.env.XLCFG_SEED ?? 17);

const rng = prng;

interface Oracle { dry: { exit_status: number; stderr: string }; argv: { outcome: string; log?: string[] } }

for (const release of ORACLE_RELEASES) {
describe(`checks on generated real-world-like configs, against the live Xen ${release} oracle`, () => {
  if (!requireOracleRelease(release, 'checks on generated configs')) return;
  const r = rng(SEED);
  // Every third config is checked against a Debian host's packages (no qemu-dm, no stubdomain images).
  const cases = Array.from({ length: CASES }, (_, i) => ({ i, text: realisticConfig(r, i), name: i % 3 === 2 ? `guest${i}-debianhost` : `guest${i}` }));
  const results = new Map<number, Oracle>();
  test('run the oracle on every generated config', () => {
    const out = ORACLES[release].batch(cases.map((c) => ({ name: c.name, bytes: c.text })), ['dryrun', 'argv']);
    for (const c of cases) {
      const o = out.get(c.name)!;
      results.set(c.i, { dry: o.dryrun, argv: o.argv });
    }
  });
  for (const c of cases) {
    test(`generated config ${c.name} (seed ${SEED})`, () => {
      const o = results.get(c.i)!;
      const a = analyzeFile(c.name, new TextEncoder().encode(c.text), { xenVersion: release });
      const errors = toolstackErrors(a.findings);
      const stderr = o.dry.stderr.split('\n').filter((l) => l && !l.startsWith('Parsing config from'));
      const xlRefuses = o.dry.exit_status !== 0;
      const libxlRefuses = !xlRefuses && o.argv.outcome === 'error';
      const context = `\n${c.text}\nxl: ${o.dry.stderr}\nlibxl: ${(o.argv.log ?? []).join('\n')}\nours: ${a.findings.map((f) => `${f.severity} ${f.code}: ${f.message}`).join('\n')}`;
      assert.equal(errors.length > 0, xlRefuses || libxlRefuses, `error iff refused${context}`);
      if (xlRefuses && stderr.length) assert.ok(errors.some((f) => f.message.includes(stderr[stderr.length - 1]!)), `quotes xl${context}`);
      if (libxlRefuses) {
        const first = o.argv.log!.find((l) => l.startsWith('libxl: error:')) ?? o.argv.log![0]!;
        const want = libxlText(logBody(first.trim())).split('\n')[0]!;
        assert.ok(errors.some((f) => f.message.includes(want)), `quotes libxl "${want}"${context}`);
      }
      if (!xlRefuses) {
        for (const w of stderr) {
          if (/^got a tsc mode string/.test(w)) continue;
          const first = w.replace(/^[^:\s]+:\d+: /, '');
          assert.ok(a.findings.some((f) => f.severity === 'warning' && f.message.includes(first)), `warning "${first}"${context}`);
        }
      }
      const saysTrad = !xlRefuses && (o.argv.log ?? []).some((l) => l.includes('dm_restrict not supported by qemu-xen-traditional'));
      assert.equal(a.findings.some((f) => f.code === 'dm-restrict-traditional'), saysTrad, `dm-restrict-traditional${context}`);
    });
  }
});
}
