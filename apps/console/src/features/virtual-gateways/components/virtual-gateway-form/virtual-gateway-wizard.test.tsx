import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeConsoleApi } from '../../../../test/fake-console-api';
import { eventually, renderConsole, startFakeConsoleApi } from '../../../../test/render';
import { seedGateways } from '../../../../test/seed';

/** The create page as the browser opens it (route table, shell, wizard), over the fake console API. */
async function openWizard(path = '/meshes/demo-mesh/virtual-gateways/create', api?: FakeConsoleApi) {
  const fake = api ?? (await startFakeConsoleApi());
  const utils = renderConsole(path);
  const page = () => createWrapper(utils.container);
  const wizard = () => {
    const found = page().find('[data-testid="virtual-gateway-wizard"]')?.findWizard();
    if (!found) throw new Error('The wizard is not shown.');
    return found;
  };
  await eventually(() => expect(wizard().findHeader()?.getElement().textContent).toBeTruthy(), 15_000);
  // A label reads "<label> - optional" when the field is optional.
  const input = (label: string) =>
    screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( - optional)?$`), {
      selector: 'input',
    }) as HTMLInputElement;
  const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
  const blur = (label: string) => fireEvent.focusOut(input(label));
  const stepTitle = () =>
    wizard()
      .findHeader()
      ?.getElement()
      .textContent?.replace(/ - optional$/, '');
  const errorOf = (label: string) => {
    const field = page()
      .findAllFormFields()
      .find(
        (f) =>
          f
            .findLabel()
            ?.getElement()
            .textContent?.replace(/ - optional$/, '') === label,
      );
    return field?.findError()?.getElement().textContent ?? null;
  };
  const next = () => act(() => wizard().findPrimaryButton().click());
  const previous = () => act(() => wizard().findPreviousButton()!.click());
  return { ...utils, api: fake, page, wizard, input, type, blur, stepTitle, errorOf, next, previous };
}

type Wizard = Awaited<ReturnType<typeof openWizard>>;

async function onStep(w: Wizard, title: string) {
  await eventually(() => expect(w.stepTitle()).toBe(title));
}

/** The smallest gateway, step by step, up to Review and create. */
async function toReview(w: Wizard, name: string, port: string) {
  w.type('Virtual gateway name', name);
  w.next();
  await onStep(w, 'Logging');
  w.next();
  await onStep(w, 'Listener');
  w.type('Port', port);
  w.next();
  await onStep(w, 'Review and create');
}

describe('create virtual gateway wizard', () => {
  it('when the page opens, then it is on Virtual gateway details, the steps follow the guide and no field shows an error', async () => {
    const w = await openWizard();
    await onStep(w, 'Virtual gateway details');
    expect(
      w
        .wizard()
        .findMenuNavigationLinks()
        .map((l) => l.getElement().textContent),
    ).toEqual(['Virtual gateway details', 'Logging', 'Listener', 'Review and create']);
    expect(
      w
        .page()
        .findAllFormFields()
        .some((f) => f.findError() !== null),
    ).toBe(false);
  });

  it('when a field is left empty, then its message appears on blur; typing a valid value clears it', async () => {
    const w = await openWizard();
    act(() => w.input('Virtual gateway name').focus());
    w.blur('Virtual gateway name');
    await eventually(() => expect(w.errorOf('Virtual gateway name')).toBe('Virtual gateway name is required.'));
    w.type('Virtual gateway name', 'gw-1');
    await eventually(() => expect(w.errorOf('Virtual gateway name')).toBeNull());
  });

  it('when Next is pressed with a step in error, then the step stays, shows the model message and focuses the field', async () => {
    const w = await openWizard();
    w.next();
    await eventually(() => expect(w.errorOf('Virtual gateway name')).toBe('Virtual gateway name is required.'));
    expect(w.stepTitle()).toBe('Virtual gateway details');
    await eventually(() => expect(document.activeElement).toBe(w.input('Virtual gateway name')));
    // Nothing of a later step was validated: the listener's Port is not in error yet.
    w.type('Virtual gateway name', 'gw-1');
    w.next();
    await onStep(w, 'Logging');
    w.next();
    await onStep(w, 'Listener');
    expect(w.errorOf('Port')).toBeNull();
    w.type('Port', '70000');
    w.next();
    await eventually(() => expect(w.errorOf('Port')).toBe('Port must be between 1 and 65535.'));
    expect(w.stepTitle()).toBe('Listener');
    await eventually(() => expect(document.activeElement).toBe(w.input('Port')));
  });

  it('when the user goes Previous and Next again, then every value is kept', async () => {
    const w = await openWizard();
    w.type('Virtual gateway name', 'gw-keep');
    w.next();
    await onStep(w, 'Logging');
    w.type('HTTP access logs path', '/dev/stdout');
    w.next();
    await onStep(w, 'Listener');
    w.type('Port', '9080');
    w.previous();
    await onStep(w, 'Logging');
    expect(w.input('HTTP access logs path').value).toBe('/dev/stdout');
    w.previous();
    await onStep(w, 'Virtual gateway details');
    expect(w.input('Virtual gateway name').value).toBe('gw-keep');
    w.next();
    await onStep(w, 'Logging');
    w.next();
    await onStep(w, 'Listener');
    expect(w.input('Port').value).toBe('9080');
  });

  it('when Enable health check is turned on, then its protocol and port start as the listener’s', async () => {
    const w = await openWizard('/meshes/demo-mesh/virtual-gateways/create?step=listener');
    await onStep(w, 'Listener');
    w.type('Port', '8443');
    const protocol = w
      .page()
      .findAllFormFields()
      .find((f) => f.findLabel()?.getElement().textContent === 'Protocol');
    act(() => protocol!.findControl()!.findSelect()!.openDropdown());
    act(() => protocol!.findControl()!.findSelect()!.selectOptionByValue('http2'));
    act(() => fireEvent.click(screen.getByLabelText('Enable health check')));
    await eventually(() => expect(w.input('Health check port').value).toBe('8443'));
    const hcProtocol = w
      .page()
      .findAllFormFields()
      .find((f) => f.findLabel()?.getElement().textContent === 'Health check protocol');
    expect(hcProtocol?.findControl()?.findSelect()?.findTrigger().getElement().textContent).toContain('http2');
  });

  it('when the guide’s gateway goes through every step, then Review shows each step and Create sends the request and opens its details', async () => {
    const w = await openWizard();
    await toReview(w, 'my-gateway', '9080');
    expect(screen.getByTestId('review-details').textContent).toContain('my-gateway');
    expect(screen.getByTestId('review-logging').textContent).toContain('No access logs.');
    expect(screen.getByTestId('review-listener').textContent).toContain('9080');
    await eventually(() => expect(screen.getByTestId('cli-command').textContent).toContain('create-virtual-gateway'));

    // Edit jumps back to the step, and the way forward again keeps everything.
    act(() => screen.getByTestId('edit-step-listener').click());
    await onStep(w, 'Listener');
    expect(w.input('Port').value).toBe('9080');
    w.next();
    await onStep(w, 'Review and create');

    act(() => w.wizard().findPrimaryButton().click());
    await eventually(
      () => expect(w.router.state.location.pathname).toBe('/meshes/demo-mesh/virtual-gateways/my-gateway'),
      10_000,
    );
    const posted = w.api.requests.find((r) => r.method === 'POST');
    expect(posted?.body).toMatchObject({
      virtualGatewayName: 'my-gateway',
      spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
      clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const { virtualGateway } = await w.api.mesh.describeVirtualGateway({
      meshName: 'demo-mesh',
      virtualGatewayName: 'my-gateway',
    });
    expect(virtualGateway.spec).toEqual({ listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] });
    // The details page renders from the answer: no request for the new gateway or its (no) routes.
    expect(w.api.calls().filter((c) => c.startsWith('GET /api/meshes/demo-mesh/virtual-gateways/my-gateway'))).toEqual(
      [],
    );
  });

  it('when Create is pressed with an earlier step in error, then that step opens with the field focused', async () => {
    const w = await openWizard('/meshes/demo-mesh/virtual-gateways/create?step=review');
    await onStep(w, 'Review and create');
    expect(screen.getByTestId('review-details').textContent).toContain('Virtual gateway name is required.');
    act(() => w.wizard().findPrimaryButton().click());
    await onStep(w, 'Virtual gateway details');
    await eventually(() => expect(w.errorOf('Virtual gateway name')).toBe('Virtual gateway name is required.'));
    await eventually(() => expect(document.activeElement).toBe(w.input('Virtual gateway name')));
    expect(w.api.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('when the name is taken, then the server’s message lands on the name field of the first step', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['taken']);
    const w = await openWizard('/meshes/demo-mesh/virtual-gateways/create', api);
    await toReview(w, 'taken', '8080');
    act(() => w.wizard().findPrimaryButton().click());
    await onStep(w, 'Virtual gateway details');
    await eventually(() => expect(w.errorOf('Virtual gateway name')).toMatch(/taken/));
    await eventually(() => expect(document.activeElement).toBe(w.input('Virtual gateway name')));
  });

  it('when the server refuses the create for no field, then Review and create shows its message', async () => {
    const api = await startFakeConsoleApi();
    api.failNext(
      'POST',
      '/api/meshes/demo-mesh/virtual-gateways',
      { code: 'LimitExceededException', message: 'This mesh already has 3 virtual gateways.' },
      400,
    );
    const w = await openWizard('/meshes/demo-mesh/virtual-gateways/create', api);
    await toReview(w, 'gw-1', '8080');
    act(() => w.wizard().findPrimaryButton().click());
    await eventually(() =>
      expect(w.page().findForm()?.findError()?.getElement().textContent).toContain(
        'This mesh already has 3 virtual gateways.',
      ),
    );
    expect(w.stepTitle()).toBe('Review and create');
  });

  it('when the product example is imported, then the result says every field was used and the Listener step holds its port', async () => {
    const w = await openWizard();
    act(() => w.page().findButton('[data-testid="import-json"]')!.click());
    const modal = createWrapper(document.body).findModal('[data-testid="import-json-modal"]')!;
    await eventually(() => expect(modal.isVisible()).toBe(true));
    act(() => modal.findContent().findButton('[data-testid="use-product-example"]')!.click());
    act(() => modal.findFooter()!.findButton('[data-testid="import-json-submit"]')!.click());
    await eventually(() =>
      expect(screen.getByTestId('import-result').textContent).toContain('Every field of the JSON was used'),
    );
    // The example has no name: Next asks for one; then the listener step holds the example's port.
    w.type('Virtual gateway name', 'imported');
    w.next();
    await onStep(w, 'Logging');
    w.next();
    await onStep(w, 'Listener');
    expect(w.input('Port').value).toBe('9080');
  });

  it('when a Subject Alternative Name row is added, then it shows no error until the user leaves it empty', async () => {
    const w = await openWizard();
    const clientPolicy = w.page().find('[data-testid="client-policy-section"]')!.findExpandableSection()!;
    act(() => clientPolicy.findExpandButton().click());
    const editor = () => w.page().find('[data-testid="client-policy-sans"]')!.findAttributeEditor()!;
    await eventually(() => expect(w.page().find('[data-testid="client-policy-sans"]')).not.toBeNull());
    act(() => editor().findAddButton().click());
    const row = () => editor().findRow(1)!;
    await eventually(() => expect(row()).not.toBeNull());
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(row().findFields()[0]?.findError()).toBeNull();
    const input = row().findFields()[0]!.findControl()!.findInput()!.findNativeInput().getElement();
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.focusOut(input);
    await eventually(() => expect(row().findFields()[0]?.findError()?.getElement().textContent).toBeTruthy());
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('when a step is opened by its link, then ?step= names it, and reopening that URL opens the same step', async () => {
    const w = await openWizard();
    w.type('Virtual gateway name', 'gw-deep');
    w.next();
    await onStep(w, 'Logging');
    expect(w.router.state.location.search).toBe('?step=logging');
    const again = await openWizard('/meshes/demo-mesh/virtual-gateways/create?step=listener');
    await eventually(() => expect(again.stepTitle()).toBe('Listener'));
  });
});
