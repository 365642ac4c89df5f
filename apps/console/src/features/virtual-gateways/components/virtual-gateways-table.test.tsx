import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { VirtualGatewaySpec } from '@meshconsole/model';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Notifications } from '../../../components/app-shell';
import { eventually, renderWithApp, startFakeConsoleApi } from '../../../test/render';
import { gatewayNames, seedGateways } from '../../../test/seed';
import { VirtualGatewaysTable } from './virtual-gateways-table';

/** The fake console API with `count` gateways in demo-mesh (`gw-00000`, ...), served 100 per page. */
async function withGateways(count: number, spec?: VirtualGatewaySpec) {
  const api = await startFakeConsoleApi({ quotas: { virtualGatewaysPerMesh: Math.max(count, 3) } });
  await seedGateways(api, gatewayNames(count), spec);
  return api;
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

describe('virtual gateways table', () => {
  it('when the mesh has 250 gateways, then the first view asks the server for one page and pages on demand', async () => {
    const api = await withGateways(250);
    const { container } = renderTable();
    const table = () => createWrapper(container).findTable()!;
    await eventually(() => expect(table().findRows()).toHaveLength(20));
    const listCalls = () => api.calls().filter((c) => c.startsWith('GET /api/meshes/demo-mesh/virtual-gateways?'));
    expect(listCalls()).toEqual(['GET /api/meshes/demo-mesh/virtual-gateways?limit=100']);
    expect(table().findHeaderSlot()!.getElement().textContent).toContain('(100+)');

    // Page 6 holds gateways 100-119: the second server page is fetched, and only it.
    const pagination = createWrapper(container).findPagination()!;
    for (let i = 0; i < 5; i++) pagination.findNextPageButton().click();
    await eventually(() => expect(table().findBodyCell(1, 2)!.getElement().textContent).toBe('gw-00100'));
    expect(listCalls()).toHaveLength(2);
    expect(listCalls()[1]).toMatch(/^GET \/api\/meshes\/demo-mesh\/virtual-gateways\?limit=100&nextToken=.+/);
  });

  it('when the mesh has no gateways, then the empty state offers Create virtual gateway', async () => {
    await withGateways(0);
    renderTable();
    expect(await screen.findByText('No virtual gateways')).toBeTruthy();
    expect(screen.getByTestId('create-virtual-gateway-empty').textContent).toBe('Create virtual gateway');
  });

  it('when the list fails, then the table shows the error with Retry, and Retry loads it', async () => {
    const api = await withGateways(3);
    api.failNext(
      'GET',
      '/api/meshes/demo-mesh/virtual-gateways',
      { code: 'InternalServerErrorException', message: 'The store is busy.' },
      500,
    );
    const { container } = renderTable();
    expect(await screen.findByText("Couldn't load virtual gateways")).toBeTruthy();
    expect(screen.getByText('The store is busy.')).toBeTruthy();
    screen.getByTestId('retry').click();
    await eventually(() => expect(createWrapper(container).findTable()!.findRows()).toHaveLength(3));
  });

  it('when a delete fails, then an error flash offers Retry, and Retry deletes the gateway', async () => {
    const api = await withGateways(2);
    api.failNext(
      'DELETE',
      /\/virtual-gateways\/[^/]+$/,
      { code: 'InternalServerErrorException', message: 'The store is busy.' },
      500,
    );
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
    expect((await api.mesh.listVirtualGateways({ meshName: 'demo-mesh' })).virtualGateways).toHaveLength(1);
  });

  it('when a column header is clicked, then the loaded gateways sort by it, and again reverses the order', async () => {
    // Created in the order bravo, charlie, alpha: Last updated sorts them that way.
    let clock = 1_700_000_000_000;
    const api = await startFakeConsoleApi({ now: () => (clock += 1000) });
    const specs: Array<[string, 'http' | 'grpc', number]> = [
      ['bravo', 'grpc', 80],
      ['charlie', 'http', 80],
      ['alpha', 'http', 9090],
    ];
    for (const [name, protocol, port] of specs) {
      await seedGateways(api, [name], { listeners: [{ portMapping: { port, protocol } }] });
    }
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
    const api = await withGateways(150);
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
      expect(api.calls().filter((c) => c.includes('/virtual-gateways?limit=100&nextToken='))).toHaveLength(1),
    );
    // Once the second page is in, the descending sort covers all 150 loaded gateways.
    await eventually(() => expect(table().findHeaderSlot()!.getElement().textContent).toContain('(150)'));
  });
});
