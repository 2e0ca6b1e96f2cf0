// `npm test`: every test of the project. The type check and the bundle first, then each *.test.ts
// under test/ with node's own test runner (TypeScript through tsx), then the real-VS-Code suite
// (test/e2e/run.mjs). Suites that need a Debian package decide for themselves whether to run or to
// print one loud SKIPPED line (and fail under XLCFG_REQUIRE_ORACLE=1 / XLCFG_REQUIRE_E2E=1).
// `npm test -- FILTER...` runs only the unit test files whose path contains a FILTER; it rebuilds
// dist/ first when one of them (or a test helper it imports) reads the bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/** True when the test file, or a module under test/ it imports (transitively), names dist/. */
function readsBundle(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (/['"/]dist['"/]/.test(text)) return true;
  for (const m of text.matchAll(/from\s+'(\.[^']+)'/g)) {
    const target = resolve(dirname(file), m[1]);
    const candidates = [target, `${target}.ts`, `${target}.mjs`, join(target, 'index.ts')];
    const found = candidates.find((c) => c.includes(`${join(process.cwd(), 'test')}/`) && existsSync(c) && statSync(c).isFile());
    if (found && readsBundle(found, seen)) return true;
  }
  return false;
}

const filter = process.argv.slice(2);
let files = findTests('test');
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
if (filter.length === 0) {
  run('npx', ['tsc', '-p', '.', '--noEmit']);
  run('node', ['scripts/build.mjs']);
} else if (files.some((f) => readsBundle(f))) {
  console.log('npm test: a selected test reads dist/, rebuilding it');
  run('node', ['scripts/build.mjs']);
}
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files]);
if (filter.length === 0) run(process.execPath, ['test/e2e/run.mjs'], { env: { ...process.env, XLCFG_E2E_NO_BUILD: '1' } });
