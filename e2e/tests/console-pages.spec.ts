import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_PAGES } from '../fixtures/console-pages';
import { SCREENSHOT_DIR } from '../fixtures/environment';
import { expect, seriousA11yViolations, test } from '../fixtures/test';

/**
 * Every page of the console in its fixed state, opened once: axe checks it, then it is photographed.
 * (Two specs used to open each page, one for axe and one for the screenshot.) The PNGs go to the
 * test's output folder, so `npm test` never rewrites tracked files, or to docs/screenshots with
 * MESHCONSOLE_SCREENSHOTS=docs (`npm run screenshots`).
 */
const TO_DOCS = process.env.MESHCONSOLE_SCREENSHOTS === 'docs';

test.describe('Every console page: accessibility (axe) and the README screenshot', () => {
  // The pages are independent (each test starts from the demo seed): spread them over the workers.
  // Each test does what two did (axe, then the screenshot), so it has twice the default time.
  test.describe.configure({ mode: 'parallel', timeout: 120_000 });
  // Fixed time and ids: the describe output, ARNs' uids and dates on the pages draw the same every run,
  // so a PNG changes only when its page does.
  test.use({
    viewport: { width: 1440, height: 900 },
    meshconsoleFixed: { time: '2026-01-15T12:00:00Z', ids: 'meshconsole-screenshots' },
  });

  for (const state of CONSOLE_PAGES) {
    test(`when the ${state.id} page is open in its fixed state, then axe finds no serious or critical violation and ${state.id}.png is written`, async ({
      page,
      demo,
    }, testInfo) => {
      await state.open(page, demo);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Hide the caret so repeated runs draw the same pixels where they can.
      await page.addStyleTag({ content: '*, *::before, *::after { caret-color: transparent !important; }' });
      // A full-page capture starts from the top; otherwise the sticky header is drawn mid-page.
      if (state.fullPage ?? true) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      }
      const file = TO_DOCS ? join(SCREENSHOT_DIR, `${state.id}.png`) : testInfo.outputPath(`${state.id}.png`);
      await page.screenshot({ path: file, fullPage: state.fullPage ?? true, animations: 'disabled' });
      expect(statSync(file).size).toBeGreaterThan(10_000);
    });
  }
});
