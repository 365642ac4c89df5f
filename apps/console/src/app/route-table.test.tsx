import { routeDataUrl } from '@meshconsole/model';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { matchRoute, ROUTE_IDS, type RouteId, type RouteParams, routeHref } from '../lib/routes';
import { createFakeConsoleApi } from '../test/fake-console-api';
import { eventually } from '../test/render';
import { ROUTE_DATA } from './route-data';
import { createAppRoutes } from './route-table';

/** Opens `path` in the router without rendering, and returns the requests its loaders start. */
async function firstLoadRequests(path: string, expected: number): Promise<string[]> {
  const api = createFakeConsoleApi();
  await api.mesh.createMesh({ meshName: 'demo-mesh' });
  await api.mesh.createVirtualGateway({
    meshName: 'demo-mesh',
    virtualGatewayName: 'ingress-gw',
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
  });
  const original = globalThis.fetch;
  globalThis.fetch = api.fetch as typeof fetch;
  try {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter(createAppRoutes(client), { initialEntries: [path] });
    await eventually(() => expect(api.requests.length).toBeGreaterThanOrEqual(expected));
    // Nothing else follows: give a stray request the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 30));
    router.dispose();
    return api.calls().sort();
  } finally {
    globalThis.fetch = original;
  }
}

const SAMPLE: { [Id in RouteId]: RouteParams<Id> } = {
  meshes: {},
  mesh: { mesh: 'demo mesh' },
  virtualGateways: { mesh: 'demo-mesh' },
  createVirtualGateway: { mesh: 'demo-mesh' },
  virtualGateway: { mesh: 'demo-mesh', name: 'gw 50%/ü' },
  editVirtualGateway: { mesh: 'demo-mesh', name: 'ingress-gw' },
  createGatewayRoute: { mesh: 'demo-mesh', name: 'ingress-gw' },
  gatewayRoute: { mesh: 'demo-mesh', name: 'ingress-gw', route: 'catalog?route' },
  editGatewayRoute: { mesh: 'demo-mesh', name: 'ingress-gw', route: 'catalog-route' },
  virtualServices: { mesh: 'demo-mesh' },
  virtualNodes: { mesh: 'demo-mesh' },
  virtualNode: { mesh: 'demo-mesh', name: 'catalog v1%' },
  virtualRouters: { mesh: 'demo-mesh' },
  virtualRouter: { mesh: 'demo-mesh', name: 'catalog-router' },
};

describe('the route table', () => {
  it("when any page opens, then its loaders ask for exactly the GETs route-data.ts lists, so the server's preloads are used", async () => {
    for (const id of ROUTE_IDS) {
      if (id === 'mesh') continue; // a redirect: the page it leads to is checked on its own
      const params = SAMPLE[id] as Record<string, string>;
      const expected = ROUTE_DATA[id].map((r) => `GET ${routeDataUrl(r, params, '111122223333')}`).sort();
      const calls = await firstLoadRequests(
        routeHref(id, SAMPLE[id] as never, { meshOwner: '111122223333' }),
        expected.length,
      );
      expect(calls, id).toEqual(expected);
    }
  });

  it('when a link is built for any route, then the router matches it back to that route and its parameters', () => {
    for (const id of ROUTE_IDS) {
      const params = SAMPLE[id] as Record<string, string>;
      const href = routeHref(id, SAMPLE[id] as never, { meshOwner: '111122223333' });
      expect(matchRoute(href), href).toEqual({
        id,
        params,
        search: new URLSearchParams({ meshOwner: '111122223333' }),
        meshOwner: '111122223333',
      });
    }
  });

  it('when the virtual gateways page opens, then the session and its first page are requested at once, before any render', async () => {
    const calls = await firstLoadRequests('/meshes/demo-mesh/virtual-gateways?meshOwner=123456789012', 2);
    expect(calls).toEqual([
      'GET /api/meshes/demo-mesh/virtual-gateways?limit=100&meshOwner=123456789012',
      'GET /api/session',
    ]);
  });

  it('when a details page opens, then the gateway and its gateway routes are requested together', async () => {
    const calls = await firstLoadRequests('/meshes/demo-mesh/virtual-gateways/ingress-gw', 3);
    expect(calls).toEqual([
      'GET /api/meshes/demo-mesh/virtual-gateways/ingress-gw',
      'GET /api/meshes/demo-mesh/virtual-gateways/ingress-gw/gateway-routes?limit=100',
      'GET /api/session',
    ]);
  });

  it('when a virtual router opens, then the router and its routes are requested together', async () => {
    const calls = await firstLoadRequests('/meshes/demo-mesh/virtual-routers/catalog-router', 3);
    expect(calls).toEqual([
      'GET /api/meshes/demo-mesh/virtual-routers/catalog-router',
      'GET /api/meshes/demo-mesh/virtual-routers/catalog-router/routes?limit=100',
      'GET /api/session',
    ]);
  });

  it('when the create page, an unknown page or a malformed URL opens, then only the session is requested', async () => {
    expect(await firstLoadRequests('/meshes/demo-mesh/virtual-gateways/create?step=listener', 1)).toEqual([
      'GET /api/session',
    ]);
    expect(await firstLoadRequests('/somewhere/else', 1)).toEqual(['GET /api/session']);
    expect(await firstLoadRequests('/meshes/%E0%A4%A/virtual-gateways', 1)).toEqual(['GET /api/session']);
  });
});
