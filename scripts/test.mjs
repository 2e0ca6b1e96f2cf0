// `npm test`: every test of the project. The type check and the bundle first, then each *.test.ts
// under test/ with node's own test runner (TypeScript through tsx), then the real-VS-Code suite
// (test/e2e/run.mjs). Suites that need a Debian package decide for themselves whether to run or to
// print one loud SKIPPED line (and fail under XLCFG_REQUIRE_ORACLE=1 / XLCFG_REQUIRE_E2E=1).
// `npm test -- FILTER...` runs only the unit test files whose path contains a FILTER.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'node_modules' || (dir === 'test' && (name === 'oracle' || name === 'e2e'))) continue;
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
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);
if (filter.length === 0) run(process.execPath, ['test/e2e/run.mjs'], { env: { ...process.env, XLCFG_E2E_NO_BUILD: '1' } });
