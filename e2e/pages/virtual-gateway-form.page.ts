import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape, labelPattern } from './cloudscape';
import { ConsoleShellPage } from './console-shell.page';
import type { GatewayFormInput } from './gateway-input';
import { meshQuery } from './virtual-gateways-list.page';

const CONTAINER = cloudscape.findContainer().toSelector();
const FORM_FIELD = cloudscape.findFormField().toSelector();
const FORM_FIELD_LABEL = cloudscape.findFormField().findLabel().toSelector();
const FORM_FIELD_ERROR = cloudscape.findFormField().findError().toSelector();
const FORM_ERROR = cloudscape.findForm().findError().toSelector();

/** Section headings of the create/edit form, in DESIGN.md's order. */
export type FormSection = 'Virtual gateway name' | 'Client policy defaults' | 'Logging' | 'Listener';

/** `/meshes/:mesh/virtual-gateways/create` and `/…/:name/edit`: the one form for create and edit. */
export class VirtualGatewayFormPage extends ConsoleShellPage {
  constructor(page: Page) {
    super(page);
  }

  async gotoCreate(mesh: string, meshOwner?: string): Promise<void> {
    await this.page.goto(`/meshes/${encodeURIComponent(mesh)}/virtual-gateways/create${meshQuery(meshOwner)}`);
    await expect(this.heading('Create virtual gateway')).toBeVisible();
  }

