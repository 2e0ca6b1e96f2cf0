#!/usr/bin/env node
// UI smoke test: what a person sees. Packages the extension as a .vsix, installs it into a fresh
// code-server, opens the workbench in headless Chromium and uses it with mouse and keyboard: the
// error squiggle, the dm_restrict hover, Ctrl+. and a quick fix, the device-model preview tab, the
// squiggles of a file with a missing `]` (recovery), the dm_restrict hover of a stub-domain guest
// (its top), inlay hints, the Outline view, Format Document (before and after) and the language
// status item. Screenshots go to $XLCFG_E2E_SHOTS (default test-output/e2e). Prints 'N passed, N failed'.
// XLCFG_E2E_DOCS=1 also writes the README's pictures to docs/images/ (headline, quickfix, preview,
// inlay-hints), cut to the editor so that each stays small.
// XLCFG_E2E_BREAK=<features> starts the server with those features off (the test must then fail).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, launchChromium, log, packagedExtension, startCodeServer } from './lib/code-server.mjs';
import { hoverLine, stepRunner } from './lib/workbench.mjs';

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
const step = stepRunner(results, async (name, _e, fatal) => {
  await page?.screenshot({ path: path.join(SHOTS, `FAILED-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  if (fatal) return;
  await page?.keyboard.press('Escape').catch(() => {});
  await page?.mouse.move(5, 5).catch(() => {});
});

async function shot(name) {
  await page.waitForTimeout(300); // let fade-in animations finish
  await page.screenshot({ path: path.join(SHOTS, name) });
}

const DOCS_IMAGES = path.join(REPO, 'docs', 'images');
/** The editor area right of the side bar (x 348 in a 1400-pixel window), top part: the README pictures. */
const editorClip = (height) => ({ x: 348, y: 0, width: 1052, height });

/**
 * A picture for the README: saved as docs-NAME in the screenshots, and to docs/images/NAME when
 * XLCFG_E2E_DOCS=1 (so that an ordinary run does not rewrite the committed files).
 */
async function docShot(name, clip) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `docs-${name}`), clip });
  if (process.env.XLCFG_E2E_DOCS === '1') {
    fs.mkdirSync(DOCS_IMAGES, { recursive: true });
    fs.copyFileSync(path.join(SHOTS, `docs-${name}`), path.join(DOCS_IMAGES, name));
  }
}

function assert(ok, message) {
  if (!ok) throw new Error(message);
}

/** Monaco renders blanks as no-break spaces: text as a reader sees it. */
const plain = (text) => text.replace(/\u00a0/g, ' ');

/** Polls `probe` until it returns something truthy; fails with `what` after STEP_MS. */
async function until(what, probe) {
  const end = Date.now() + STEP_MS;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

/** Runs a command from the command palette (F1), picked by its exact title. */
async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function calm() {
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 5);
}

/** A pattern that matches exactly `text`. */
const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Opens a workspace file through Quick Open (Ctrl+P), as a keyboard user would. Picks the row whose
 * name is exactly `file` (the history may also list the preview `file.argv`).
 */
async function quickOpen(file) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(file);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ has: page.locator('.label-name', { hasText: exactly(file) }) }).first().waitFor();
  const names = await rows.locator('.label-name').allInnerTexts();
  const index = names.findIndex((n) => n.trim() === file);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active .label-name', { hasText: exactly(file) }).waitFor();
}

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlcfg-ui-'));
let cs;
let browser;
let code = 0;
try {
  const { extensionsDir, workspace } = packagedExtension({ repo: REPO, extensionDir: EXTENSION_DIR, target: 'desktop', vsix: VSIX, runDir });

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
    const hover = page.locator('.monaco-hover', { hasText: /technology preview/i }).first();
    await hoverLine(page, line(/^dm_restrict/), hover);
    await hover.locator('text=xen-qemuuser-range-base').first().waitFor();
    await shot('hover.png');
    await docShot('headline.png', editorClip(480));
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
    await docShot('quickfix.png', editorClip(320));
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
    // For the README: without the side bar, so that both editors get room.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await docShot('preview.png', { x: 48, y: 0, width: 1352, height: 400 });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor();
    // The next steps start from an empty editor area (the fixed config is saved: no prompt).
    await runCommand('File: Save All Files');
    await runCommand('View: Close All Editors');
    await page.locator('.editor-group-container .tabs-container .tab').first().waitFor({ state: 'detached' });
  });

  await step('recovery: a missing `]` shows the parse error on the next setting and the mistakes above it', async () => {
    await quickOpen('recovery.xl');
    await line(/^vif/).waitFor();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 40_000 });
    // The misspelt key and "yes" for acpi, found on the repaired text: warnings.
    await editor.locator('.squiggly-warning').nth(1).waitFor();
    const hover = page.locator('.monaco-hover', { hasText: /is not closed/ }).first();
    await hoverLine(page, line(/^vif/), hover, { dx: 8 });
    assert(/expecting '\]'/.test(await hover.innerText()), "the hover does not quote xl's parse error");
    await shot('recovery.png');
    await calm();
    const repaired = page.locator('.monaco-hover', { hasText: /found on the text with the syntax error repaired/ }).first();
    await hoverLine(page, line(/^memroy/), repaired, { dx: 8 });
    assert(/memory/.test(await repaired.innerText()), 'the warning on memroy does not suggest memory');
    await shot('recovery-warning.png');
    await calm();
  });

  await step('the dm_restrict hover of a stub-domain guest opens with this guest and what to do', async () => {
    await quickOpen('stubdom-restrict.xl');
    await line(/^dm_restrict/).waitFor();
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 40_000 });
    const hover = page.locator('.monaco-hover', { hasText: 'This guest' }).first();
    await hoverLine(page, line(/^dm_restrict/), hover);
    const text = plain(await hover.innerText());
    const at = (what) => { const i = text.indexOf(what); assert(i >= 0, `the hover lacks '${what}'`); return i; };
    assert(at('This guest') < at('Use device_model_version') && at('Use device_model_version') < at('What it is'),
      'this guest and the action do not come before the meaning');
    assert(at('What it is') < at('Limitations'), 'the meaning does not come before the limitations');
    // The top of the widget is on screen: its first heading lies inside the widget and the viewport.
    const box = await hover.boundingBox();
    const heading = await hover.locator('h4', { hasText: 'This guest' }).first().boundingBox();
    assert(box.y >= 0 && heading.y >= box.y && heading.y + heading.height <= box.y + box.height && heading.y < 850,
      `the 'This guest' heading is not visible (widget ${JSON.stringify(box)}, heading ${JSON.stringify(heading)})`);
    await shot('hover-order.png');
    await calm();
  });

  await step('inlay hints show the device_model_version libxl picks for a stub domain', async () => {
    await quickOpen('inlay.xl');
    const stub = line(/^device_model_stubdomain_override/);
    await stub.waitFor();
    // The whole hint: VS Code would shorten one longer than editor.inlayHints.maximumLength (43).
    const text = await until('the implied device_model_version hint', async () => {
      const t = plain(await stub.innerText());
      return /device_model_stubdomain_override = 1\s+device_model_version="qemu-xen-traditional"/.test(t) && t;
    });
    results.push(`     (stub-domain line as shown: ${text.trim()})`);
    await shot('inlay-hints.png');
    // For the README: with the hint's tooltip.
    // The hint's own element (the innermost span holding its text), not a guess at its x.
    const hint = stub.locator('span', { hasText: 'device_model_version="qemu-xen-traditional"' }).last();
    const hintBox = await hint.boundingBox();
    const tip = page.locator('.monaco-hover', { hasText: 'libxl chooses this version' }).first();
    await hoverLine(page, hint, tip, { dx: hintBox.width / 2 });
    await docShot('inlay-hints.png', editorClip(300));
    await calm();
  });

  await step('the Outline view lists the settings under the groups of xl.cfg(5)', async () => {
    await quickOpen('hardened.xl');
    await line(/^dm_restrict/).waitFor();
    await runCommand('Explorer: Focus on Outline View');
    // Fold the folder tree so that the Outline gets the side bar's height (its rows are virtual).
    const folders = page.locator('.pane-header', { hasText: 'workspace' }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const row = (text) => page.locator('.monaco-list-row', { hasText: text });
    for (const group of ['Domain and life cycle', 'Device model', 'CPUs and memory', 'Devices', 'Graphics and consoles']) {
      await row(group).first().waitFor();
    }
    await row('dm_restrict').first().waitFor();
    await shot('outline.png');
  });

  await step('Format Document fixes the spacing and keeps the comments', async () => {
    await quickOpen('format.xl');
    await line(/^name="fmt"/).waitFor();
    await shot('format-before.png');
    await runCommand('Format Document');
    const view = editor.locator('.view-lines');
    const formatted = await until('the formatted text', async () => {
      const t = plain(await view.innerText());
      return /^name = "fmt"$/m.test(t) && t;
    });
    for (const want of [/^type = "hvm" # the guest type$/m, /^# CPUs$/m, /^# a guest written without care for spacing/m,
      /^disk = \['phy:\/dev\/vg0\/fmt,xvda,w', 'phy:\/dev\/vg0\/fmt-data,xvdb,w'\]$/m, /^vcpus = 2$/m]) {
      assert(want.test(formatted), `after formatting, no line matches ${want}:\n${formatted}`);
    }
    await shot('format-after.png');
  });

  await step('the language status item shows the target Xen release and host', async () => {
    await quickOpen('hardened.xl');
    await line(/^dm_restrict/).waitFor();
    const item = page.locator('#status\\.languageStatus');
    await item.waitFor().catch(async (e) => {
      const ids = await page.locator('.statusbar-item').evaluateAll((els) => els.map((el) => el.id).filter(Boolean));
      throw new Error(`${e.message.split('\n')[0]}; status bar items: ${ids.join(', ')}`);
    });
    await item.hover();
    const hover = page.locator('.hover-language-status, .workbench-hover, .monaco-hover', { hasText: 'the checks assume' }).first();
    await hover.waitFor();
    const text = plain(await hover.innerText());
    assert(/Xen 4\.17 · reference host/.test(text), `the status item says: ${text}`);
    assert(/release and dom0 the checks assume/.test(text), `no detail in: ${text}`);
    await shot('language-status.png');
    // Its Change link lists the releases to pick from.
    await hover.locator('a, .monaco-link', { hasText: 'Change' }).first().click();
    const pick = page.locator('.quick-input-widget', { hasText: 'Xen release the configs are checked against' });
    await pick.waitFor();
    await pick.locator('.monaco-list-row', { hasText: '4.17 (current)' }).first().waitFor();
    await shot('language-status-pick.png');
    await page.keyboard.press('Escape');
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
