import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';

const FLASH_ITEMS = cloudscape.findFlashbar().findItems().toSelector();

/**
 * How long a page may take from `page.goto` to its first useful render: the browser loads and
 * compiles the console's code first (a few MB of JS), which takes seconds on a busy machine. Only
 * `open` uses it; every wait after the page is up keeps the default expect timeout.
 */
export const PAGE_LOAD_TIMEOUT = 30_000;

/** What every console page shares: breadcrumbs, side navigation, flashes, the main heading. */
export class ConsoleShellPage {
  constructor(readonly page: Page) {}

  /**
   * Opens `url` (a deep link) and waits until `ready` shows and the page takes input. A page that
   * shows data comes rendered from the server and is `inert` (Playwright's clicks and fills wait, key
   * presses do not) until the console has hydrated it; a form is rendered in the browser.
   */
  async open(url: string, ready: Locator): Promise<void> {
    await this.page.goto(url);
    await expect(ready).toBeVisible({ timeout: PAGE_LOAD_TIMEOUT });
    await expect(this.page.locator('#root[inert]')).toHaveCount(0, { timeout: PAGE_LOAD_TIMEOUT });
  }

  /** The page's h1. */
  heading(name?: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  }

  get breadcrumbs(): Locator {
    return this.page.getByRole('navigation', { name: /breadcrumb/i });
  }

  get flashes(): Locator {
    return this.page.locator(FLASH_ITEMS);
  }

  /** A flash whose text contains `text`. */
  flash(text: string | RegExp): Locator {
    return this.flashes.filter({ hasText: text });
  }

  async expectFlash(text: string | RegExp): Promise<void> {
    await expect(this.flash(text).first()).toBeVisible();
  }

  /** A button or link-styled button (Cloudscape renders `Button href` as a link). */
  action(name: string | RegExp, scope: Page | Locator = this.page): Locator {
    const exact = typeof name === 'string';
    return scope.getByRole('button', { name, exact }).or(scope.getByRole('link', { name, exact }));
  }

  /**
   * Moves the focus with the Tab key only (as a keyboard user does) until `target` has it.
   * Fails when `target` is not reached within `maxPresses` presses.
   */
  async tabTo(target: Locator, maxPresses = 80): Promise<void> {
    for (let i = 0; i < maxPresses; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    await expect(target, `reached with Tab within ${maxPresses} presses`).toBeFocused();
  }
}