  async gotoEdit(mesh: string, name: string, meshOwner?: string): Promise<void> {
    await this.page.goto(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(name)}/edit${meshQuery(meshOwner)}`,
    );
    await expect(this.saveButton).toBeVisible();
  }

  get form(): Locator {
    return this.page.locator('form').filter({ has: this.page.locator(FORM_FIELD) });
  }

  /** The innermost container whose header reads `title`. */
  section(title: FormSection | string): Locator {
    return this.page
      .locator(CONTAINER)
      .filter({ has: this.page.getByRole('heading', { name: labelPattern(title) }) })
      .last();
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create virtual gateway', exact: true });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save changes', exact: true });
  }

  get cancelButton(): Locator {
    return this.action('Cancel');
  }

  /** The page-level error (Form errorText), for server errors that belong to no field. */
  get formError(): Locator {
    return this.page.locator(FORM_ERROR);
  }

  /** A text or number input by its label (", - optional" allowed), optionally inside a section. */
  input(label: string, scope: Locator | Page = this.page): Locator {
    const name = labelPattern(label);
    return scope.getByRole('textbox', { name }).or(scope.getByRole('spinbutton', { name }));
  }

  /** The Cloudscape form field whose label reads `label` (the innermost one). */
  formField(label: string, scope: Locator | Page = this.page): Locator {
    return scope
      .locator(FORM_FIELD)
      .filter({ has: this.page.locator(FORM_FIELD_LABEL).filter({ hasText: labelPattern(label) }) })
      .last();
  }

  /** The error text shown at a field. */
  fieldError(label: string, scope: Locator | Page = this.page): Locator {
    return this.formField(label, scope).locator(FORM_FIELD_ERROR).first();
  }

  /** Every field error on the page. */
  get fieldErrors(): Locator {
    return this.page.locator(FORM_FIELD_ERROR);
  }

  async fill(label: string, value: string | number, scope: Locator | Page = this.page): Promise<void> {
    const control = this.input(label, scope).first();
    await control.fill(String(value));
  }

  /** Checks or unchecks a checkbox or toggle by its label. */
  async setChecked(label: string, checked: boolean, scope: Locator | Page = this.page): Promise<void> {
    const name = labelPattern(label);
    const box = scope.getByRole('checkbox', { name }).or(scope.getByRole('switch', { name })).first();
    await box.setChecked(checked);
  }

  /**
   * Chooses `option` for the field `label`: a radio group/tiles item, or a Cloudscape Select
   * (a button that opens a listbox).
   */
  async choose(label: string, option: string | RegExp, scope: Locator | Page = this.page): Promise<void> {
    const field = this.formField(label, scope);
    const optionName = typeof option === 'string' ? labelPattern(option) : option;
    const radio = field.getByRole('radio', { name: optionName });
    if ((await radio.count()) > 0) {
      await radio.first().check();
      return;
    }
    await field.getByRole('button').first().click();
    await this.page.getByRole('option', { name: optionName }).first().click();
  }

  /** Fills a repeatable list (Attribute editor): adds rows with `addLabel`, types each value. */
  async fillList(
    itemLabel: string,
    addLabel: string | RegExp,
    values: ReadonlyArray<string | number>,
    scope: Locator,
  ): Promise<void> {
    for (const [i, value] of values.entries()) {
      let inputs = this.input(itemLabel, scope);
      if ((await inputs.count()) <= i) {
        await scope.getByRole('button', { name: addLabel }).first().click();
        inputs = this.input(itemLabel, scope);
      }
      await inputs.nth(i).fill(String(value));
    }
  }

  /** Types a whole gateway into the form, enabling each optional section it uses. */
  async fillGateway(input: GatewayFormInput, options: { skipName?: boolean } = {}): Promise<void> {
    if (!options.skipName) await this.fill('Virtual gateway name', input.name);

    const cp = input.clientPolicy;
    if (cp) {
      await this.enableSection('Client policy defaults');
      const s = this.section('Client policy defaults');
      if (cp.enforceTls !== undefined) await this.setChecked('Enforce TLS', cp.enforceTls, s);
      if (cp.ports?.length) await this.fillList('Port', /Add port/i, cp.ports, s);
      const v = cp.validation;
      if (v.method === 'acm') {
        await this.choose('Validation method', /ACM|Certificate Manager/i, s);
        await this.fillList('Certificate', /Add certificate/i, v.certificates, s);
      } else if (v.method === 'sds') {
        await this.choose('Validation method', /SDS|Secret Discovery/i, s);
        await this.fill('Secret name', v.secretName, s);
      } else {
        await this.choose('Validation method', /Local file/i, s);
        await this.fill('Certificate chain', v.certificateChain, s);
      }
      if (cp.subjectAlternativeNames?.length) {
        await this.fillList('Subject Alternative Name', /Add SAN/i, cp.subjectAlternativeNames, s);
      }
      if (cp.clientCertificate) {
        await this.setChecked('Provide client certificate', true, s);
        const c = cp.clientCertificate;
        const certScope = this.section('Provide client certificate').or(s).first();
        if (c.method === 'sds') {
          await this.choose('Certificate method', /SDS|Secret Discovery/i, certScope);
          await this.fill('Secret name', c.secretName, certScope);
        } else {
          await this.choose('Certificate method', /Local file/i, certScope);
          await this.fill('Certificate chain', c.certificateChain, certScope);
          await this.fill('Private key', c.privateKey, certScope);
        }
      }
    }

    if (input.logging) {
      const s = this.section('Logging');
      await this.fill('HTTP access logs path', input.logging.path, s);
      const f = input.logging.format;
      if (f?.type === 'text') {
        await this.choose('Log format', /text/i, s);
        await this.fill('Format', f.pattern, s);
      } else if (f?.type === 'json') {
        await this.choose('Log format', /JSON/i, s);
        for (const [i, entry] of f.entries.entries()) {
          if ((await this.input('Key', s).count()) <= i) {
            await s.getByRole('button', { name: /Add/i }).first().click();
          }
          await this.input('Key', s).nth(i).fill(entry.key);
          await this.input('Value', s).nth(i).fill(entry.value);
        }
      }
    }

    const l = input.listener;
    const ls = this.section('Listener');
    await this.choose('Protocol', l.protocol, ls);
    await this.fill('Port', l.port, ls);
    if (l.connectionPool) {
      await this.setChecked('Enable connection pool', true, ls);
      const p = l.connectionPool;
      if (p.maxConnections !== undefined) await this.fill('Maximum connections', p.maxConnections, ls);
      if (p.maxPendingRequests !== undefined) await this.fill('Maximum pending requests', p.maxPendingRequests, ls);
      if (p.maxRequests !== undefined) await this.fill('Maximum requests', p.maxRequests, ls);
    }
    if (l.healthCheck) {
      await this.setChecked('Enable health check', true, ls);
      const h = l.healthCheck;
      await this.choose('Health check protocol', h.protocol, ls);
      if (h.port !== undefined) await this.fill('Health check port', h.port, ls);
      await this.fill('Healthy threshold', h.healthyThreshold, ls);
      await this.fill('Health check interval', h.intervalMillis, ls);
      if (h.path !== undefined) await this.fill('Path', h.path, ls);
      await this.fill('Timeout period', h.timeoutMillis, ls);
      await this.fill('Unhealthy threshold', h.unhealthyThreshold, ls);
    }
    if (l.tls) {
      await this.setChecked('Enable TLS termination', true, ls);
      const t = l.tls;
      const ts = this.section('TLS termination').or(ls).first();
      await this.choose('Mode', t.mode, ts);
      const c = t.certificate;
      if (c.method === 'acm') {
        await this.choose('Certificate method', /ACM|Certificate Manager/i, ts);
        await this.fill('Certificate', c.certificateArn, ts);
      } else if (c.method === 'sds') {
        await this.choose('Certificate method', /SDS|Secret Discovery/i, ts);
        await this.fill('Secret name', c.secretName, ts);
      } else {
        await this.choose('Certificate method', /Local file/i, ts);
        await this.fill('Certificate chain', c.certificateChain, ts);
        await this.fill('Private key', c.privateKey, ts);
      }
      if (t.clientValidation) {
        await this.setChecked('Require client certificate', true, ts);
        const v = t.clientValidation;
        const vs = this.section('Require client certificate').or(ts).first();
        if (v.method === 'sds') {
          await this.choose('Client certificate validation method', /SDS|Secret Discovery/i, vs);
          await this.fill('Secret name', v.secretName, vs);
        } else {
          await this.choose('Client certificate validation method', /Local file/i, vs);
          await this.fill('Certificate chain', v.certificateChain, vs);
        }
        if (t.subjectAlternativeNames?.length) {
          await this.fillList('Subject Alternative Name', /Add SAN/i, t.subjectAlternativeNames, vs);
        }
      }
    }
  }

  /** Turns an optional section on (checkbox/toggle "Enable …" or an expandable section). */
  async enableSection(title: string): Promise<void> {
    const name = labelPattern(title);
    const toggle = this.page.getByRole('checkbox', { name }).or(this.page.getByRole('switch', { name }));
    if ((await toggle.count()) > 0) {
      await toggle.first().setChecked(true);
      return;
    }
    const expander = this.page.getByRole('button', { name, expanded: false });
    if ((await expander.count()) > 0) await expander.first().click();
  }

  async submitCreate(): Promise<void> {
    await this.createButton.click();
  }

  async submitSave(): Promise<void> {
    await this.saveButton.click();
  }

  /** Import JSON: pastes `json` and applies it. */
  async importJson(json: string): Promise<void> {
    await this.action(/Import JSON/i)
      .first()
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(json);
    await dialog.getByRole('button', { name: /^(Import|Apply|Fill form)$/ }).click();
  }
}
