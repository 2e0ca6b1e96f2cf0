#!/usr/bin/env node
// Web extension smoke test: the packaged extension forced into code-server's web worker extension
// host (setting `remote.extensionKind`: web), so its browser entry (dist/web/client.js) runs in the
// page and starts the language server as a web worker (dist/web/server.js), as on vscode.dev.
// In headless Chromium: the error squiggle on dm_restrict, the hover, and the warning that the
// `local` host is absent in a browser (only the browser server says so: proof of where it runs).
// run.mjs runs it after the UI smoke test; alone: `node test/e2e/web-smoke.mjs` (XLCFG_E2E_NO_BUILD=1
// when dist/ is built). A failure leaves FAILED-web-smoke.png in $XLCFG_E2E_SHOTS (default test-output/e2e).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, launchChromium, log, packagedExtension, startCodeServer } from './lib/code-server.mjs';
import { hoverLine, stepRunner } from './lib/workbench.mjs';

const VSIX = path.join(REPO, 'out', 'e2e-web', 'xlcfg.vsix');
const STEP_MS = 40_000;
const SHOTS = process.env.XLCFG_E2E_SHOTS || path.join(REPO, 'test-output', 'e2e');
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-web-'));
const results = [];
let cs;
let browser;
let code = 0;
const consoleLines = [];

const step = stepRunner(results, async () => { code = 1; });

try {
  const { extensionsDir, workspace } = packagedExtension({ repo: REPO, extensionDir: REPO, target: 'universal', vsix: VSIX, runDir });

  cs = await startCodeServer({
    extensionsDir,
    settings: { 'remote.extensionKind': { 'xlcfg.xlcfg': ['web'] }, 'xlcfg.host': 'local' },
    verbose: Boolean(process.env.EXT_TEST_VERBOSE),
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  page.setDefaultTimeout(STEP_MS);
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e}`));
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();

  await step('the workbench opens trad-restrict.xl', async () => {
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'trad-restrict.xl' }).click();
    await editor.locator('.view-line', { hasText: /^dm_restrict/ }).first().waitFor();
  });
  await step('an error squiggle marks dm_restrict (the worker answered)', async () => {
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
  });
  await step('the server says it runs in a browser: `local` falls back to `reference`', async () => {
    await page.locator('.notifications-toasts, .notification-list-item', { hasText: /none here \(browser\)/ }).first().waitFor();
  });
  await step('hovering dm_restrict shows its text', async () => {
    await hoverLine(page, editor.locator('.view-line', { hasText: /^dm_restrict/ }).first(), page.locator('.monaco-hover', { hasText: /technology preview/i }).first());
  });
  if (code) {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'FAILED-web-smoke.png') }).catch(() => {});
  }
} catch (e) {
  code = 1;
  console.error(`web-smoke: ${String(e?.message ?? e).split('\n')[0]}`);
} finally {
  if (code && cs) console.error(cs.output().slice(-4000));
  if (code) console.error(consoleLines.filter((l) => /xlcfg|error|worker/i.test(l)).slice(-60).join('\n'));
  await browser?.close().catch(() => {});
  await cs?.stop();
  if (!process.env.KEEP_TMP) fs.rmSync(runDir, { recursive: true, force: true });
}
console.log(results.join('\n'));
const failed = results.filter((r) => r.startsWith('FAIL')).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(code);
