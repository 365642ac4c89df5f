import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape, labelPattern } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';
import { codeViewText } from './virtual-gateway-form.page';
import { meshQuery } from './virtual-gateways-list.page';

const CONTAINER = cloudscape.findContainer().toSelector();
const TABS = cloudscape.findTabs();
const TAG_EDITOR = cloudscape.findModal().findContent().findTagEditor();
const ACTIVE_TAB_CONTENT = TABS.findTabContent().toSelector();

/** `/meshes/:mesh/virtual-gateways/:name`: header, summary, settings, tabs (Gateway routes, JSON, Tags). */
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

  /** The innermost container whose header reads `title`. */
  section(title: string): Locator {
    return this.page
      .locator(CONTAINER)
      .filter({ has: this.page.getByRole('heading', { name: labelPattern(title) }) })
      .last();
  }

  /** The value shown beside a key (Cloudscape KeyValuePairs: `dt` / `dd`). */
  value(key: string, scope: Locator | Page = this.page): Locator {
    return scope
      .locator('dt')
      .filter({ hasText: labelPattern(key) })
      .first()
      .locator('xpath=following-sibling::dd[1]');
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: 'Details' | 'Gateway routes' | 'JSON' | 'Tags' | string): Promise<void> {
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

  /** Tags tab > Manage tags: adds one tag in the tag editor and saves. */
  async addTag(key: string, value: string): Promise<void> {
    await this.openTab('Tags');
    await this.page.getByRole('button', { name: 'Manage tags', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Manage tags' });
    await expect(dialog).toBeVisible();
    const before = await this.page.locator(TAG_EDITOR.findRows().toSelector()).count();
    await this.page.locator(TAG_EDITOR.findAddButton().toSelector()).click();
    const row = TAG_EDITOR.findRow(before + 1);
    await this.page.locator(row.findField(1).findControl().find('input').toSelector()).fill(key);
    await this.page.locator(row.findField(2).findControl().find('input').toSelector()).fill(value);
    await dialog.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(dialog).toBeHidden();
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
}
