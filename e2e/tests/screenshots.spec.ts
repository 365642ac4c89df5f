import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_PAGES } from '../fixtures/console-pages';
import { SCREENSHOT_DIR } from '../fixtures/environment';
import { expect, test } from '../fixtures/test';

test.describe('Screenshots for the README', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const state of CONSOLE_PAGES) {
    test(`when the ${state.id} page is open in its fixed state, then docs/screenshots/${state.id}.png is written`, async ({
      page,
      demo,
    }) => {
      await state.open(page, demo);
      // Hide the caret and anything animated so repeated runs draw the same pixels where they can.
      await page.addStyleTag({ content: '*, *::before, *::after { caret-color: transparent !important; }' });
      // A full-page capture starts from the top; otherwise the sticky header is drawn mid-page.
      if (state.fullPage ?? true) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      }
      const file = join(SCREENSHOT_DIR, `${state.id}.png`);
      await page.screenshot({ path: file, fullPage: state.fullPage ?? true, animations: 'disabled' });
      expect(statSync(file).size).toBeGreaterThan(10_000);
    });
  }
});
