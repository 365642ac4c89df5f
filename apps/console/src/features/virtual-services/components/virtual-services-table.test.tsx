import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { VirtualServiceData } from '@meshconsole/model';
import { act, configure, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { Notifications } from '../../../components/app-shell';
import { VirtualServicesTable } from './virtual-services-table';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

function service(name: string, owner = '123456789012'): VirtualServiceData {
  return {
    meshName: 'demo-mesh',
    virtualServiceName: name,
    spec: {},
    status: { status: 'ACTIVE' },
    metadata: {
      arn: `arn:aws:appmesh:us-west-2:${owner}:mesh/demo-mesh/virtualService/${name}`,
      createdAt: 1_700_000_000,
      lastUpdatedAt: 1_700_000_000,
      meshOwner: '123456789012',
      resourceOwner: owner,
      uid: `uid-${name}`,
      version: 1,
    },
  };
}

let services: VirtualServiceData[];
let posted: unknown[];

beforeEach(() => {
  services = [service('catalog.demo.local'), service('partner.demo.local', '111122223333')];
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost');
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (init?.method === 'DELETE') {
        const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
        return json(
          {
            error: {
              code: 'ResourceInUseException',
              message: `VirtualService ${name} is being referenced in the following: GATEWAY_ROUTE: [ingress-gw/catalog-route]`,
              requestId: 'r1',
            },
          },
          409,
        );
      }
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { virtualServiceName: string };
        posted.push(body);
        const created = service(body.virtualServiceName);
        services = [...services, created];
        return json(created, 201);
      }
      return json({ items: services });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

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
      expect(error?.findContent()?.getElement().textContent).toContain(
        'is being referenced in the following: GATEWAY_ROUTE',
      );
      expect(error?.findAction()?.findButton()?.getElement().textContent).toBe('Retry');
    });
    expect(table().findRows()).toHaveLength(2);
  });

  it('when the selected service belongs to another account, then Delete is disabled', async () => {
    const wrapper = renderTable();
    const table = () => wrapper.findTable('[data-testid="virtual-services-table"]')!;
    await waitFor(() => expect(table().findRows()).toHaveLength(2));
    act(() => table().findRowSelectionArea(2)!.click());
    expect(wrapper.findButton('[data-testid="delete-virtual-service"]')!.isDisabled()).toBe(true);
  });

  it('when a service is created without a provider, then the request has an empty spec and the new row appears', async () => {
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
    expect(posted).toHaveLength(0);

    act(() => modal.findContent().findInput()!.setInputValue('paint.demo.local'));
    await act(async () => submit());
    await waitFor(() => expect(table().findRows()).toHaveLength(3));
    expect(posted).toEqual([{ virtualServiceName: 'paint.demo.local', spec: {} }]);
  });
});
