import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';
import { CreateVirtualServiceModal, type VirtualServiceInput } from './create-virtual-service-modal.page';
import { DeleteConfirmationModal } from './delete-confirmation-modal.page';
import { columnCell } from './table';
import { meshQuery } from './virtual-gateways-list.page';

const TABLE = cloudscape.findTable('[data-testid="virtual-services-table"]');
const ROWS = TABLE.findRows().toSelector();
const COUNTER = TABLE.findHeaderSlot().findHeader().findCounter().toSelector();

/** The virtual services table's columns, by their headers. */
export type VirtualServicesColumn = 'Name' | 'Provider' | 'Status' | 'Resource owner' | 'Mesh owner' | 'Last updated';

/** `/meshes/:mesh/virtual-services`: a mesh's virtual services, with Create virtual service and Delete. */
export class VirtualServicesPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  /** Opens the page and waits until the services are listed (the heading shows their count). */
  async goto(mesh: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-services${meshQuery(meshOwner)}`,
      this.heading(/^Virtual services \(\d+(\/\d+)?\)$/),
    );
  }

  /** The table "Virtual services". */
  get table(): Locator {
    return this.page.getByRole('table', { name: 'Virtual services', exact: true });
  }

  /** The table's rows, one per service (none while it shows its empty state). */
  get rows(): Locator {
    return this.page.locator(ROWS).filter({ has: this.page.getByRole('rowheader') });
  }

  /** The header counter, e.g. "(3)" or "(1/3)". */
  get counter(): Locator {
    return this.page.locator(COUNTER);
  }

  get filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter virtual services', exact: true });
  }

  async filter(text: string): Promise<void> {
    await this.filterInput.fill(text);
  }

  /** The row of service `name`. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The cell of service `name` in column `column`. */
  cell(name: string, column: VirtualServicesColumn): Locator {
    return columnCell(this.row(name), column);
  }

  /** The Provider cell: "No provider", "Virtual node <name>" or "Virtual router <name>". */
  providerOf(name: string): Locator {
    return this.cell(name, 'Provider');
  }

  /** The names of the listed services (this page of the table), in order. */
  async serviceNames(): Promise<string[]> {
    return (await this.rows.getByRole('rowheader').allInnerTexts()).map((t) => t.trim());
  }

  /** Selects the row of service `name`. */
  async select(name: string): Promise<void> {
    await this.row(name).getByRole('radio').check();
  }

  /** The header's Create virtual service (opens the modal). */
  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create virtual service', exact: true }).first();
  }

  /** The header's Delete (for the selected service; disabled with a reason otherwise). */
  get deleteButton(): Locator {
    return this.page.getByRole('button', { name: 'Delete', exact: true }).first();
  }

  /** The modal Create virtual service opens. */
  get createModal(): CreateVirtualServiceModal {
    return new CreateVirtualServiceModal(this.page);
  }

  /** The confirmation "Delete virtual service" that Delete opens. */
  get deleteModal(): DeleteConfirmationModal {
    return new DeleteConfirmationModal(this.page, 'virtual service');
  }

  /** Create virtual service, the modal filled from `input` and submitted; resolves once the row shows. */
  async create(input: VirtualServiceInput): Promise<void> {
    await this.createButton.click();
    await this.createModal.create(input);
    await expect(this.row(input.name)).toHaveCount(1);
  }

  /**
   * Selects `name`, Delete, Delete in the confirmation. The outcome is a flash: "Successfully deleted
   * virtual service <name>." or "Failed to delete virtual service <name>" (with Retry).
   */
  async delete(name: string): Promise<void> {
    await this.select(name);
    await this.deleteButton.click();
    await this.deleteModal.confirm();
  }
}
