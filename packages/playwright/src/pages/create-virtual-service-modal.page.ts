import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';
import { ConsoleFormPage } from './console-form.page';

const MODAL_FORM_ERROR = cloudscape
  .findModal('[data-testid="create-virtual-service-modal"]')
  .findContent()
  .findForm()
  .findError()
  .toSelector();

/** What a person enters in Create virtual service. */
export interface VirtualServiceInput {
  /** Virtual service name, e.g. "books.shop.local". */
  name: string;
  /** The provider (absent: None). */
  provider?: { type: 'virtualNode' | 'virtualRouter'; name: string };
}

const PROVIDER_LABELS = { none: 'None', virtualNode: 'Virtual node', virtualRouter: 'Virtual router' } as const;

/** The modal "Create virtual service" of the virtual services page. */
export class CreateVirtualServiceModal extends ConsoleFormPage {
  constructor(page: Page) {
    super(page);
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create virtual service', exact: true });
  }

  /** Virtual service name. */
  get nameInput(): Locator {
    return this.input('Virtual service name', this.dialog).first();
  }

  /** A Provider option: "None", "Virtual node" or "Virtual router". */
  providerOption(label: 'None' | 'Virtual node' | 'Virtual router'): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true });
  }

  /** The provider's name (shown once Virtual node or Virtual router is chosen). */
  get providerNameInput(): Locator {
    return this.dialog.getByRole('textbox', { name: /^Virtual (node|router)\b/ });
  }

  get createButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Create virtual service', exact: true });
  }

  get cancelButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  /** The modal's error for problems of no field (Form errorText). */
  get formError(): Locator {
    return this.page.locator(MODAL_FORM_ERROR);
  }

  /** Types `input` in: the name, the provider and its name. */
  async fillService(input: VirtualServiceInput): Promise<void> {
    await this.fill('Virtual service name', input.name, this.dialog);
    await this.providerOption(PROVIDER_LABELS[input.provider?.type ?? 'none']).check();
    if (input.provider) {
      await this.providerNameInput.fill(input.provider.name);
      await this.providerNameInput.blur();
    }
  }

  /** Create virtual service (the modal stays open when a field is wrong or the server refuses). */
  async submit(): Promise<void> {
    await this.createButton.click();
  }

  /** Fills and submits, then waits until the modal has closed (the service was created). */
  async create(input: VirtualServiceInput): Promise<void> {
    await this.fillService(input);
    await this.submit();
    await expect(this.dialog).toBeHidden();
  }
}
