import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventually, renderWithApp } from '../../../../test/render';
import { specToFormValues } from './form-definition';
import { VirtualGatewayEditForm } from './virtual-gateway-edit-form';

function renderEdit() {
  const onSubmit = vi.fn(async () => {});
  const utils = renderWithApp(
    <VirtualGatewayEditForm
      mesh="demo-mesh"
      meshOwner={undefined}
      initialValues={specToFormValues({ listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] }, 'gw-1')}
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
    { path: '/meshes/demo-mesh/virtual-gateways/gw-1/edit', pattern: '/meshes/:mesh/virtual-gateways/:name/edit' },
  );
  const page = createWrapper(utils.container);
  const port = () => screen.getByLabelText('Port', { selector: 'input' }) as HTMLInputElement;
  const save = () => act(() => page.findButton('[data-testid="save-changes"]')!.click());
  const portError = () =>
    page
      .findAllFormFields()
      .find((f) => f.findLabel()?.getElement().textContent === 'Port')
      ?.findError()
      ?.getElement().textContent;
  return { onSubmit, page, port, save, portError };
}

describe('edit virtual gateway: one page from the wizard sections', () => {
  it('when the page opens, then every section is on it, prefilled, with the name read-only', async () => {
    const f = renderEdit();
    await eventually(() => expect(f.port().value).toBe('8080'));
    for (const id of ['name-section', 'client-policy-section', 'logging-section', 'listener-section']) {
      expect(screen.getByTestId(id)).toBeTruthy();
    }
    expect((screen.getByTestId('virtual-gateway-name').querySelector('input') as HTMLInputElement).readOnly).toBe(true);
  });

  it('when Save changes is pressed with a bad port, then Port shows the model message, gets focus and nothing is sent', async () => {
    const f = renderEdit();
    await eventually(() => expect(f.port().value).toBe('8080'));
    fireEvent.change(f.port(), { target: { value: '0' } });
    f.save();
    await eventually(() => expect(f.portError()).toBe('Port must be between 1 and 65535.'));
    await eventually(() => expect(document.activeElement).toBe(f.port()));
    expect(f.onSubmit).not.toHaveBeenCalled();
  });

  it('when Save changes is pressed with valid values, then the parsed update request is sent', async () => {
    const f = renderEdit();
    await eventually(() => expect(f.port().value).toBe('8080'));
    fireEvent.change(f.port(), { target: { value: '9443' } });
    f.save();
    await eventually(() => expect(f.onSubmit).toHaveBeenCalledTimes(1));
    expect(f.onSubmit.mock.calls[0]).toEqual([
      { spec: { listeners: [{ portMapping: { port: 9443, protocol: 'http' } }] } },
    ]);
  });
});
