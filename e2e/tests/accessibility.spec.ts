import { CONSOLE_PAGES } from '../fixtures/console-pages';
import { expect, seriousA11yViolations, test } from '../fixtures/test';

test.describe('Accessibility (axe)', () => {
  for (const state of CONSOLE_PAGES) {
    test(`when axe checks the ${state.id} page, then it finds no serious or critical violation`, async ({
      page,
      demo,
    }) => {
      await state.open(page, demo);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });
  }
});
