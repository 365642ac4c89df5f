import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notifications } from '../../../components/app-shell';
import { gateway, json, session, T } from '../../../test/gateway-api-data';
import { eventually, renderWithApp } from '../../../test/render';
import { VirtualGatewaysTable } from './virtual-gateways-table';

/** A fake console API with `total` gateways, served 100 per page with a nextToken, plus DELETE. */
function fakeApi(total: number, options: { failFirstDelete?: boolean } = {}) {
  const names = Array.from({ length: total }, (_, i) => `gw-${String(i).padStart(5, '0')}`);
  const calls: string[] = [];
  let deletes = 0;
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}${url.search}`);
    if (url.pathname === '/api/session') return session();
    if (method === 'GET' && url.pathname === '/api/meshes/demo-mesh/virtual-gateways') {
      const start = Number(url.searchParams.get('nextToken') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const page = names.slice(start, start + limit).map(gateway);
      const next = start + limit < names.length ? String(start + limit) : undefined;
      return json({ items: page, ...(next ? { nextToken: next } : {}) });
    }
    if (method === 'GET' && url.pathname.endsWith('/gateway-routes')) return json({ items: [] });
    if (method === 'DELETE') {
      deletes++;
      if (options.failFirstDelete && deletes === 1) {
        return json(
          { error: { code: 'InternalServerErrorException', message: 'The store is busy.', requestId: 'r1' } },
          500,
        );
      }
      const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
      names.splice(names.indexOf(name), 1);
      return json({ ...gateway(name), status: { status: 'DELETED' } });
    }
    return json({ error: { code: 'NotFoundException', message: 'no stub', requestId: 'r' } }, 404);
  };
  return { fetchStub, calls };
}

function renderTable() {
  return renderWithApp(
    <div>
      <Notifications />
      <VirtualGatewaysTable mesh="demo-mesh" meshOwner={undefined} />
    </div>,
    {
      path: '/meshes/demo-mesh/virtual-gateways',
      pattern: '/meshes/:mesh/virtual-gateways',
    },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('virtual gateways table', () => {
  it('when the mesh has 10,000 gateways, then the first view asks the server for one page and pages on demand', async () => {
    const api = fakeApi(10_000);
    vi.stubGlobal('fetch', api.fetchStub);
    const { container } = renderTable();
    const table = () => createWrapper(container).findTable()!;
    await eventually(() => expect(table().findRows()).toHaveLength(20));
    const listCalls = () => api.calls.filter((c) => c.startsWith('GET /api/meshes/demo-mesh/virtual-gateways?'));
    expect(listCalls()).toEqual(['GET /api/meshes/demo-mesh/virtual-gateways?limit=100']);
    expect(table().findHeaderSlot()!.getElement().textContent).toContain('(100+)');

    // Page 6 holds gateways 100-119: the second server page is fetched, and only it.
    const pagination = createWrapper(container).findPagination()!;
    for (let i = 0; i < 5; i++) pagination.findNextPageButton().click();
    await eventually(() => expect(table().findBodyCell(1, 2)!.getElement().textContent).toBe('gw-00100'));
    expect(listCalls()).toEqual([
      'GET /api/meshes/demo-mesh/virtual-gateways?limit=100',
      'GET /api/meshes/demo-mesh/virtual-gateways?limit=100&nextToken=100',
    ]);
  });

  it('when the mesh has no gateways, then the empty state offers Create virtual gateway', async () => {
    vi.stubGlobal('fetch', fakeApi(0).fetchStub);
    renderTable();
    expect(await screen.findByText('No virtual gateways')).toBeTruthy();
    expect(screen.getByTestId('create-virtual-gateway-empty').textContent).toBe('Create virtual gateway');
  });

  it('when the list fails, then the table shows the error with Retry, and Retry loads it', async () => {
    let fail = true;
    const api = fakeApi(3);
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (fail && String(input).includes('/virtual-gateways')) {
        return json(
          { error: { code: 'InternalServerErrorException', message: 'The store is busy.', requestId: 'r' } },
          500,
        );
      }
      return api.fetchStub(input, init);
    });
    const { container } = renderTable();
    expect(await screen.findByText("Couldn't load virtual gateways")).toBeTruthy();
    expect(screen.getByText('The store is busy.')).toBeTruthy();
    fail = false;
    screen.getByTestId('retry').click();
    await eventually(() => expect(createWrapper(container).findTable()!.findRows()).toHaveLength(3));
  });

  it('when a delete fails, then an error flash offers Retry, and Retry deletes the gateway', async () => {
    const api = fakeApi(2, { failFirstDelete: true });
    vi.stubGlobal('fetch', api.fetchStub);
    const { container } = renderTable();
    const page = createWrapper(container);
    await eventually(() => expect(page.findTable()!.findRows()).toHaveLength(2));
    page.findTable()!.findRowSelectionArea(1)!.click();
    page.findButton('[data-testid="delete-virtual-gateway"]')!.click();
    const modal = createWrapper(document.body).findModal()!;
    await eventually(() =>
      expect(modal.findContent().findInput()!.findNativeInput().getElement().disabled).toBe(false),
    );
    modal.findContent().findInput()!.setInputValue('delete');
    modal.findFooter()!.findButton('[data-testid="confirm-delete"]')!.click();

    const flashbar = () => createWrapper(document.body).findFlashbar()!;
    await eventually(() =>
      expect(flashbar().findItemsByType('error')[0]?.findHeader()?.getElement().textContent).toBe(
        'Failed to delete virtual gateway gw-00000',
      ),
    );
    flashbar().findItemsByType('error')[0]!.findAction()!.findButton()!.click();
    await eventually(() =>
      expect(flashbar().findItemsByType('success')[0]?.findContent()?.getElement().textContent).toBe(
        'Successfully deleted virtual gateway gw-00000.',
      ),
    );
    await eventually(() => expect(page.findTable()!.findRows()).toHaveLength(1));
  });

  it('when a column header is clicked, then the loaded gateways sort by it, and again reverses the order', async () => {
    const specs: Record<string, [string, number, number]> = {
      alpha: ['http', 9090, T + 30],
      bravo: ['grpc', 80, T + 10],
      charlie: ['http', 80, T + 20],
    };
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/session') return session();
      const items = Object.entries(specs).map(([name, [protocol, port, updated]]) => {
        const g = gateway(name);
        return {
          ...g,
          metadata: { ...g.metadata, lastUpdatedAt: updated },
          spec: { listeners: [{ portMapping: { port, protocol } }] },
        };
      });
      return json({ items });
    });
    const { container } = renderTable();
    const table = () => createWrapper(container).findTable()!;
    const names = () =>
      table()
        .findRows()
        .map(
          (_r, i) =>
            table()
              .findBodyCell(i + 1, 2)!
              .getElement().textContent,
        );
    await eventually(() => expect(names()).toEqual(['alpha', 'bravo', 'charlie']));

    const sortBy = (header: string) => {
      const index = table()
        .findColumnHeaders()
        .findIndex((h) => h.getElement().textContent === header);
      table()
        .findColumnSortingArea(index + 1)!
        .click();
    };
    sortBy('Listener');
    await eventually(() => expect(names()).toEqual(['bravo', 'charlie', 'alpha']));
    sortBy('Listener');
    await eventually(() => expect(names()).toEqual(['alpha', 'charlie', 'bravo']));
    sortBy('Last updated');
    await eventually(() => expect(names()).toEqual(['bravo', 'charlie', 'alpha']));
    expect(table().findAscSortedColumn()?.getElement().textContent).toContain('Last updated');
    for (const header of ['Name', 'TLS mode', 'Status', 'Resource owner']) {
      const index = table()
        .findColumnHeaders()
        .findIndex((h) => h.getElement().textContent === header);
      expect(table().findColumnSortingArea(index + 1), header).not.toBeNull();
    }
  });

  it('when the table is sorted, then paging past the loaded gateways still fetches the next server page', async () => {
    const api = fakeApi(150);
    vi.stubGlobal('fetch', api.fetchStub);
    const { container } = renderTable();
    const table = () => createWrapper(container).findTable()!;
    await eventually(() => expect(table().findRows()).toHaveLength(20));
    const nameIndex = table()
      .findColumnHeaders()
      .findIndex((h) => h.getElement().textContent === 'Name');
    table()
      .findColumnSortingArea(nameIndex + 1)!
      .click();
    table()
      .findColumnSortingArea(nameIndex + 1)!
      .click();
    await eventually(() => expect(table().findBodyCell(1, 2)!.getElement().textContent).toBe('gw-00099'));
    const pagination = createWrapper(container).findPagination()!;
    for (let i = 0; i < 5; i++) pagination.findNextPageButton().click();
    await eventually(() =>
      expect(api.calls).toContain('GET /api/meshes/demo-mesh/virtual-gateways?limit=100&nextToken=100'),
    );
    // Once the second page is in, the descending sort covers all 150 loaded gateways.
    await eventually(() => expect(table().findHeaderSlot()!.getElement().textContent).toContain('(150)'));
  });
});
