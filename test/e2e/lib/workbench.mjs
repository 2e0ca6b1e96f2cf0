// Playwright steps on the VS Code workbench shared by the UI and web smoke tests.

/**
 * A runner of named steps that records `ok`/`FAIL` lines in `results`. On a failure `onFailure(name,
 * error, fatal)` runs (a screenshot, calming the UI); a `fatal` step (the later ones need it) then
 * throws, any other lets the next step run.
 */
export function stepRunner(results, onFailure = async () => {}) {
  return async function step(name, body, { fatal = false } = {}) {
    const t0 = Date.now();
    try {
      await body();
      results.push(`ok   - ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      results.push(`FAIL - ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
      await onFailure(name, e, fatal);
      if (fatal) throw e;
    }
  };
}

/**
 * Hovers the text of `line` until `hover` shows (up to `tries` tries of `eachMs`). The line is
 * measured again on each try: a code lens that appears above the first line after a measurement
 * moves every line down (seen under load: the mouse landed on the line above, and its hover showed).
 */
export async function hoverLine(page, line, hover, { dx = 30, tries = 5, eachMs = 8_000 } = {}) {
  for (let attempt = 1; ; attempt++) {
    const box = await line.boundingBox();
    await page.mouse.move(box.x + dx, box.y + box.height / 2);
    try {
      await hover.waitFor({ timeout: eachMs });
      return;
    } catch (e) {
      if (attempt >= tries) throw e;
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
    }
  }
}
