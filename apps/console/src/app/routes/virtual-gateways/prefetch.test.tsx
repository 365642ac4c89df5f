import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../../../lib/query-keys';
import { routeChunkStatus } from '../../../lib/route-preload';
import { eventually, renderConsole, startFakeConsoleApi } from '../../../test/render';
import { seedGateways } from '../../../test/seed';

// Tests of one file share the route table's chunk registry: each checks a chunk nothing before it loaded.
describe('no request waterfalls', () => {
  it('when a gateway link is hovered, then its details are in the cache, its routes are asked for and the details chunk loads', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['gw-a', 'gw-b']);
    const { container, queryClient } = renderConsole('/meshes/demo-mesh/virtual-gateways');
    await eventually(() => expect(createWrapper(container).findTable()?.findRows()).toHaveLength(2), 10_000);
    expect(routeChunkStatus('virtualGateway')).toBe('idle');

    fireEvent.mouseEnter(screen.getByText('gw-b'));
    expect(queryClient.getQueryData(queryKeys.virtualGateways.detail('demo-mesh', undefined, 'gw-b'))).toMatchObject({
      virtualGatewayName: 'gw-b',
    });
    expect(routeChunkStatus('virtualGateway')).not.toBe('idle');
    await eventually(() =>
      expect(api.calls()).toContain('GET /api/meshes/demo-mesh/virtual-gateways/gw-b/gateway-routes?limit=100'),
    );
    // The row seeded the details: the gateway itself is not asked for again.
    expect(api.calls()).not.toContain('GET /api/meshes/demo-mesh/virtual-gateways/gw-b');
  });

  it('when the Create virtual gateway button gets focus, then the create page chunk loads', async () => {
    await startFakeConsoleApi();
    renderConsole('/meshes/demo-mesh/virtual-gateways');
    const button = await screen.findByTestId('create-virtual-gateway', {}, { timeout: 10_000 });
    expect(routeChunkStatus('createVirtualGateway')).toBe('idle');
    fireEvent.focus(button);
    expect(routeChunkStatus('createVirtualGateway')).not.toBe('idle');
  });

  it('when the details page opens, then the gateway and its routes are requested together, not one after the other', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['gw-a']);
    const release = api.hold('GET', '/api/meshes/demo-mesh/virtual-gateways/gw-a');
    renderConsole('/meshes/demo-mesh/virtual-gateways/gw-a');
    // While the gateway's answer is held back, its routes are already asked for.
    await eventually(() =>
      expect(api.calls()).toContain('GET /api/meshes/demo-mesh/virtual-gateways/gw-a/gateway-routes?limit=100'),
    );
    const gatewayRequest = api.requests.find((r) => r.path === '/api/meshes/demo-mesh/virtual-gateways/gw-a');
    expect(gatewayRequest?.answeredAt).toBe(undefined);
    release();
    expect(await screen.findByTestId('details-summary', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('when a mesh link is hovered, then the virtual gateways chunk and the first page of its gateways load', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['gw-a']);
    renderConsole('/meshes');
    const link = await screen.findByRole('link', { name: 'demo-mesh' }, { timeout: 10_000 });
    expect(api.calls().filter((c) => c.includes('/virtual-gateways'))).toEqual([]);
    fireEvent.mouseEnter(link);
    expect(routeChunkStatus('virtualGateways')).not.toBe('idle');
    await eventually(() => expect(api.calls()).toContain('GET /api/meshes/demo-mesh/virtual-gateways?limit=100'));
  });
});
