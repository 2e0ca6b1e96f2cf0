// Playwright steps on the VS Code workbench shared by the UI and web smoke tests.

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
