import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShellPage } from './console-shell.page';
import { codeViewText } from './virtual-gateway-form.page';
import { meshQuery } from './virtual-gateways-list.page';

/**
 * The virtual router pages (read-only): `/meshes/:mesh/virtual-routers` (the table) and
 * `/meshes/:mesh/virtual-routers/:name` (details: listeners, Routes and JSON tabs).
 */
export class VirtualRoutersPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async goto(mesh: string, meshOwner?: string): Promise<void> {
    await this.open(`/meshes/${encodeURIComponent(mesh)}/virtual-routers${meshQuery(meshOwner)}`, this.table);
  }

  async gotoDetails(mesh: string, name: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-routers/${encodeURIComponent(name)}${meshQuery(meshOwner)}`,
      this.heading(name),
    );
  }

  /** The routers table (`data-testid="virtual-routers-table"`). */
  get table(): Locator {
    return this.page.getByTestId('virtual-routers-table');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openRouter(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
    await expect(this.heading(name)).toBeVisible();
  }

  async openTab(name: 'Routes' | 'JSON'): Promise<void> {
    const tab = this.page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** The details page's routes table (`data-testid="routes-table"`). */
  get routesTable(): Locator {
    return this.page.getByTestId('routes-table');
  }

  /** The routes table's row of `route` (its name is the row header). */
  routeRow(route: string): Locator {
    return this.routesTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: route }) });
  }

  /** A route's weighted targets as shown: `catalog-v1 (weight 80, 80%)`, each with a link to its node. */
  async weightedTargets(route: string): Promise<string[]> {
    return (await this.routeRow(route).getByTestId('weighted-target').allInnerTexts()).map((t) => t.trim());
  }

  /** The link of a weighted target to its virtual node. */
  targetLink(route: string, node: string): Locator {
    return this.routeRow(route).getByRole('link', { name: node, exact: true });
  }

  /** What `aws appmesh describe-route` prints for `route` (expands its "Route JSON" section). */
  async routeJsonText(route: string): Promise<string> {
    const section = this.page.getByTestId(`route-json-${route}`);
    const button = section.getByRole('button', { name: `Route JSON: ${route}` }).first();
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return codeViewText(section.getByTestId('route-describe-json'));
  }

  /** The JSON tab's text: what `aws appmesh describe-virtual-router` prints (opens the tab). */
  async describeJsonText(): Promise<string> {
    await this.openTab('JSON');
    return codeViewText(this.page.getByTestId('describe-json'));
  }
}
