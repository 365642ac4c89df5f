import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShellPage } from './console-shell.page';
import { codeViewText } from './virtual-gateway-form.page';
import { meshQuery } from './virtual-gateways-list.page';

/**
 * The virtual node pages (read-only): `/meshes/:mesh/virtual-nodes` (the table) and
 * `/meshes/:mesh/virtual-nodes/:name` (details: general configuration, Configuration and JSON tabs).
 */
export class VirtualNodesPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async goto(mesh: string, meshOwner?: string): Promise<void> {
    await this.open(`/meshes/${encodeURIComponent(mesh)}/virtual-nodes${meshQuery(meshOwner)}`, this.table);
  }

  async gotoDetails(mesh: string, name: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-nodes/${encodeURIComponent(name)}${meshQuery(meshOwner)}`,
      this.heading(name),
    );
  }

  /** The nodes table (`data-testid="virtual-nodes-table"`). */
  get table(): Locator {
    return this.page.getByTestId('virtual-nodes-table');
  }

  /** The table row whose name link reads `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The table's text cells of `name`'s row, in column order. */
  async rowTexts(name: string): Promise<string[]> {
    return (await this.row(name).locator('th, td').allInnerTexts()).map((t) => t.trim());
  }

  /** Opens a node's details from the table. */
  async openNode(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  async openTab(name: 'Configuration' | 'JSON'): Promise<void> {
    const tab = this.page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** A details section by its test id: `node-listeners`, `node-service-discovery`, `node-backends`, `node-logging`. */
  section(testId: 'node-listeners' | 'node-service-discovery' | 'node-backends' | 'node-logging'): Locator {
    return this.page.getByTestId(testId);
  }

  /** The JSON tab's text: what `aws appmesh describe-virtual-node` prints (opens the tab). */
  async describeJsonText(): Promise<string> {
    await this.openTab('JSON');
    return codeViewText(this.page.getByTestId('describe-json'));
  }
}
