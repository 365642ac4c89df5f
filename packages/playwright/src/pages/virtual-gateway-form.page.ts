import { expect, type Locator, type Page } from '@playwright/test';
import { cloudscape } from './cloudscape';
import { ConsoleFormPage } from './console-form.page';
import type { GatewayFormInput } from './gateway-input';
import { meshQuery } from './virtual-gateways-list.page';

const FORM_ERROR = cloudscape.findForm().findError().toSelector();

/** The create wizard's steps, by their titles (the App Mesh console guide's procedure). */
export const WIZARD_STEPS = ['Virtual gateway details', 'Logging', 'Listener', 'Review and create'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
const STEP_IDS: Record<WizardStep, string> = {
  'Virtual gateway details': 'details',
  Logging: 'logging',
  Listener: 'listener',
  'Review and create': 'review',
};

/** The form's sections and subsections, by their console heading or enabling label. */
export type FormSection =
  | 'Virtual gateway details'
  | 'Client policy defaults'
  | 'Provide client certificate'
  | 'Logging'
  | 'Listener'
  | 'Connection pool'
  | 'Health check'
  | 'TLS termination'
  | 'Require client certificate';

const SECTION_TEST_IDS: Record<FormSection, string> = {
  'Virtual gateway details': 'name-section',
  'Client policy defaults': 'client-policy-section',
  'Provide client certificate': 'client-certificate-section',
  Logging: 'logging-section',
  Listener: 'listener-section',
  'Connection pool': 'connection-pool-section',
  'Health check': 'health-check-section',
  'TLS termination': 'tls-section',
  'Require client certificate': 'tls-validation-section',
};

const VALIDATION_METHOD = {
  acm: 'AWS Certificate Manager Private Certificate Authority',
  sds: 'Envoy Secret Discovery Service (SDS)',
  file: 'Local file hosting',
} as const;
const CERTIFICATE_METHOD = {
  acm: 'AWS Certificate Manager hosting',
  sds: 'Envoy Secret Discovery Service (SDS)',
  file: 'Local file hosting',
} as const;

/** The text of a Cloudscape code view (one table row per line, maybe with line numbers). */
export async function codeViewText(view: Locator): Promise<string> {
  await expect(view).toBeVisible();
  const lines = await view
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => (row.lastElementChild?.textContent ?? '').replace(/\n$/, '')));
  return lines.join('\n');
}

/** The step a form section is on in the create wizard. */
export function stepOf(section: FormSection | undefined): WizardStep {
  switch (section) {
    case 'Logging':
      return 'Logging';
    case 'Listener':
    case 'Connection pool':
    case 'Health check':
    case 'TLS termination':
    case 'Require client certificate':
      return 'Listener';
    default:
      return 'Virtual gateway details';
  }
}

/**
 * `/meshes/:mesh/virtual-gateways/create` (a Cloudscape Wizard: Virtual gateway details, Logging,
 * Listener, Review and create) and `/…/:name/edit` (one page with the same sections).
 */
export class VirtualGatewayFormPage extends ConsoleFormPage {
  constructor(page: Page) {
    super(page);
  }

