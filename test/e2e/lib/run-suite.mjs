// Runs the compiled mocha suite (out/e2e/suite/index.js) inside a real VS Code extension host, with
// the repository as the extension under development and a copy of the fixture workspace open:
//   electron     desktop VS Code through @vscode/test-electron (VSCODE_EXECUTABLE, or its download)
//   code-server  code-server's Node extension host; headless Chromium opens the workbench, which is
//                what starts the extension host and runs the tests in it.
import dns from 'node:dns/promises';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { REPO, launchChromium, log, startCodeServer, withTimeout } from './code-server.mjs';

export const SUITE_ENTRY = path.join(REPO, 'out/e2e/suite/index.js');
/** The extension under test: the repository (dist/client.js), unless XLCFG_E2E_EXTENSION_DIR says otherwise. */
const EXTENSION_DIR = process.env.XLCFG_E2E_EXTENSION_DIR || REPO;

/** The host to use: EXT_TEST_HOST, else electron where a desktop VS Code exists or can be fetched. */
export async function pickHost() {
  if (process.env.EXT_TEST_HOST) return process.env.EXT_TEST_HOST;
  if (process.env.VSCODE_EXECUTABLE) return 'electron';
  try {
    await withTimeout(dns.lookup('update.code.visualstudio.com'), 3000, 'DNS lookup');
    return 'electron';
  } catch {
    return 'code-server';
  }
}

async function runInElectron({ workspace, env }) {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: EXTENSION_DIR,
      extensionTestsPath: SUITE_ENTRY,
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
    return 0;
  } catch (e) {
    console.error(e?.message ?? e);
    return 1;
  }
}

async function runInCodeServer({ workspace, env, timeoutMs, shotsDir }) {
  const verbose = Boolean(process.env.EXT_TEST_VERBOSE);
  const cs = await startCodeServer({ env, verbose });
  let browser;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let onExit;
    const exited = new Promise((resolve) => { onExit = resolve; });
    // The workbench reports the test run through these two hooks (as @vscode/test-web does):
    // the extension host's console output, then its exit code.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (verbose || !/^(Resolving|Resolved|Creating a socket|Updating additional|\[Service Worker\]|Ignoring fetching additional builtin|ChatSessionStore)/.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
    // Extension and tests are loaded by the remote (Node) extension host, addressed by absolute path.
    const remote = (p) => `vscode-remote://${cs.authority}${p}`;
    const payload = [['extensionDevelopmentPath', remote(EXTENSION_DIR)], ['extensionTestsPath', remote(SUITE_ENTRY)]];
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    log(`workbench open on ${cs.url}`);
    return await withTimeout(exited, timeoutMs, 'the extension tests to finish').catch(async (e) => {
      const shot = path.join(shotsDir, 'suite-timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`${e.message} (screenshot ${shot})\n--- code-server output ---\n${cs.output()}`);
      return 1;
    });
  } finally {
    await browser?.close().catch(() => {});
    await cs.stop();
  }
}

/**
 * Runs the suite and returns { passed, failed, code }. `env` reaches the extension host (and the
 * language server it starts); EXT_TEST_REPORT in it names the file the suite writes its results to.
 */
export async function runSuite({ host, workspace, env, timeoutMs, shotsDir }) {
  const report = env.EXT_TEST_REPORT;
  let code;
  try {
    code = host === 'electron'
      ? await runInElectron({ workspace, env })
      : await runInCodeServer({ workspace, env, timeoutMs, shotsDir });
  } catch (e) {
    console.error(e?.stack ?? e);
    code = 1;
  }
  const text = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
  if (text) process.stdout.write(text.replace(/^(\d+ passed, \d+ failed.*)$/m, 'suite: $1'));
  const closing = /^(\d+) passed, (\d+) failed/m.exec(text);
  if (closing) return { passed: Number(closing[1]), failed: Number(closing[2]), code };
  // Cut short (time-out, crash): count what did report, and the unfinished run as one more failure.
  const count = (prefix) => text.split('\n').filter((l) => l.startsWith(prefix)).length;
  return { passed: count('ok   - '), failed: count('FAIL - ') + 1, code: code || 1 };
}
