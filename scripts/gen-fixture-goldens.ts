// Runs the oracle on our own fixture configs (test/fixtures/oracle/corpus/NAME.cfg) and stores
// golden/NAME.{parse,dryrun,argv}.json beside them, in the same shape as the vendored corpus.
// Usage: npx tsx scripts/gen-fixture-goldens.ts [NAME.cfg ...]
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { oracleAvailable, xluParse, xlDryrun, dmArgv } from '../test/helpers/oracle';

const ROOT = resolve(__dirname, '..', 'test', 'fixtures', 'oracle');
if (!oracleAvailable()) {
  console.error('the oracle is not available: apt-get install -y xen-utils-4.17 libxen-dev gcc python3');
  process.exit(2);
}
const wanted = process.argv.slice(2).map((f) => f.replace(/^.*\//, ''));
const files = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.cfg') && (!wanted.length || wanted.includes(f)));
for (const f of files) {
  const name = f.slice(0, -4);
  const file = join(ROOT, 'corpus', f);
  const parse = xluParse(file);
  const dryrun = xlDryrun(file);
  const argv = dmArgv(file, { qemuXenAbsent: name.includes('noqemu'), host: name.includes('debianhost') ? 'debian' : undefined });
  for (const [k, v] of [['parse', parse], ['dryrun', dryrun], ['argv', argv]] as const) {
    writeFileSync(join(ROOT, 'golden', `${name}.${k}.json`), JSON.stringify(v, null, 1) + '\n');
  }
  console.log(`${name.padEnd(44)} parse=${parse.accepted} xl=${dryrun.exit_status} dm=${argv.outcome} ${argv.outcome === 'error' ? (argv.log ?? [''])[0].slice(0, 100) : ''}`);
}