  /** Opens the create wizard, on `step` when given (`?step=`). */
  async gotoCreate(mesh: string, meshOwner?: string, step?: WizardStep): Promise<void> {
    const query = new URLSearchParams();
    if (meshOwner) query.set('meshOwner', meshOwner);
    if (step) query.set('step', STEP_IDS[step]);
    const qs = query.toString();
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/create${qs ? `?${qs}` : ''}`,
      this.heading('Create virtual gateway'),
    );
    await this.expectStep(step ?? 'Virtual gateway details');
  }

  async gotoEdit(mesh: string, name: string, meshOwner?: string): Promise<void> {
    await this.open(
      `/meshes/${encodeURIComponent(mesh)}/virtual-gateways/${encodeURIComponent(name)}/edit${meshQuery(meshOwner)}`,
      this.saveButton,
    );
  }

  /** The create wizard or the edit page's form, whichever is open. */
  get form(): Locator {
    return this.page.getByTestId('virtual-gateway-wizard').or(this.page.getByTestId('virtual-gateway-form'));
  }

  /** A section of the form (its wrapper), to tell apart fields that share a label. */
  section(title: FormSection): Locator {
    return this.page.getByTestId(SECTION_TEST_IDS[title]);
  }

  get wizard(): Locator {
    return this.page.getByTestId('virtual-gateway-wizard');
  }

  /** The heading of the wizard step that is open. */
  get stepHeading(): Locator {
    return this.wizard.getByRole('heading', { level: 1 });
  }

  async expectStep(step: WizardStep): Promise<void> {
    await expect(this.stepHeading).toHaveText(new RegExp(`^${step}( - optional)?$`));
  }

  /** The wizard's step navigation: one link per step, enabled once the step was visited. */
  stepLink(step: WizardStep): Locator {
    return this.wizard.getByRole('navigation', { name: 'Steps' }).getByText(step, { exact: true });
  }

  get nextButton(): Locator {
    return this.wizard.getByRole('button', { name: 'Next', exact: true });
  }

  get previousButton(): Locator {
    return this.wizard.getByRole('button', { name: 'Previous', exact: true });
  }

  /** Next: the step is checked; on success the next step opens. */
  async next(): Promise<void> {
    await this.nextButton.click();
  }

  async previous(): Promise<void> {
    await this.previousButton.click();
  }

  /** Next until `step` is open (every step on the way must be valid). */
  async nextTo(step: WizardStep): Promise<void> {
    const target = WIZARD_STEPS.indexOf(step);
    for (;;) {
      const text = (await this.stepHeading.textContent())?.replace(/ - optional$/, '') ?? '';
      const current = WIZARD_STEPS.indexOf(text as WizardStep);
      if (current >= target) break;
      await this.next();
      await this.expectStep(WIZARD_STEPS[current + 1] as WizardStep);
    }
  }

  /** On Review and create: the summary of a step, and its Edit button (opens the step). */
  reviewOf(step: Exclude<WizardStep, 'Review and create'>): Locator {
    return this.page.getByTestId(`review-${STEP_IDS[step]}`);
  }

  async editStep(step: Exclude<WizardStep, 'Review and create'>): Promise<void> {
    await this.page.getByTestId(`edit-step-${STEP_IDS[step]}`).click();
    await this.expectStep(step);
  }

  /** Create virtual gateway: the wizard's last button (on Review and create). */
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

  /**
   * Types a whole gateway in: on the create wizard step by step (Next after each, ending on Review
   * and create), on the edit page section by section.
   */
  async fillGateway(input: GatewayFormInput, options: { skipName?: boolean } = {}): Promise<void> {
    const wizard = (await this.wizard.count()) > 0;
    await this.fillDetails(input, options);
    if (wizard) await this.nextTo('Logging');
    await this.fillLogging(input);
    if (wizard) await this.nextTo('Listener');
    await this.fillListener(input);
    if (wizard) await this.nextTo('Review and create');
  }

  /** Step 1: the name, then Client policy defaults (opened when the input has some). */
  async fillDetails(input: GatewayFormInput, options: { skipName?: boolean } = {}): Promise<void> {
    if (!options.skipName) await this.fill('Virtual gateway name', input.name, this.section('Virtual gateway details'));
    const cp = input.clientPolicy;
    if (cp) {
      await this.expandClientPolicy();
      const s = this.section('Client policy defaults');
      if (cp.enforceTls !== undefined) await this.setChecked('Enforce TLS', cp.enforceTls, s);
      if (cp.ports?.length) await this.fill('Ports', cp.ports.join(', '), s);
      const v = cp.validation;
      await this.choose('Validation method', VALIDATION_METHOD[v.method], s);
      if (v.method === 'acm') await this.fill('Certificates', v.certificates.join('\n'), s);
      else if (v.method === 'sds') await this.fill('Secret name', v.secretName, s);
      else await this.fill('Certificate chain', v.certificateChain, s);
      if (cp.subjectAlternativeNames?.length) {
        await this.fillList('Subject Alternative Name', 'Add SAN', cp.subjectAlternativeNames, s);
      }
      if (cp.clientCertificate) {
        await this.setChecked('Provide client certificate', true, s);
        const c = cp.clientCertificate;
        const cs = this.section('Provide client certificate');
        await this.choose('Client certificate method', CERTIFICATE_METHOD[c.method], cs);
        if (c.method === 'sds') {
          await this.fill('Secret name', c.secretName, cs);
        } else {
          await this.fill('Certificate chain', c.certificateChain, cs);
          await this.fill('Private key', c.privateKey, cs);
        }
      }
    }
  }

  /** Step 2: the access log path and format. */
  async fillLogging(input: GatewayFormInput): Promise<void> {
    if (input.logging) {
      const s = this.section('Logging');
      await this.fill('HTTP access logs path', input.logging.path, s);
      const f = input.logging.format;
      if (f?.type === 'text') {
        await this.choose('Log format', 'Text', s);
        await this.fill('Text format', f.pattern, s);
      } else if (f?.type === 'json') {
        await this.choose('Log format', 'JSON', s);
        for (const [i, entry] of f.entries.entries()) {
          if ((await this.listInput('Key', i, s).count()) === 0) {
            await s.getByRole('button', { name: 'Add key', exact: true }).click();
          }
          await this.listInput('Key', i, s).fill(entry.key);
          await this.listInput('Key', i, s).blur();
          await this.listInput('Value', i, s).fill(entry.value);
          await this.listInput('Value', i, s).blur();
        }
      }
    }
  }

  /** Step 3: the listener, with its pool, health check and TLS termination. */
  async fillListener(input: GatewayFormInput): Promise<void> {
    const l = input.listener;
    const ls = this.section('Listener');
    await this.choose('Protocol', l.protocol, ls);
    await this.fill('Port', l.port, ls);
    if (l.connectionPool) {
      await this.setChecked('Enable connection pool', true, ls);
      const p = l.connectionPool;
      const ps = this.section('Connection pool');
      if (p.maxConnections !== undefined) await this.fill('Maximum connections', p.maxConnections, ps);
      if (p.maxPendingRequests !== undefined) await this.fill('Maximum pending requests', p.maxPendingRequests, ps);
      if (p.maxRequests !== undefined) await this.fill('Maximum requests', p.maxRequests, ps);
    }
    if (l.healthCheck) {
      await this.setChecked('Enable health check', true, ls);
      const h = l.healthCheck;
      const hs = this.section('Health check');
      await this.choose('Health check protocol', h.protocol, hs);
      // A new health check starts on the listener's port: an input without one clears it.
      await this.fill('Health check port', h.port ?? '', hs);
      await this.fill('Healthy threshold', h.healthyThreshold, hs);
      await this.fill('Health check interval', h.intervalMillis, hs);
      if (h.path !== undefined) await this.fill('Path', h.path, hs);
      await this.fill('Timeout period', h.timeoutMillis, hs);
      await this.fill('Unhealthy threshold', h.unhealthyThreshold, hs);
    }
    if (l.tls) {
      await this.setChecked('Enable TLS termination', true, ls);
      const t = l.tls;
      const ts = this.section('TLS termination');
      await this.choose('Mode', t.mode, ts);
      const c = t.certificate;
      await this.choose('Certificate method', CERTIFICATE_METHOD[c.method], ts);
      if (c.method === 'acm') {
        await this.fill('Certificate', c.certificateArn, ts);
      } else if (c.method === 'sds') {
        await this.fill('Secret name', c.secretName, ts);
      } else {
        await this.fill('Certificate chain', c.certificateChain, ts);
        await this.fill('Private key', c.privateKey, ts);
      }
      if (t.clientValidation) {
        await this.setChecked('Require client certificate', true, ts);
        const v = t.clientValidation;
        const vs = this.section('Require client certificate');
        await this.choose('Client certificate validation method', CERTIFICATE_METHOD[v.method], vs);
        if (v.method === 'sds') await this.fill('Secret name', v.secretName, vs);
        else await this.fill('Certificate chain', v.certificateChain, vs);
        if (t.subjectAlternativeNames?.length) {
          await this.fillList('Subject Alternative Name', 'Add SAN', t.subjectAlternativeNames, vs);
        }
      }
    }
  }

  /** Opens the Client policy defaults section (collapsed means no client policy is sent). */
  async expandClientPolicy(): Promise<void> {
    const header = this.section('Client policy defaults').getByRole('button', { name: /^Client policy defaults/ });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await expect(header).toHaveAttribute('aria-expanded', 'true');
  }

  /** Create virtual gateway (on Review and create; from another step, Next there first). */
  async submitCreate(): Promise<void> {
    await this.nextTo('Review and create');
    await this.createButton.click();
  }

  /** The whole create flow on the open wizard: every step filled from `input`, then Create virtual gateway. */
  async create(input: GatewayFormInput): Promise<void> {
    await this.fillGateway(input);
    await this.submitCreate();
  }

  async submitSave(): Promise<void> {
    await this.saveButton.click();
  }

  /** Import JSON: opens the modal, pastes `json`, imports. */
  async importJson(json: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Import JSON', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Import JSON' });
    await dialog.getByRole('textbox', { name: 'JSON', exact: true }).fill(json);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** The live request preview (JSON), as text. */
  async requestJsonText(): Promise<string> {
    return codeViewText(this.page.getByRole('region', { name: 'Request JSON' }));
  }

  /** The equivalent `aws appmesh create-virtual-gateway` command, as text. */
  async cliCommandText(): Promise<string> {
    return codeViewText(this.page.getByRole('region', { name: 'AWS CLI command' }));
  }

  /** The alert listing what an import could not use (or saying all was used). */
  get importResult(): Locator {
    return this.page.getByTestId('import-result');
  }
}
