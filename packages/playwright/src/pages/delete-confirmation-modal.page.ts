import type { Locator, Page } from '@playwright/test';

/** The word a person types to confirm a delete that asks for it. */
export const DELETE_CONFIRMATION_WORD = 'delete';

export interface DeleteConfirmationModalOptions {
  /**
   * Whether the modal asks for the typed word before Delete can be pressed (a virtual gateway's does;
   * a gateway route's and a virtual service's ask for a click only). Default false.
   */
  typed?: boolean;
}

/**
 * A delete confirmation: the modal "Delete <kind>" (`new DeleteConfirmationModal(page, 'gateway route')`,
 * `'virtual service'`, `'virtual gateway'`), with the resource's name in bold, Cancel and Delete, and,
 * when `typed`, the field where the person types "delete".
 */
export class DeleteConfirmationModal {
  readonly typed: boolean;

  constructor(
    readonly page: Page,
    /** What is deleted, as the title says it: "gateway route", "virtual service", "virtual gateway". */
    readonly kind: string,
    options: DeleteConfirmationModalOptions = {},
  ) {
    this.typed = options.typed ?? false;
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${this.kind}`, exact: true });
  }

  /** The modal's title, "Delete <kind>". */
  get title(): Locator {
    return this.dialog.getByRole('heading', { name: `Delete ${this.kind}`, exact: true });
  }

  /** The input where the person types the word "delete" (only in a typed confirmation). */
  get confirmationInput(): Locator {
    return this.dialog.getByRole('textbox', { name: /^To confirm this deletion/ });
  }

  get deleteButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete', exact: true });
  }

  /** Delete, only while it can be pressed (none means the modal offers no delete now). */
  get enabledDeleteButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete', exact: true, disabled: false });
  }

  get cancelButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  /** The resource's name, in bold (the first place the modal names it). */
  boldName(name: string): Locator {
    return this.dialog.locator('b, strong, [class*="font-weight-bold"]').filter({ hasText: name }).first();
  }

  /** Types `word` into the confirmation input (replacing what was there). */
  async typeConfirmation(word = DELETE_CONFIRMATION_WORD): Promise<void> {
    await this.confirmationInput.fill(word);
  }

  /** Confirms the delete: types "delete" when the modal asks for it, then presses Delete. */
  async confirm(): Promise<void> {
    if (this.typed) await this.typeConfirmation(DELETE_CONFIRMATION_WORD);
    await this.enabledDeleteButton.click();
  }

  /** Cancel: the modal closes and nothing is deleted. */
  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }
}
