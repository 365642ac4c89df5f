import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_PAGES } from '../fixtures/console-pages';
import { SCREENSHOT_DIR } from '../fixtures/environment';
import { expect, seriousA11yViolations, test } from '../fixtures/test';

/**
 * Where the PNGs go: the test's output folder (`npm test` never rewrites tracked files), or
 * docs/screenshots with MESHCONSOLE_SCREENSHOTS=docs (`npm run screenshots`).
 */
const TO_DOCS = process.env.MESHCONSOLE_SCREENSHOTS === 'docs';

// One navigation per page state for both checks: axe, then the README screenshot (they had a spec
// each, which opened every state twice). Each test resets its worker's store, so the tests of this
// file spread over the workers instead of running in order in one.
test.describe.configure({ mode: 'parallel' });

test.describe('Console pages: accessibility (axe) and the README screenshots', () => {
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

      // Hide the caret and anything animated so repeated runs draw the same pixels where they can.
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
