import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape, formFieldParts, labelPattern } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';
import { meshQuery } from './virtual-gateways-list.page';

export interface GatewayRouteFormInput {
  name: string;
  type: 'http' | 'http2' | 'grpc';
  prefix?: string;
  virtualService: string;
}

/** `/…/virtual-gateways/:name/gateway-routes/create`: the create gateway route form. */
export class GatewayRouteFormPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async gotoCreate(mesh: string, gateway: string, meshOwner?: string): Promise<void> {
    await this.page.goto(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(gateway)}/gateway-routes/create${meshQuery(meshOwner)}`,
    );
    await expect(this.heading('Create gateway route')).toBeVisible();
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create gateway route', exact: true });
  }

  input(label: string): Locator {
    const name = labelPattern(label);
    return this.page.getByRole('textbox', { name }).or(this.page.getByRole('spinbutton', { name }));
  }

  formField(label: string): Locator {
    return this.page
      .locator(formFieldParts.root)
      .filter({ has: this.page.locator(formFieldParts.label).filter({ hasText: labelPattern(label) }) })
      .last();
  }

  async choose(label: string, option: string | RegExp): Promise<void> {
    const field = this.formField(label);
    const optionName = typeof option === 'string' ? labelPattern(option) : option;
    const radio = field.getByRole('radio', { name: optionName });
    if ((await radio.count()) > 0) {
      await radio.first().check();
      return;
    }
    await field.getByRole('button').first().click();
    await this.page.getByRole('option', { name: optionName }).first().click();
  }

  async fillRoute(input: GatewayRouteFormInput): Promise<void> {
    await this.input('Gateway route name').fill(input.name);
    await this.choose('Gateway route type', input.type);
    if (input.prefix !== undefined) await this.input('Prefix').first().fill(input.prefix);
    await this.choose('Virtual service name', input.virtualService);
  }
}
