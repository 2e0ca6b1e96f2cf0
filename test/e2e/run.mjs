#!/usr/bin/env node
// Entry point of the real-VS-Code tests (called by scripts/test.mjs after the unit tests):
//   1. checks the Debian packages they need; where one is missing prints one loud SKIPPED line and
//      exits 0, or fails when XLCFG_REQUIRE_E2E=1 (CI);
//   2. builds the extension (dist/) and the mocha suite (out/e2e/);
//   3. runs the suite in a real extension host (lib/run-suite.mjs), then the UI smoke test and the
//      web extension's smoke test (web-smoke.mjs);
//   4. prints the closing 'N passed, N failed' and exits non-zero on any failure or time-out.
//
// Knobs: EXT_TEST_HOST=electron|code-server, VSCODE_EXECUTABLE, CODE_SERVER_VERSION, CODE_SERVER_DIR,
// XLCFG_E2E_UI=0 (suite only), XLCFG_E2E_NO_BUILD=1 (dist/ is already built),
// XLCFG_E2E_EXTENSION_DIR (another extension folder to test, for debugging the harness), XLCFG_E2E_GREP=<mocha grep>, XLCFG_E2E_BREAK=hover,completion,...
// (runs against an extension whose server has those features switched off: the suite must fail),
// EXT_TEST_TIMEOUT_MS (suite limit, default 300000), EXT_TEST_VERBOSE=1, KEEP_TMP=1.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, REPO, ensureCodeServer, log } from './lib/code-server.mjs';
import { buildSuite } from './lib/build-suite.mjs';
import { pickHost, runSuite } from './lib/run-suite.mjs';

const APT_LINE = 'apt-get install -y chromium ripgrep libkrb5-dev';
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Debian packages npm cannot provide: the browser, rg for VS Code's search, gssapi headers. */
function missingDebianPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!has('rg')) missing.push('ripgrep');
  if (!has('krb5-config')) missing.push('libkrb5-dev');
  return missing;
}

function finish(passed, failed, code) {
  console.log(`[e2e] real-vscode done in ${seconds()} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || code !== 0 ? code || 1 : 0);
}

const missing = missingDebianPackages();
if (missing.length) {
  console.log(`SKIPPED real-vscode: ${APT_LINE}`);
  if (process.env.XLCFG_REQUIRE_E2E === '1') {
    console.error(`XLCFG_REQUIRE_E2E=1 and ${missing.join(', ')} missing: the real-VS-Code tests may not be skipped`);
    finish(0, 1, 1);
  }
  process.exit(0);
}

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-e2e-'));
const shotsDir = path.join(REPO, 'test-output', 'e2e');
fs.rmSync(shotsDir, { recursive: true, force: true }); // no screenshots of an earlier run
fs.mkdirSync(shotsDir, { recursive: true });
const breakFeatures = process.env.XLCFG_E2E_BREAK || '';
// What the extension host (and so the language server) gets in its environment.
// XLCFG_E2E_OUT: where the suite writes startup.json (the start-up figures, issue 15).
const hostEnv = { EXT_TEST_REPORT: path.join(runDir, 'suite-report.txt'), XLCFG_E2E_OUT: shotsDir };
if (breakFeatures) {
  hostEnv.XLCFG_DISABLE_FEATURES = breakFeatures;
  log(`XLCFG_E2E_BREAK: the server runs with XLCFG_DISABLE_FEATURES=${breakFeatures}; failures are expected`);
}

let passed = 0;
let failed = 0;
let code = 0;
try {
  log('building the extension (scripts/build.mjs) and the suite (out/e2e)');
  if (!process.env.XLCFG_E2E_NO_BUILD) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
  await buildSuite();

  const host = await pickHost();
  if (host === 'code-server' || process.env.XLCFG_E2E_UI !== '0') ensureCodeServer();
  // The tests edit and create files: they get a throw-away copy of the fixture workspace.
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(REPO, 'test/e2e/workspace'), workspace, { recursive: true });
  log(`suite: extension host ${host} (${seconds()} s)`);
  const suite = await runSuite({
    host,
    workspace,
    env: hostEnv,
    timeoutMs: Number(process.env.EXT_TEST_TIMEOUT_MS || 300_000),
    shotsDir,
  });
  passed += suite.passed;
  failed += suite.failed;
  if (suite.code !== 0 && suite.failed === 0) failed += 1; // the host failed without a test failing
  code ||= suite.code;
  const startup = path.join(shotsDir, 'startup.json');
  if (fs.existsSync(startup)) {
    const f = JSON.parse(fs.readFileSync(startup, 'utf8'));
    log(`start-up: cold open to first diagnostics ${f.cold_open_to_diagnostics_ms} ms, warm median ` +
      `${f.warm_open_to_diagnostics_median_ms} ms (samples ${f.samples.join(', ')}; ${path.relative(REPO, startup)})`);
  }

  // The UI smoke test, then the web extension in code-server's web worker extension host.
  for (const [name, script] of process.env.XLCFG_E2E_UI !== '0' ? [['ui-smoke', 'ui-smoke.mjs'], ['web-smoke', 'web-smoke.mjs']] : []) {
    log(`${name} (${seconds()} s)`);
    const ui = spawnSync(process.execPath, [path.join(REPO, 'test/e2e', script)], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, XLCFG_E2E_SHOTS: shotsDir, XLCFG_E2E_NO_BUILD: '1' },
      timeout: 240_000,
    });
    process.stdout.write((ui.stdout || '').replace(/^(\d+ passed, \d+ failed.*)$/m, `${name}: $1`));
    const m = /^(\d+) passed, (\d+) failed/m.exec(ui.stdout || '');
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    }
    if (!m || (ui.status !== 0 && Number(m[2]) === 0)) {
      console.error(`${name} ended with ${ui.status ?? ui.signal}${ui.error ? ` (${ui.error.message})` : ''}`);
      failed += 1;
    }
    if (ui.status !== 0) code ||= 1;
  }
} catch (e) {
  console.error(e?.stack ?? e);
  failed += 1;
  code = 1;
} finally {
  if (!process.env.KEEP_TMP) fs.rmSync(runDir, { recursive: true, force: true });
}
finish(passed, failed, code);
