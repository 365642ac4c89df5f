import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { act, configure, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { Notifications } from '../../../components/app-shell';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { startFakeConsoleApi } from '../../../test/render';
import { seedGateways, seedRoute, seedService } from '../../../test/seed';
import { GatewayRoutesTable } from './gateway-routes-table';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

/** demo-mesh's gateway ingress-gw with the routes catalog-route and orders-route. */
async function routesApi() {
  const api = await startFakeConsoleApi();
  await seedGateways(api, ['ingress-gw']);
  await seedService(api, 'catalog.demo.local');
  await seedRoute(api, 'ingress-gw', 'catalog-route', '/catalog/', 'catalog.demo.local');
  await seedRoute(api, 'ingress-gw', 'orders-route', '/orders/', 'catalog.demo.local');
  return api;
}

const deletes = (api: FakeConsoleApi) =>
  api.requests.filter((r) => r.method === 'DELETE').map((r) => ({ url: r.path, csrf: r.csrf }));

function renderTable(canWrite: boolean) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <>
            <Notifications />
            <GatewayRoutesTable mesh="demo-mesh" gatewayName="ingress-gw" canWrite={canWrite} />
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

describe('GatewayRoutesTable', () => {
  it('when a route is deleted after confirming, then the API gets the DELETE with the CSRF header, the row leaves and a success flash shows', async () => {
    const api = await routesApi();
    const wrapper = renderTable(true);
    const table = () => wrapper.findTable('[data-testid="gateway-routes-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    expect(table().findBodyCell(1, 2)?.getElement().textContent).toBe('catalog-route');

    act(() => table().findRowSelectionArea(1)!.click());
    act(() => wrapper.findButton('[data-testid="delete-gateway-route"]')!.click());
    const modal = createWrapper(document.body).findModal('[data-testid="delete-gateway-route-modal"]')!;
    expect(modal.findHeader().getElement().textContent).toBe('Delete gateway route');
    expect(modal.findContent().getElement().textContent).toContain('Permanently delete gateway route catalog-route?');

    await act(async () => modal.findFooter()!.findButton('[data-testid="confirm-delete"]')!.click());
    await waitFor(() => expect(table().findRows()).toHaveLength(1));
    expect(deletes(api)).toEqual([
      { url: '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/gateway-routes/catalog-route', csrf: '1' },
    ]);
    await waitFor(() =>
      expect(wrapper.findFlashbar()!.findItemsByType('success')[0]?.getElement().textContent).toContain(
        'Successfully deleted gateway route catalog-route.',
      ),
    );
  });

  it('when the caller cannot write, then Create gateway route and Delete are disabled and nothing can be deleted', async () => {
    const api = await routesApi();
    const wrapper = renderTable(false);
    const table = () => wrapper.findTable('[data-testid="gateway-routes-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    act(() => table().findRowSelectionArea(2)!.click());
    const create = wrapper
      .findAllButtons()
      .find((b) => b.getElement().textContent?.startsWith('Create gateway route'))!;
    expect(create.isDisabled()).toBe(true);
    expect(wrapper.findButton('[data-testid="delete-gateway-route"]')!.isDisabled()).toBe(true);
    expect(deletes(api)).toHaveLength(0);
  });

  it('when the list cannot be loaded, then the table shows the error with Retry instead of an empty table', async () => {
    // No gateway ingress-gw in the mesh: the mesh answers NotFoundException.
    await startFakeConsoleApi();
    const wrapper = renderTable(true);
    await waitFor(() => expect(wrapper.findTable()!.findEmptySlot()?.getElement().textContent).toMatch(/ingress-gw/));
    expect(wrapper.findTable()!.findEmptySlot()!.findButton('[data-testid="retry"]')).not.toBeNull();
  });

  it('when two routes have the same match and priority, then the later one shows the duplicate finding and the clean one none', async () => {
    const api = await routesApi();
    await seedRoute(api, 'ingress-gw', 'catalog-route-2', '/catalog/', 'catalog.demo.local');
    const wrapper = renderTable(true);
    const table = () => wrapper.findTable('[data-testid="gateway-routes-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(3));
    const rowText = (name: string) => {
      const rows = table().findRows();
      const index = rows.findIndex(
        (_r, i) =>
          table()
            .findBodyCell(i + 1, 2)
            ?.getElement().textContent === name,
      );
      if (index < 0) throw new Error(`No row for ${name}`);
      return rows[index]?.getElement().textContent ?? '';
    };
    await waitFor(() => expect(rowText('catalog-route')).not.toContain('Checking'));
    // catalog-route-2 sorts after catalog-route by name: it is the one that never receives a request.
    const findings = wrapper.getElement().querySelectorAll('[data-testid="route-findings"] [data-finding-code]');
    expect([...findings].map((f) => f.getAttribute('data-finding-code'))).toEqual(['duplicate']);
    expect(rowText('catalog-route-2')).toContain('catalog-route-2 has the same match and priority as catalog-route');
    expect(rowText('catalog-route')).toContain('No findings');
    expect(rowText('orders-route')).toContain('No findings');
    expect(api.calls()).toContain('GET /api/meshes/demo-mesh/virtual-gateways/ingress-gw/route-checks');
  });
});
