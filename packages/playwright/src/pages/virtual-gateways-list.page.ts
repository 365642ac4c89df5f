import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';

const TABLE = cloudscape.findTable();
const TABLE_COUNTER = TABLE.findHeaderSlot().findHeader().findCounter().toSelector();
const TEXT_FILTER_INPUT = cloudscape.findTextFilter().findInput().findNativeInput().toSelector();

export function meshQuery(meshOwner?: string): string {
  return meshOwner ? `?meshOwner=${encodeURIComponent(meshOwner)}` : '';
}

/** `/meshes/:mesh/virtual-gateways`: the full-page table of a mesh's virtual gateways. */
export class VirtualGatewaysListPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async goto(mesh: string, meshOwner?: string): Promise<void> {
    await this.open(`/meshes/${encodeURIComponent(mesh)}/virtual-gateways${meshQuery(meshOwner)}`, this.table);
  }

  get table(): Locator {
    return this.page.locator(TABLE.toSelector());
  }

  /** The header counter, e.g. "(3)" or "(1/3)". */
  get counter(): Locator {
    return this.page.locator(TABLE_COUNTER);
  }

  get filterInput(): Locator {
    return this.page.locator(TEXT_FILTER_INPUT);
  }

  /** The row whose name link reads `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  link(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }

  async select(name: string): Promise<void> {
    await this.row(name).getByRole('radio').or(this.row(name).getByRole('checkbox')).first().check();
  }

  get createButton(): Locator {
    return this.action('Create virtual gateway').first();
  }

  get viewDetailsButton(): Locator {
    return this.action('View details');
  }

  get editButton(): Locator {
    return this.action('Edit');
  }

  get deleteButton(): Locator {
    return this.action('Delete');
  }

  async filter(text: string): Promise<void> {
    await this.filterInput.fill(text);
  }

  /** The table's column headers, in order. */
  async columnHeaders(): Promise<string[]> {
    return (await this.table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
  }

  /** Opens Preferences, turns the column `label` on or off, confirms. */
  async setColumnVisible(label: string, visible: boolean): Promise<void> {
    await this.page.getByRole('button', { name: 'Preferences', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Preferences' });
    const toggle = dialog.getByRole('switch', { name: label }).or(dialog.getByRole('checkbox', { name: label }));
    await toggle.first().setChecked(visible);
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
