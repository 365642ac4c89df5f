import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SHARING_ACCOUNT } from './demo-seed';
import { appMeshError, describeEverything, type Harness, ME, openHarness, STORE_KINDS } from './test-support/fixtures';

describe.each(STORE_KINDS)('demo seed on $name', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness(kind);
  });
  afterEach(() => h?.cleanup());

  it('when seeded, then the caller has demo-mesh with services, a gateway with routes and one without', async () => {
    await h.engine.seedDemo(ME);
    const api = h.engine.forCaller(ME);
    const services = await api.listVirtualServices({ meshName: 'demo-mesh' });
    expect(services.virtualServices.map((s) => s.virtualServiceName)).toEqual([
      'catalog.demo.local',
      'orders.demo.local',
      'payments.demo.local',
    ]);
    const gateways = await api.listVirtualGateways({ meshName: 'demo-mesh' });
    expect(gateways.virtualGateways.map((g) => g.virtualGatewayName)).toEqual(['edge-gw', 'ingress-gw']);
    const { virtualGateway } = await api.describeVirtualGateway({
      meshName: 'demo-mesh',
      virtualGatewayName: 'ingress-gw',
    });
    expect(virtualGateway.spec.listeners[0]?.portMapping).toEqual({ port: 8080, protocol: 'http' });
    const routes = await api.listGatewayRoutes({ meshName: 'demo-mesh', virtualGatewayName: 'ingress-gw' });
    expect(routes.gatewayRoutes.map((r) => r.gatewayRouteName)).toEqual(['catalog-route', 'orders-route']);
    const orders = await api.describeGatewayRoute({
      meshName: 'demo-mesh',
      virtualGatewayName: 'ingress-gw',
      gatewayRouteName: 'orders-route',
    });
    expect(orders.gatewayRoute.spec.httpRoute?.action.target.virtualService.virtualServiceName).toBe(
      'orders.demo.local',
    );
    const edgeRoutes = await api.listGatewayRoutes({ meshName: 'demo-mesh', virtualGatewayName: 'edge-gw' });
    expect(edgeRoutes.gatewayRoutes).toEqual([]);
  });

  it('when seeded, then demo-mesh has catalog-v1 and catalog-v2 behind catalog-router, whose route splits 80/20', async () => {
    await h.engine.seedDemo(ME);
    const api = h.engine.forCaller(ME);
    const nodes = await api.listVirtualNodes({ meshName: 'demo-mesh' });
    expect(nodes.virtualNodes.map((n) => n.virtualNodeName)).toEqual(['catalog-v1', 'catalog-v2']);
    const { virtualNode } = await api.describeVirtualNode({ meshName: 'demo-mesh', virtualNodeName: 'catalog-v2' });
    expect(virtualNode.spec.serviceDiscovery).toEqual({ dns: { hostname: 'catalog-v2.demo.local' } });
    const routers = await api.listVirtualRouters({ meshName: 'demo-mesh' });
    expect(routers.virtualRouters.map((r) => r.virtualRouterName)).toEqual(['catalog-router']);
    const { route } = await api.describeRoute({
      meshName: 'demo-mesh',
      virtualRouterName: 'catalog-router',
      routeName: 'catalog-split',
    });
    expect(route.spec.httpRoute?.action.weightedTargets).toEqual([
      { virtualNode: 'catalog-v1', weight: 80 },
      { virtualNode: 'catalog-v2', weight: 20 },
    ]);
  });

  it('when seeded, then a mesh owned by 111122223333 is shared with the caller, whose gateway it sees but cannot delete', async () => {
    await h.engine.seedDemo(ME);
    const api = h.engine.forCaller(ME);
    const { meshes } = await api.listMeshes({});
    const shared = meshes.find((m) => m.meshOwner === DEMO_SHARING_ACCOUNT);
    expect(shared?.meshName).toBe('partner-mesh');
    const where = { meshName: 'partner-mesh', meshOwner: DEMO_SHARING_ACCOUNT };
    const { virtualGateways } = await api.listVirtualGateways(where);
    expect(virtualGateways.map((g) => [g.virtualGatewayName, g.resourceOwner])).toEqual([
      ['partner-gw', DEMO_SHARING_ACCOUNT],
    ]);
    const error = await appMeshError(api.deleteVirtualGateway({ ...where, virtualGatewayName: 'partner-gw' }));
    expect(error.name).toBe('ForbiddenException');
    expect(error.message).toContain(DEMO_SHARING_ACCOUNT);
  });

  it('when seeded twice, then nothing changes the second time', async () => {
    await h.engine.seedDemo(ME);
    const first = await describeEverything(h.engine);
    h.clock.advance(60_000);
    await h.engine.seedDemo(ME);
    expect(await describeEverything(h.engine)).toEqual(first);
  });

  it('when part of the demo was deleted, then seeding again restores only what is missing', async () => {
    await h.engine.seedDemo(ME);
    const api = h.engine.forCaller(ME);
    const ingress = await api.describeVirtualGateway({ meshName: 'demo-mesh', virtualGatewayName: 'ingress-gw' });
    await api.deleteVirtualGateway({ meshName: 'demo-mesh', virtualGatewayName: 'edge-gw' });
    await h.engine.seedDemo(ME);
    const again = await api.describeVirtualGateway({ meshName: 'demo-mesh', virtualGatewayName: 'ingress-gw' });
    expect(again).toEqual(ingress);
    await expect(
      api.describeVirtualGateway({ meshName: 'demo-mesh', virtualGatewayName: 'edge-gw' }),
    ).resolves.toBeDefined();
  });

  it('when the caller is 111122223333 itself, then another account shares the partner mesh', async () => {
    await h.engine.seedDemo(DEMO_SHARING_ACCOUNT);
    const { meshes } = await h.engine.forCaller(DEMO_SHARING_ACCOUNT).listMeshes({});
    expect(meshes.map((m) => [m.meshName, m.meshOwner])).toEqual([
      ['demo-mesh', DEMO_SHARING_ACCOUNT],
      ['partner-mesh', '444455556666'],
    ]);
  });

  it('when reset with demo, then the store is not empty and holds the seed', async () => {
    expect(await h.engine.isEmpty()).toBe(true);
    await h.engine.reset('demo', ME);
    expect(await h.engine.isEmpty()).toBe(false);
    // meshes, demo services, demo gateways, their routes, partner service, gateway, route, then the
    // demo's 2 virtual nodes, its router and its route
    expect(await describeEverything(h.engine)).toHaveLength(2 + 3 + 2 + 2 + 1 + 1 + 1 + 2 + 1 + 1);
  });
});
