import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, configure, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { Notifications } from '../../../components/app-shell';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { startFakeConsoleApi } from '../../../test/render';
import { seedGateways, seedRoute, seedService } from '../../../test/seed';
import { VirtualServicesTable } from './virtual-services-table';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const PARTNER = '111122223333';

/**
 * demo-mesh, shared with PARTNER: catalog.demo.local (the caller's, the target of a gateway route)
 * and partner.demo.local (created by PARTNER, who owns it).
 */
async function servicesApi() {
  const api = await startFakeConsoleApi();
  await seedService(api, 'catalog.demo.local');
  await seedGateways(api, ['ingress-gw']);
  await seedRoute(api, 'ingress-gw', 'catalog-route', '/catalog/', 'catalog.demo.local');
  await api.share(api.accountId, 'demo-mesh', PARTNER);
  await api.as(PARTNER).createVirtualService({
    meshName: 'demo-mesh',
    meshOwner: api.accountId,
    virtualServiceName: 'partner.demo.local',
    spec: {},
  });
  return api;
}

const posted = (api: FakeConsoleApi) =>
  api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/virtual-services')).map((r) => r.body);

function renderTable() {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <>
            <Notifications />
            <VirtualServicesTable mesh="demo-mesh" meshOwner={undefined} accountId="123456789012" />
          </>
        ),
      },
    ],
    { initialEntries: ['/'] },
  );
  const { container } = render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return createWrapper(container);
}

describe('VirtualServicesTable', () => {
  it('when a service that a gateway route targets is deleted, then the server ResourceInUse message shows in an error flash with Retry', async () => {
    const api = await servicesApi();
    const wrapper = renderTable();
    const table = () => wrapper.findTable('[data-testid="virtual-services-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    act(() => table().findRowSelectionArea(1)!.click());
    act(() => wrapper.findButton('[data-testid="delete-virtual-service"]')!.click());
    const modal = createWrapper(document.body).findModal('[data-testid="delete-virtual-service-modal"]')!;
    await act(async () => modal.findFooter()!.findButton('[data-testid="confirm-delete"]')!.click());
    await waitFor(() => {
      const error = wrapper.findFlashbar()!.findItemsByType('error')[0];
      expect(error?.findHeader()?.getElement().textContent).toBe('Failed to delete virtual service catalog.demo.local');
      expect(error?.findContent()?.getElement().textContent).toContain('catalog-route');
      expect(error?.findAction()?.findButton()?.getElement().textContent).toBe('Retry');
    });
    expect(table().findRows()).toHaveLength(2);
    expect((await api.mesh.listVirtualServices({ meshName: 'demo-mesh' })).virtualServices).toHaveLength(2);
  });

  it('when the selected service belongs to another account, then Delete is disabled', async () => {
    await servicesApi();
    const wrapper = renderTable();
    const table = () => wrapper.findTable('[data-testid="virtual-services-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    act(() => table().findRowSelectionArea(2)!.click());
    expect(wrapper.findButton('[data-testid="delete-virtual-service"]')!.isDisabled()).toBe(true);
  });

  it('when a service is created without a provider, then the request has an empty spec and the new row appears', async () => {
    const api = await servicesApi();
    const wrapper = renderTable();
    const table = () => wrapper.findTable('[data-testid="virtual-services-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    const open = wrapper.findAllButtons().find((b) => b.getElement().textContent === 'Create virtual service')!;
    act(() => open.click());
    const modal = createWrapper(document.body).findModal('[data-testid="create-virtual-service-modal"]')!;
    const submit = () => modal.findContent().findForm()!.findActions()!.findButton('[type="submit"]')!.click();

    await act(async () => submit());
    await waitFor(() =>
      expect(modal.findContent().findFormField()!.findError()?.getElement().textContent).toBe(
        'Virtual service name is required.',
      ),
    );
    expect(posted(api)).toHaveLength(0);

    act(() => modal.findContent().findInput()!.setInputValue('paint.demo.local'));
    await act(async () => submit());
    await waitFor(() => expect(table().findRows()).toHaveLength(3));
    expect(posted(api)).toEqual([{ virtualServiceName: 'paint.demo.local', spec: {} }]);
  });
});
