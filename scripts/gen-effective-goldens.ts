// Runs `xl -N create CONFIG OVERRIDE...` on the effective-config cases (test/fixtures/effective/
// cases.json) with both oracles and stores what xl printed: golden/ for Xen 4.17, golden-4.20/ for 4.20.
// Usage: npx tsx scripts/gen-effective-goldens.ts [--xen 4.17|4.20]   (both releases by default)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORACLES, ORACLE_RELEASES, type OracleRelease } from '../test/helpers/oracle';
import { effectiveCases, effectiveConfigPath, effectiveGoldenDir } from '../test/helpers/effective-cases';

const args = process.argv.slice(2);
let releases: readonly OracleRelease[] = ORACLE_RELEASES;
const xen = args.indexOf('--xen');
if (xen >= 0) {
  const v = args[xen + 1] as OracleRelease;
  if (!ORACLE_RELEASES.includes(v)) { console.error(`--xen takes ${ORACLE_RELEASES.join(' or ')}`); process.exit(2); }
  releases = [v];
}
for (const release of releases) {
  const oracle = ORACLES[release];
  if (!oracle.available()) {
    console.error(`the Xen ${release} oracle is not available: ${oracle.missingReason()}`);
    process.exit(2);
  }
  const dir = effectiveGoldenDir(release);
  mkdirSync(dir, { recursive: true });
  for (const c of effectiveCases()) {
    const r = oracle.xlDryrun(effectiveConfigPath(c), c.overrides);
    // A word without `=` makes xl print the usage of `xl create` (Xen's text, not kept here).
    if (typeof r.stdout === 'string') { r.stdout_is_usage = r.stdout.startsWith('Usage: xl'); delete r.stdout; }
    writeFileSync(join(dir, `${c.name}.dryrun.json`), JSON.stringify(r, null, 1) + '\n');
    console.log(`${release} ${c.name.padEnd(28)} exit=${r.exit_status} ${String(r.stderr).trim().split('\n').pop()?.slice(0, 90) ?? ''}`);
  }
}
