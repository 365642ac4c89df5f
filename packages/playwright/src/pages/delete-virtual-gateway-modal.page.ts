import type { Locator, Page } from '@playwright/test';
import { DeleteConfirmationModal } from './delete-confirmation-modal.page';

/**
 * The modal "Delete virtual gateway" (a typed confirmation), opened from the table or the details page.
 * A gateway with gateway routes is not deleted by Delete: the modal lists the routes (with links) and
 * offers "Delete with gateway routes", a delete plan that removes the routes and then the gateway.
 */
export class DeleteVirtualGatewayModal extends DeleteConfirmationModal {
  constructor(page: Page) {
    super(page, 'virtual gateway', { typed: true });
  }

  /** Links to the gateway routes that block the delete. */
  routeLink(route: string): Locator {
    return this.dialog.getByRole('link', { name: route, exact: true });
  }

  /** The delete plan's steps, in the order they run ("Gateway route a", ..., "Virtual gateway g"). */
  get planSteps(): Locator {
    return this.dialog.getByRole('list', { name: 'Delete plan' }).getByRole('listitem');
  }

  /** "Delete with gateway routes" (shown instead of Delete while the gateway has routes). */
  get deleteWithRoutesButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete with gateway routes', exact: true });
  }

  /** Types "delete" and runs the delete plan: the gateway's routes, then the gateway. */
  async confirmWithRoutes(): Promise<void> {
    await this.typeConfirmation();
    await this.deleteWithRoutesButton.click();
  }
}
