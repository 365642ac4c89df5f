import type { Locator, Page } from '@playwright/test';
import { ConsoleFormPage } from './console-form.page';
import { meshQuery } from './virtual-gateways-list.page';

export interface GatewayRouteFormInput {
  name: string;
  type: 'http' | 'http2' | 'grpc';
  /** The target virtual service, chosen from the mesh's virtual services. */
  virtualService: string;
  /** http/http2: the path prefix to match. */
  prefix?: string;
}

/** `/…/virtual-gateways/:name/gateway-routes/create` and `/…/gateway-routes/:route/edit`: the gateway route form. */
export class GatewayRouteFormPage extends ConsoleFormPage {
  constructor(page: Page) {
    super(page);
  }

  async gotoCreate(mesh: string, gateway: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(gateway)}/gateway-routes/create${meshQuery(meshOwner)}`,
      this.heading('Create gateway route'),
    );
  }

  /** Opens the edit form of `route` (its name is read-only there). */
  async gotoEdit(mesh: string, gateway: string, route: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(gateway)}/gateway-routes/${encodeURIComponent(route)}/edit${meshQuery(meshOwner)}`,
      this.saveButton,
    );
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create gateway route', exact: true });
  }

  async fillRoute(input: GatewayRouteFormInput): Promise<void> {
    await this.fill('Gateway route name', input.name);
    await this.choose('Gateway route type', input.type);
    await this.choose('Virtual service name', input.virtualService);
    if (input.prefix !== undefined) {
      await this.choose('Path match type', 'Prefix');
      await this.fill('Prefix', input.prefix);
    }
  }

  async submitCreate(): Promise<void> {
    await this.createButton.click();
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save changes', exact: true });
  }

  async submitSave(): Promise<void> {
    await this.saveButton.click();
  }
}
