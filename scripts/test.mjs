// Runs every test of the project: the type check, then each *.test.ts under test/ with
// node's own test runner (TypeScript loaded through tsx). Suites that need the oracle or a real
// VS Code decide for themselves whether to run or to print one loud SKIPPED line.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'oracle' && dir === 'test') continue;
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

const filter = process.argv.slice(2);
if (filter.length === 0) {
  run('npx', ['tsc', '-p', '.', '--noEmit']);
  run('node', ['scripts/build.mjs']);
}
let files = findTests('test');
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
