import type { Locator, Page } from '@playwright/test';
import { cloudscape } from './cloudscape';

const MODAL = cloudscape.findModal();
const MODAL_INPUT = MODAL.findContent().findInput().findNativeInput().toSelector();

/** The modal "Delete virtual gateway", opened from the table or the details page. */
export class DeleteVirtualGatewayModal {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: 'Delete virtual gateway' });
  }

  get title(): Locator {
    return this.dialog.getByRole('heading', { name: 'Delete virtual gateway' });
  }

  /** The input where the user types the word "delete". */
  get confirmationInput(): Locator {
    return this.page.locator(MODAL_INPUT).first();
  }

  get deleteButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  /** Delete, only while it can be pressed (absent or disabled means the modal offers no delete). */
  get enabledDeleteButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete', exact: true, disabled: false });
  }

  get cancelButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  /** The gateway's name, shown in bold (first where the modal names it: the plan's steps name it again). */
  boldName(name: string): Locator {
    return this.dialog.locator('b, strong').filter({ hasText: name }).first();
  }

  /** Links to the gateway routes that block the delete. */
  routeLink(route: string): Locator {
    return this.dialog.getByRole('link', { name: route, exact: true });
  }

  async typeConfirmation(word = 'delete'): Promise<void> {
    await this.confirmationInput.fill(word);
  }

  async confirm(): Promise<void> {
    await this.typeConfirmation('delete');
    await this.deleteButton.click();
  }
}
