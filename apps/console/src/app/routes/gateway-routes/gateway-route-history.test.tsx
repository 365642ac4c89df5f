import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { eventually, renderConsole, startFakeConsoleApi } from '../../../test/render';
import { MESH, seedGateways, seedRoute, seedService } from '../../../test/seed';

const ROUTE = { meshName: MESH, virtualGatewayName: 'gw-1', gatewayRouteName: 'books' };

describe('Gateway route details: History', () => {
  it('when the route was changed, then its details page lists the versions and restoring the first saves it as a new one', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['gw-1']);
    await seedService(api, 'books.local');
    await seedRoute(api, 'gw-1', 'books', '/books', 'books.local');
    await api.mesh.updateGatewayRoute({
      ...ROUTE,
      spec: {
        httpRoute: {
          match: { prefix: '/library' },
          action: { target: { virtualService: { virtualServiceName: 'books.local' } } },
        },
      },
    });
    renderConsole('/meshes/demo-mesh/virtual-gateways/gw-1/gateway-routes/books');
    await screen.findByTestId('history-table', {}, { timeout: 15_000 });
    const versions = createWrapper(document.body).findTable('[data-testid="history-table"]')!;
    await eventually(() => expect(versions.findRows()).toHaveLength(2));
    versions.findRowSelectionArea(2)!.click();
    versions.findRowSelectionArea(1)!.click();
    await screen.findByTestId('history-diff');
    const diff = createWrapper(document.body).findTable('[data-testid="history-diff"]')!.findRows();
    expect(diff.map((row) => row.findAll('td').map((cell) => cell.getElement().textContent))).toEqual([
      [expect.any(String), 'httpRoute.match.prefix', '/books', '/library'],
    ]);
    versions.findRowSelectionArea(1)!.click();
    const restore = createWrapper(document.body).findButton('[data-testid="restore-version"]')!;
    await eventually(() => expect(restore.isDisabled()).toBe(false));
    restore.click();
    createWrapper(document.body)
      .findModal('[data-testid="restore-version-modal"]')!
      .findFooter()!
      .findButton('[data-testid="confirm-restore"]')!
      .click();
    await eventually(() => expect(versions.findRows()).toHaveLength(3));
    const described = await api.mesh.describeGatewayRoute(ROUTE);
    expect(described.gatewayRoute.metadata.version).toBe(3);
    expect(described.gatewayRoute.spec.httpRoute?.match?.prefix).toBe('/books');
    // The whole console (shell, route table, lazy route chunks) loads cold in this test: give it room.
  }, 45_000);
});
