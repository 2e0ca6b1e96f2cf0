// Runs the oracles on our own fixture configs (test/fixtures/oracle/corpus/NAME.cfg) and stores
// their goldens beside them, in the same shape as the vendored corpus: golden/ for Xen 4.17,
// golden-4.20/ for Xen 4.20.
// Usage: npx tsx scripts/gen-fixture-goldens.ts [--xen 4.17|4.20] [NAME.cfg ...]   (both releases by default)
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORACLES, ORACLE_RELEASES, FIXTURES_DIR, type OracleRelease } from '../test/helpers/oracle';

const args = process.argv.slice(2);
let releases: readonly OracleRelease[] = ORACLE_RELEASES;
const xen = args.indexOf('--xen');
if (xen >= 0) {
  const v = args.splice(xen, 2)[1] as OracleRelease;
  if (!ORACLE_RELEASES.includes(v)) { console.error(`--xen takes ${ORACLE_RELEASES.join(' or ')}`); process.exit(2); }
  releases = [v];
}
const wanted = args.map((f) => f.replace(/^.*\//, ''));
const files = readdirSync(join(FIXTURES_DIR, 'corpus')).filter((f) => f.endsWith('.cfg') && (!wanted.length || wanted.includes(f)));
for (const release of releases) {
  const oracle = ORACLES[release];
  if (!oracle.available()) {
    console.error(`the Xen ${release} oracle is not available: ${oracle.missingReason()}`);
    process.exit(2);
  }
  mkdirSync(oracle.fixtureGoldenDir, { recursive: true });
  for (const f of files) {
    const name = f.slice(0, -4);
    const file = join(FIXTURES_DIR, 'corpus', f);
    const parse = oracle.xluParse(file);
    const dryrun = oracle.xlDryrun(file);
    const argv = oracle.dmArgv(file, { qemuXenAbsent: name.includes('noqemu'), host: name.includes('debianhost') ? 'debian' : undefined });
    for (const [k, v] of [['parse', parse], ['dryrun', dryrun], ['argv', argv]] as const) {
      writeFileSync(join(oracle.fixtureGoldenDir, `${name}.${k}.json`), JSON.stringify(v, null, 1) + '\n');
    }
    console.log(`${release} ${name.padEnd(44)} parse=${parse.accepted} xl=${dryrun.exit_status} dm=${argv.outcome} ${argv.outcome === 'error' ? (argv.log ?? [''])[0].slice(0, 100) : ''}`);
  }
}
