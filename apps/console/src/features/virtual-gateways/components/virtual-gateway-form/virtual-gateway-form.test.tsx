import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../lib/api-client';
import { renderWithApp, eventually as waitFor } from '../../../../test/render';
import type { VirtualGatewayRequest } from './form-mapping';
import { emptyFormValues } from './form-values';
import { VirtualGatewayForm } from './virtual-gateway-form';

function renderForm(onSubmit = vi.fn(async (_r: VirtualGatewayRequest) => {})) {
  const utils = renderWithApp(
    <VirtualGatewayForm
      mode="create"
      mesh="demo-mesh"
      meshOwner={undefined}
      initialValues={emptyFormValues()}
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
  );
  const page = createWrapper(utils.container);
  const input = (label: string) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
  const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
  const blur = (label: string) => fireEvent.focusOut(input(label));
  const errorOf = (label: string) => {
    const formField = page.findAllFormFields().find(
      (f) =>
        f
          .findLabel()
          ?.getElement()
          .textContent?.replace(/ - optional$/, '') === label,
    );
    return formField?.findError()?.getElement().textContent ?? null;
  };
  const submit = () => page.findButton('[data-testid="create-virtual-gateway-submit"]')!.click();
  return { ...utils, page, input, type, blur, errorOf, submit, onSubmit };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('create virtual gateway form: validation timing', () => {
  it('when the form is first shown, then no field shows an error', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    expect(f.page.findAllFormFields().some((ff) => ff.findError() !== null)).toBe(false);
  });

  it('when a field is left empty, then its message appears on blur, not before', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    act(() => f.input('Virtual gateway name').focus());
    expect(f.errorOf('Virtual gateway name')).toBeNull();
    f.blur('Virtual gateway name');
    await waitFor(() => expect(f.errorOf('Virtual gateway name')).toBe('Virtual gateway name is required.'));
  });

  it('when a field in error is corrected, then the message goes away on the next key press', async () => {
    const f = renderForm();
    await screen.findByLabelText('Port', { selector: 'input' });
    f.type('Port', '70000');
    // Typing alone doesn't validate a field that hasn't been left yet.
    await new Promise((r) => setTimeout(r, 20));
    expect(f.errorOf('Port')).toBeNull();
    f.blur('Port');
    await waitFor(() => expect(f.errorOf('Port')).toBe('Port must be between 1 and 65535.'));
    f.type('Port', '8080');
    await waitFor(() => expect(f.errorOf('Port')).toBeNull());
  });

  it('when the form is submitted empty, then required fields show their messages and the first one is focused', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.submit();
    await waitFor(() => expect(f.errorOf('Virtual gateway name')).toBe('Virtual gateway name is required.'));
    expect(f.errorOf('Port')).toBe('Port is required.');
    await waitFor(() => expect(document.activeElement).toBe(f.input('Virtual gateway name')));
    expect(f.onSubmit).not.toHaveBeenCalled();
  });

  it('when the health check interval is out of range, then the model message shows at that field', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    fireEvent.click(screen.getByLabelText('Enable health check'));
    await screen.findByLabelText('Health check interval', { selector: 'input' });
    f.type('Health check interval', '100');
    f.blur('Health check interval');
    await waitFor(() =>
      expect(f.errorOf('Health check interval')).toBe('Health check interval must be between 5000 and 300000 ms.'),
    );
  });

  it('when every required field is valid, then submit sends the App Mesh request and nothing from closed sections', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.type('Virtual gateway name', 'gw-1');
    f.type('Port', '9080');
    f.submit();
    await waitFor(() => expect(f.onSubmit).toHaveBeenCalledTimes(1));
    expect(f.onSubmit.mock.calls[0]?.[0]).toEqual({
      virtualGatewayName: 'gw-1',
      spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
    });
  });

  it('when the server answers with field errors, then each message lands on its field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        status: 409,
        code: 'ConflictException',
        message: 'A virtual gateway named gw-1 already exists in mesh demo-mesh.',
        fieldErrors: { virtualGatewayName: ['A virtual gateway named gw-1 already exists in mesh demo-mesh.'] },
      });
    });
    const f = renderForm(onSubmit);
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.type('Virtual gateway name', 'gw-1');
    f.type('Port', '9080');
    f.submit();
    await waitFor(() =>
      expect(f.errorOf('Virtual gateway name')).toBe('A virtual gateway named gw-1 already exists in mesh demo-mesh.'),
    );
    expect(f.page.findForm()!.findError()).toBeNull();
  });

  it('when the server answers with an error for no field, then it shows as the form error', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        status: 400,
        code: 'LimitExceededException',
        message: 'This mesh already has 3 virtual gateways.',
      });
    });
    const f = renderForm(onSubmit);
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.type('Virtual gateway name', 'gw-1');
    f.type('Port', '9080');
    f.submit();
    await waitFor(() =>
      expect(f.page.findForm()!.findError()?.getElement().textContent).toContain(
        'This mesh already has 3 virtual gateways.',
      ),
    );
  });
});

