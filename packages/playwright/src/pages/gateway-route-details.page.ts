import { expect, type Locator, type Page } from '@playwright/test';
import { ConsoleShellPage } from './console-shell.page';
import { DeleteConfirmationModal } from './delete-confirmation-modal.page';
import { addTagWithEditor, containerTitled, keyValue, tagRowIn } from './details-parts';
import { HistoryPanel } from './history-panel.page';
import { codeViewText } from './virtual-gateway-form.page';
import { meshQuery } from './virtual-gateways-list.page';

/** The gateway route page's sections, by their headers. */
export type GatewayRouteSection =
  | 'Gateway route details'
  | 'Match'
  | 'Target and rewrite'
  | 'JSON'
  | 'Tags'
  | 'Versions';

/**
 * `/meshes/:mesh/virtual-gateways/:name/gateway-routes/:route`: header (Edit, Delete), then one section
 * after the other (no tabs): Gateway route details, Match, Target and rewrite, JSON, Tags, Versions.
 */
export class GatewayRouteDetailsPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async goto(mesh: string, gateway: string, route: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(gateway)}/gateway-routes/${encodeURIComponent(route)}${meshQuery(meshOwner)}`,
      this.heading(route),
    );
  }

  /** Edit (a link to the edit form; disabled for a route another account owns). */
  get editButton(): Locator {
    return this.action('Edit').first();
  }

  /** The header's Delete (disabled for a route another account owns). */
  get deleteButton(): Locator {
    return this.action('Delete').first();
  }

  /** The confirmation "Delete gateway route" that Delete opens. */
  get deleteModal(): DeleteConfirmationModal {
    return new DeleteConfirmationModal(this.page, 'gateway route');
  }

  /** Delete, then Delete in the confirmation: the console deletes the route and opens its virtual gateway. */
  async delete(): Promise<void> {
    await this.deleteButton.click();
    await this.deleteModal.confirm();
  }

  /** A section by its header. */
  section(title: GatewayRouteSection | string): Locator {
    return containerTitled(this.page, title);
  }

  /** The value shown beside a key ("Priority", "Path", "Virtual service name", ...), optionally in a section. */
  value(key: string, scope: Locator | Page = this.page): Locator {
    return keyValue(scope, key);
  }

  /** The JSON section's code view (what `aws appmesh describe-gateway-route` prints). */
  get describeJsonView(): Locator {
    return this.page.getByRole('region', { name: 'Gateway route JSON' });
  }

  /** The JSON section's text. */
  async describeJsonText(): Promise<string> {
    return codeViewText(this.describeJsonView);
  }

  /** The JSON section's text, parsed. */
  async describeJson(): Promise<unknown> {
    return JSON.parse(await this.describeJsonText());
  }

  /** The Tags table. */
  get tagsTable(): Locator {
    return this.page.getByRole('table', { name: 'Tags', exact: true });
  }

  /** The Tags table's row of tag `key`. */
  tagRow(key: string): Locator {
    return tagRowIn(this.tagsTable, key);
  }

  /** Manage tags: adds one tag and saves. */
  async addTag(key: string, value: string): Promise<void> {
    await addTagWithEditor(this.page, key, value);
  }

  /** The route's versions (the Versions section): compare and restore. */
  get history(): HistoryPanel {
    return new HistoryPanel(this.page);
  }

  /** The virtual gateway link of the summary: opens the route's gateway. */
  async openGateway(): Promise<void> {
    const link = this.value('Virtual gateway', this.section('Gateway route details')).getByRole('link');
    const name = ((await link.textContent()) ?? '').trim();
    await link.click();
    await expect(this.heading(name)).toBeVisible();
  }
}
