import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';
import { DeleteConfirmationModal } from './delete-confirmation-modal.page';
import { DeleteVirtualGatewayModal } from './delete-virtual-gateway-modal.page';
import { addTagWithEditor, containerTitled, keyValue, tagRowIn } from './details-parts';
import { HistoryPanel } from './history-panel.page';
import { codeViewText } from './virtual-gateway-form.page';
import { meshQuery } from './virtual-gateways-list.page';

const TABS = cloudscape.findTabs();
const ACTIVE_TAB_CONTENT = TABS.findTabContent().toSelector();

/** The details page's tabs. */
export type VirtualGatewayTab = 'Gateway routes' | 'Test request' | 'JSON' | 'Tags' | 'Deploy' | 'History';

/**
 * `/meshes/:mesh/virtual-gateways/:name`: header (Edit, Delete, Export), summary, settings, and tabs
 * (Gateway routes, JSON, Tags, History, ...).
 */
export class VirtualGatewayDetailsPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async goto(mesh: string, name: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(name)}${meshQuery(meshOwner)}`,
      this.heading(name),
    );
  }

  get editButton(): Locator {
    return this.action('Edit').first();
  }

  /** The page-level Delete (header action), not the gateway routes table's. */
  get deleteButton(): Locator {
    return this.action('Delete').first();
  }

  /** The confirmation "Delete virtual gateway" that Delete opens (typed "delete"). */
  get deleteModal(): DeleteVirtualGatewayModal {
    return new DeleteVirtualGatewayModal(this.page);
  }

  /** The innermost container whose header reads `title`. */
  section(title: string): Locator {
    return containerTitled(this.page, title);
  }

  /** The value shown beside a key (Cloudscape KeyValuePairs: `dt` / `dd`). */
  value(key: string, scope: Locator | Page = this.page): Locator {
    return keyValue(scope, key);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: VirtualGatewayTab | string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  get activeTabContent(): Locator {
    return this.page.locator(ACTIVE_TAB_CONTENT);
  }

  /** The JSON tab's code view. */
  get describeJsonView(): Locator {
    return this.page.getByRole('region', { name: 'describe-virtual-gateway output' });
  }

  /** The JSON tab's text (the code view's lines, without line numbers). */
  async describeJsonText(): Promise<string> {
    await this.openTab('JSON');
    return codeViewText(this.describeJsonView);
  }

  /** The JSON tab's text, parsed. */
  async describeJson(): Promise<unknown> {
    return JSON.parse(await this.describeJsonText());
  }

  /** The Tags tab's table. */
  get tagsTable(): Locator {
    return this.page.getByRole('table', { name: 'Tags' });
  }

  /** The Tags tab's row of tag `key`. */
  tagRow(key: string): Locator {
    return tagRowIn(this.tagsTable, key);
  }

  /** Tags tab > Manage tags: adds one tag in the tag editor and saves. */
  async addTag(key: string, value: string): Promise<void> {
    await this.openTab('Tags');
    await addTagWithEditor(this.page, key, value);
  }

  /** The History tab's versions (open it first: `openTab('History')`): compare and restore. */
  get history(): HistoryPanel {
    return new HistoryPanel(this.page);
  }

  /** The Gateway routes tab's table. */
  get routesTable(): Locator {
    return this.page.locator(cloudscape.findTable().toSelector()).filter({
      has: this.page.getByRole('heading', { name: /Gateway routes/ }),
    });
  }

  routeRow(route: string): Locator {
    return this.routesTable.getByRole('row').filter({ has: this.page.getByRole('link', { name: route, exact: true }) });
  }

  /** Selects the gateway route `route` in the Gateway routes tab's table. */
  async selectRoute(route: string): Promise<void> {
    const row = this.routeRow(route);
    await row.getByRole('radio').or(row.getByRole('checkbox')).first().check();
  }

  /** The Gateway routes table's Delete (for the selected route). */
  get routesDeleteButton(): Locator {
    return this.action('Delete', this.routesTable);
  }

  /** The confirmation "Delete gateway route" that the Gateway routes table's Delete opens. */
  get routeDeleteModal(): DeleteConfirmationModal {
    return new DeleteConfirmationModal(this.page, 'gateway route');
  }

  /** Gateway routes tab: selects `route`, Delete, confirms (the row leaves the table once deleted). */
  async deleteRoute(route: string): Promise<void> {
    await this.openTab('Gateway routes');
    await this.selectRoute(route);
    await this.routesDeleteButton.click();
    await this.routeDeleteModal.confirm();
  }
}
