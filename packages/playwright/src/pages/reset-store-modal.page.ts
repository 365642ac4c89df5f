import type { Locator, Page } from '@playwright/test';

/** "Reset demo data": the top navigation button and its modal. */
export class ResetStoreModal {
  constructor(readonly page: Page) {}

  /** The top navigation button that opens the modal. */
  get openButton(): Locator {
    return this.page.getByRole('button', { name: 'Reset demo data', exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: 'Reset demo data' });
  }

  option(label: 'Demo data' | 'An empty store'): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true });
  }

  get accessKeyId(): Locator {
    return this.dialog.getByLabel('Access key ID', { exact: true });
  }

  get secretAccessKey(): Locator {
    return this.dialog.getByLabel('Secret access key', { exact: true });
  }

  button(name: 'Reset' | 'Cancel' | 'Close'): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }
}