describe('create virtual gateway form: list rows', () => {
  it('when a Subject Alternative Name row is added, then it shows no error until the user leaves it empty', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.page.findExpandableSection()!.findExpandButton().click();
    const editor = () => f.page.find('[data-testid="client-policy-sans"]')!.findAttributeEditor()!;
    await waitFor(() => expect(f.page.find('[data-testid="client-policy-sans"]')).not.toBeNull());
    editor().findAddButton().click();
    const row = () => editor().findRow(1)!;
    await waitFor(() => expect(row()).not.toBeNull());
    // react-hook-form validates the list as the row is added; the row must not show it yet.
    await new Promise((r) => setTimeout(r, 50));
    expect(row().findFields()[0]?.findError()).toBeNull();
    const input = row().findFields()[0]!.findControl()!.findInput()!.findNativeInput().getElement();
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.focusOut(input);
    await waitFor(() => expect(row().findFields()[0]?.findError()?.getElement().textContent).toBeTruthy());
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('create virtual gateway form: Import JSON', () => {
  it("when the product's example is imported, then the listener fields fill in and the result says every field was used", async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.page.findButton('[data-testid="import-json"]')!.click();
    const modal = createWrapper(document.body).findModal('[data-testid="import-json-modal"]')!;
    await waitFor(() => expect(modal.isVisible()).toBe(true));
    modal.findContent().findButton('[data-testid="use-product-example"]')!.click();
    modal.findFooter()!.findButton('[data-testid="import-json-submit"]')!.click();
    await waitFor(() => expect(f.input('Port').value).toBe('9080'));
    expect(screen.getByTestId('import-result').textContent).toContain('Every field of the JSON was used');
  });

  it('when the JSON has fields the form cannot use, then they are listed', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.page.findButton('[data-testid="import-json"]')!.click();
    const modal = createWrapper(document.body).findModal('[data-testid="import-json-modal"]')!;
    modal
      .findContent()
      .findTextarea()!
      .setTextareaValue(
        JSON.stringify({
          tags: [{ key: 'team', value: 'edge' }],
          spec: {
            listeners: [
              { portMapping: { port: 80, protocol: 'grpc' } },
              { portMapping: { port: 81, protocol: 'http' } },
            ],
          },
        }),
      );
    modal.findFooter()!.findButton('[data-testid="import-json-submit"]')!.click();
    const result = await screen.findByTestId('import-result');
    expect(result.textContent).toContain('2 fields couldn');
    expect(result.textContent).not.toContain('tags');
    expect(result.textContent).toContain('spec.listeners.1.portMapping.port');
    expect(f.input('Port').value).toBe('80');
  });

  it('when the JSON has tags, then the preview, the CLI command and the create request carry them', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.page.findButton('[data-testid="import-json"]')!.click();
    const modal = createWrapper(document.body).findModal('[data-testid="import-json-modal"]')!;
    const tags = [{ key: 'team', value: 'edge' }];
    modal
      .findContent()
      .findTextarea()!
      .setTextareaValue(
        JSON.stringify({
          virtualGatewayName: 'tagged',
          tags,
          spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }] },
        }),
      );
    modal.findFooter()!.findButton('[data-testid="import-json-submit"]')!.click();
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('Every field'));
    expect(screen.getByTestId('tags-section').textContent).toContain('edge');
    await waitFor(() => expect(screen.getByTestId('request-json').textContent).toContain('"team"'));
    expect(screen.getByTestId('cli-command').textContent).toContain('"tags":[{"key":"team","value":"edge"}]');
    f.submit();
    await waitFor(() => expect(f.onSubmit).toHaveBeenCalledTimes(1));
    expect(f.onSubmit.mock.calls[0]?.[0]).toEqual({
      virtualGatewayName: 'tagged',
      spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }] },
      tags,
    });
  });

  it('when the pasted text is not JSON, then the modal says so and the form is unchanged', async () => {
    const f = renderForm();
    await screen.findByLabelText('Virtual gateway name', { selector: 'input' });
    f.page.findButton('[data-testid="import-json"]')!.click();
    const modal = createWrapper(document.body).findModal('[data-testid="import-json-modal"]')!;
    modal.findContent().findTextarea()!.setTextareaValue('{ not json');
    modal.findFooter()!.findButton('[data-testid="import-json-submit"]')!.click();
    await waitFor(() =>
      expect(modal.findContent().findAllFormFields()[1]?.findError()?.getElement().textContent).toContain(
        'Enter valid JSON',
      ),
    );
    expect(f.input('Port').value).toBe('');
  });
});
