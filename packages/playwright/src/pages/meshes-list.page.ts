import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';
import { columnCell, escapeRegExp } from './table';

const TABLE = cloudscape.findTable('[data-testid="meshes-table"]');
const ROWS = TABLE.findRows().toSelector();
const COUNTER = TABLE.findHeaderSlot().findHeader().findCounter().toSelector();

/** The meshes table's columns, by their headers. */
export type MeshesColumn = 'Mesh name' | 'Mesh owner' | 'Resource owner' | 'Sharing' | 'Status' | 'Created';

/** `/meshes`: the meshes the caller owns and the meshes other accounts share with it, with their owners. */
export class MeshesListPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  /** Opens `/meshes` and waits until the meshes are listed (the heading shows their count). */
  async goto(): Promise<void> {
    await this.open('/meshes', this.heading(/^Meshes \(\d+\)$/));
  }

  /** The table "Meshes". */
  get table(): Locator {
    return this.page.getByRole('table', { name: 'Meshes', exact: true });
  }

  /** The table's rows, one per mesh (none while it shows its empty state). */
  get rows(): Locator {
    return this.page.locator(ROWS).filter({ has: this.page.getByRole('link') });
  }

  /** The header counter, e.g. "(2)". */
  get counter(): Locator {
    return this.page.locator(COUNTER);
  }

  get filterInput(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter meshes', exact: true });
  }

  async filter(text: string): Promise<void> {
    await this.filterInput.fill(text);
  }

  /** The row of mesh `mesh` (its name link). */
  row(mesh: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: mesh, exact: true }) });
  }

  /** The mesh's name link (to its virtual gateways; a shared mesh's carries `?meshOwner=`). */
  link(mesh: string): Locator {
    return this.table.getByRole('link', { name: mesh, exact: true });
  }

  /** The cell of mesh `mesh` in column `column`. */
  cell(mesh: string, column: MeshesColumn): Locator {
    return columnCell(this.row(mesh), column);
  }

  /** The Mesh owner cell: the account, with "(you)" for the caller's own. */
  ownerOf(mesh: string): Locator {
    return this.cell(mesh, 'Mesh owner');
  }

  /** The names of the listed meshes (this page of the table), in order. */
  async meshNames(): Promise<string[]> {
    return (await this.rows.getByRole('link').allInnerTexts()).map((t) => t.trim());
  }

  /** Follows the mesh's link and waits for its virtual gateways page. */
  async openMesh(mesh: string): Promise<void> {
    await this.link(mesh).click();
    await expect(this.page).toHaveURL(
      new RegExp(`/meshes/${escapeRegExp(encodeURIComponent(mesh))}/virtual-gateways(\\?|$)`),
    );
    await expect(this.heading(/^Virtual gateways/)).toBeVisible();
  }
}
