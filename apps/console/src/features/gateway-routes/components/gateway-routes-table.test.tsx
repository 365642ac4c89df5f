import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { GatewayRouteData } from '@meshconsole/model';
import { act, configure, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { Notifications } from '../../../components/app-shell';
import { GatewayRoutesTable } from './gateway-routes-table';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

function route(name: string, prefix: string): GatewayRouteData {
  return {
    meshName: 'demo-mesh',
    virtualGatewayName: 'ingress-gw',
    gatewayRouteName: name,
    status: { status: 'ACTIVE' },
    spec: {
      httpRoute: {
        match: { prefix },
        action: { target: { virtualService: { virtualServiceName: 'catalog.demo.local' } } },
      },
    },
    metadata: {
      arn: `arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw/gatewayRoute/${name}`,
      createdAt: 1_700_000_000,
      lastUpdatedAt: 1_700_000_000,
      meshOwner: '123456789012',
      resourceOwner: '123456789012',
      uid: `uid-${name}`,
      version: 1,
    },
  };
}

/** The console API at the network boundary: a list of routes, and DELETE that removes one. */
let routes: GatewayRouteData[];
let deleteRequests: Array<{ url: string; csrf: string | null }>;

beforeEach(() => {
  routes = [route('catalog-route', '/catalog/'), route('orders-route', '/orders/')];
  deleteRequests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/session') {
        return json({ accountId: '123456789012', region: 'us-west-2', backend: 'local' });
      }
      if (init?.method === 'DELETE') {
        deleteRequests.push({ url: url.pathname, csrf: new Headers(init.headers).get('x-meshconsole-csrf') });
        const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
        const found = routes.find((r) => r.gatewayRouteName === name);
        routes = routes.filter((r) => r.gatewayRouteName !== name);
        return json({ ...found, status: { status: 'DELETED' } });
      }
      return json({ items: routes });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

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
    expect(deleteRequests).toEqual([
      { url: '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/gateway-routes/catalog-route', csrf: '1' },
    ]);
    await waitFor(() =>
      expect(wrapper.findFlashbar()!.findItemsByType('success')[0]?.getElement().textContent).toContain(
        'Successfully deleted gateway route catalog-route.',
      ),
    );
  });

  it('when the caller cannot write, then Create gateway route and Delete are disabled and nothing can be deleted', async () => {
    const wrapper = renderTable(false);
    const table = () => wrapper.findTable('[data-testid="gateway-routes-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    act(() => table().findRowSelectionArea(2)!.click());
    const create = wrapper
      .findAllButtons()
      .find((b) => b.getElement().textContent?.startsWith('Create gateway route'))!;
    expect(create.isDisabled()).toBe(true);
    expect(wrapper.findButton('[data-testid="delete-gateway-route"]')!.isDisabled()).toBe(true);
    expect(deleteRequests).toHaveLength(0);
  });

  it('when the list cannot be loaded, then the table shows the error with Retry instead of an empty table', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: { code: 'NotFoundException', message: 'Virtual gateway ingress-gw not found.', requestId: 'r1' },
            }),
            { status: 404 },
          ),
      ),
    );
    const wrapper = renderTable(true);
    await waitFor(() =>
      expect(wrapper.findTable()!.findEmptySlot()?.getElement().textContent).toContain(
        'Virtual gateway ingress-gw not found.',
      ),
    );
    expect(wrapper.findTable()!.findEmptySlot()!.findButton('[data-testid="retry"]')).not.toBeNull();
  });
});
