#!/usr/bin/env node
// UI smoke test: what a person sees. Packages the extension as a .vsix, installs it into a fresh
// code-server, opens the workbench in headless Chromium and uses it with mouse and keyboard: the
// error squiggle, the dm_restrict hover, Ctrl+. and a quick fix, the device-model preview tab.
// Screenshots go to $XLCFG_E2E_SHOTS (default test-output/e2e). Prints 'N passed, N failed'.
// XLCFG_E2E_BREAK=<features> starts the server with those features off (the test must then fail).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, installVsix, launchChromium, log, startCodeServer } from './lib/code-server.mjs';

const SHOTS = process.env.XLCFG_E2E_SHOTS || path.join(REPO, 'test-output', 'e2e');
const VSIX = path.join(REPO, 'out', 'e2e', 'xlcfg.vsix');
const EXTENSION_DIR = process.env.XLCFG_E2E_EXTENSION_DIR || REPO; // another folder only to debug the harness
const STEP_MS = 20_000;
if (!process.env.XLCFG_E2E_SHOTS) fs.rmSync(SHOTS, { recursive: true, force: true }); // run.mjs clears it itself
fs.mkdirSync(SHOTS, { recursive: true });

const results = [];
let page;

/**
 * Runs one step; a failure is recorded with a screenshot. A `fatal` step (the later ones need it)
 * ends the test; after any other failure the UI is calmed down (Escape) and the next step runs.
 */
async function step(name, body, { fatal = false } = {}) {
  const t0 = Date.now();
  try {
    await body();
    results.push(`ok   - ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push(`FAIL - ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
    await page?.screenshot({ path: path.join(SHOTS, `FAILED-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    if (fatal) throw e;
    await page?.keyboard.press('Escape').catch(() => {});
    await page?.mouse.move(5, 5).catch(() => {});
  }
}

async function shot(name) {
  await page.waitForTimeout(300); // let fade-in animations finish
  await page.screenshot({ path: path.join(SHOTS, name) });
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a keyboard user would. */
async function quickOpen(file) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
}

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-ui-'));
let cs;
let browser;
let code = 0;
try {
  if (!process.env.XLCFG_E2E_NO_BUILD) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  log('packaging the extension and installing it into code-server');
  execFileSync(path.join(REPO, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', VSIX],
    { cwd: EXTENSION_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  const extensionsDir = path.join(runDir, 'extensions');
  installVsix(VSIX, extensionsDir);
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(REPO, 'test/e2e/workspace'), workspace, { recursive: true });

  const env = process.env.XLCFG_E2E_BREAK ? { XLCFG_DISABLE_FEATURES: process.env.XLCFG_E2E_BREAK } : {};
  cs = await startCodeServer({ extensionsDir, env, verbose: Boolean(process.env.EXT_TEST_VERBOSE) });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  page.setDefaultTimeout(STEP_MS);
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  const line = (text) => editor.locator('.view-line', { hasText: text }).first();

  await step('the workbench opens the fixture folder', async () => {
    await page.goto(`${cs.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'trad-restrict.xl' }).waitFor({ timeout: 60_000 });
  }, { fatal: true });

  await step('trad-restrict.xl opens in the Xen xl.cfg language mode', async () => {
    await quickOpen('trad-restrict.xl');
    await line(/^dm_restrict/).waitFor();
    await page.locator('#status\\.editor\\.mode', { hasText: 'Xen xl.cfg' }).waitFor();
  }, { fatal: true });

  await step('an error squiggle marks dm_restrict', async () => {
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 40_000 });
    await shot('squiggle.png');
  });

  await step('hovering dm_restrict shows the technology-preview limitations', async () => {
    const box = await line(/^dm_restrict/).boundingBox();
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: /technology preview/i }).first();
    await hover.waitFor();
    await hover.locator('text=xen-qemuuser-range-base').first().waitFor();
    await shot('hover.png');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
  });

  await step('Ctrl+. offers quick fixes; Enter applies the first and the error squiggle goes', async () => {
    await editor.locator('.squiggly-error').first().waitFor(); // there is an error to fix
    const box = await line(/^dm_restrict/).boundingBox();
    await page.mouse.click(box.x + 30, box.y + box.height / 2);
    await page.keyboard.press('Control+Period');
    // The first row is focused; Enter picks it (a click is swallowed by the menu's pointer overlay).
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    await focused.waitFor();
    results.push(`     (fix applied: ${(await focused.innerText()).trim().split('\n')[0]})`);
    await shot('quickfix.png');
    await page.keyboard.press('Enter');
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    await shot('quickfix-applied.png');
  });

  await step('the command palette opens the device-model preview in a tab beside the config', async () => {
    await quickOpen('hardened.xl');
    await line(/^dm_restrict/).waitFor();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Preview Device-Model Command Line');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preview Device-Model Command Line' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container').nth(1).waitFor();
    await page.locator('.editor-group-container').nth(1).locator('.tabs-container .tab', { hasText: '.argv' }).waitFor();
    await page.locator('.monaco-editor .view-line', { hasText: 'xen-qemu-system-i386' }).first().waitFor();
    await page.locator('.monaco-editor .view-line', { hasText: '-xen-domid-restrict' }).first().waitFor();
    await shot('preview.png');
  });
} catch (e) {
  code = 1;
  console.error(`ui-smoke: ${String(e?.message ?? e).split('\n')[0]}`);
  if (cs && process.env.EXT_TEST_VERBOSE) console.error(cs.output());
} finally {
  await browser?.close().catch(() => {});
  await cs?.stop();
  if (!process.env.KEEP_TMP) fs.rmSync(runDir, { recursive: true, force: true });
}
const failed = results.filter((r) => r.startsWith('FAIL')).length + (code && !results.some((r) => r.startsWith('FAIL')) ? 1 : 0);
const passed = results.filter((r) => r.startsWith('ok')).length;
console.log(results.join('\n'));
console.log(`screenshots: ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code);
