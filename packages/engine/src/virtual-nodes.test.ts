// Virtual nodes, virtual routers and routes: the kinds' own rules (references between them, quotas,
// sharing, paging, idempotency) on every store. The rules shared with the other kinds run through the
// same `Operations` helpers and are covered by engine.test.ts.
import type { CreateRouteInput, CreateVirtualNodeInput, MeshApi } from '@meshconsole/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineOptions } from './engine';
import {
  appMeshError,
  gatewaySpec,
  type Harness,
  httpRouteSpec,
  ME,
  OTHER,
  openHarness,
  REGION,
  STORE_KINDS,
} from './test-support/fixtures';

function nodeSpec(backends: string[] = []): CreateVirtualNodeInput['spec'] {
  return {
    listeners: [
      {
        portMapping: { port: 8080, protocol: 'http' },
        healthCheck: {
          protocol: 'http',
          path: '/ping',
          healthyThreshold: 2,
          unhealthyThreshold: 2,
          timeoutMillis: 2000,
          intervalMillis: 5000,
        },
        timeout: { http: { perRequest: { unit: 's', value: 15 } } },
        outlierDetection: {
          maxServerErrors: 5,
          interval: { unit: 's', value: 10 },
          baseEjectionDuration: { unit: 's', value: 30 },
          maxEjectionPercent: 50,
        },
      },
    ],
    serviceDiscovery: { dns: { hostname: 'node.m.local' } },
    backends: backends.map((virtualServiceName) => ({ virtualService: { virtualServiceName } })),
  };
}

function routeSpec(targets: Array<[string, number]>): CreateRouteInput['spec'] {
  return {
    httpRoute: {
      match: { prefix: '/' },
      action: { weightedTargets: targets.map(([virtualNode, weight]) => ({ virtualNode, weight })) },
      retryPolicy: { maxRetries: 2, perRetryTimeout: { unit: 'ms', value: 500 }, httpRetryEvents: ['server-error'] },
    },
  };
}

const ROUTER_SPEC = { listeners: [{ portMapping: { port: 8080, protocol: 'http' as const } }] };

describe.each(STORE_KINDS)('virtual nodes, routers and routes on $name', (kind) => {
  let h: Harness;
  let me: MeshApi;
  let other: MeshApi;

  beforeEach(async () => {
    h = await openHarness(kind);
    me = h.engine.forCaller(ME);
    other = h.engine.forCaller(OTHER);
  });
  afterEach(() => h?.cleanup());

  async function withHarness(options: Partial<EngineOptions>, body: (api: MeshApi) => Promise<void>) {
    const h2 = await openHarness(kind, options);
    try {
      await body(h2.engine.forCaller(ME));
    } finally {
      await h2.cleanup();
    }
  }

  /** Mesh `m`: nodes `blue` and `green`, router `router` with route `split` (blue 80, green 20), service `svc.m.local` provided by the router. */
  async function chain(api: MeshApi = me) {
    await api.createMesh({ meshName: 'm' });
    await api.createVirtualNode({ meshName: 'm', virtualNodeName: 'blue', spec: nodeSpec() });
    await api.createVirtualNode({ meshName: 'm', virtualNodeName: 'green', spec: nodeSpec() });
    await api.createVirtualRouter({ meshName: 'm', virtualRouterName: 'router', spec: ROUTER_SPEC });
    await api.createRoute({
      meshName: 'm',
      virtualRouterName: 'router',
      routeName: 'split',
      spec: routeSpec([
        ['blue', 80],
        ['green', 20],
      ]),
    });
    await api.createVirtualService({
      meshName: 'm',
      virtualServiceName: 'svc.m.local',
      spec: { provider: { virtualRouter: { virtualRouterName: 'router' } } },
    });
  }

  it('when a node, a router, a route and a service the router provides are created, then each carries its metadata, ARN and spec as sent', async () => {
    await chain();
    const { virtualNode } = await me.describeVirtualNode({ meshName: 'm', virtualNodeName: 'blue' });
    expect(virtualNode).toMatchObject({
      meshName: 'm',
      virtualNodeName: 'blue',
      spec: nodeSpec(),
      status: { status: 'ACTIVE' },
      metadata: {
        arn: `arn:aws:appmesh:${REGION}:${ME}:mesh/m/virtualNode/blue`,
        version: 1,
        meshOwner: ME,
        resourceOwner: ME,
      },
    });
    const { route } = await me.describeRoute({ meshName: 'm', virtualRouterName: 'router', routeName: 'split' });
    expect(route.metadata.arn).toBe(`arn:aws:appmesh:${REGION}:${ME}:mesh/m/virtualRouter/router/route/split`);
    expect(route.spec.httpRoute?.action.weightedTargets).toEqual([
      { virtualNode: 'blue', weight: 80 },
      { virtualNode: 'green', weight: 20 },
    ]);
    const { virtualRouters } = await me.listVirtualRouters({ meshName: 'm' });
    expect(virtualRouters.map((r) => [r.virtualRouterName, r.arn])).toEqual([
      ['router', `arn:aws:appmesh:${REGION}:${ME}:mesh/m/virtualRouter/router`],
    ]);
    const { routes } = await me.listRoutes({ meshName: 'm', virtualRouterName: 'router' });
    expect(routes.map((r) => `${r.virtualRouterName}/${r.routeName}`)).toEqual(['router/split']);

    h.clock.advance(2000);
    const updated = await me.updateRoute({
      meshName: 'm',
      virtualRouterName: 'router',
      routeName: 'split',
      spec: routeSpec([['green', 100]]),
    });
    expect(updated.route.metadata.version).toBe(2);
    expect(updated.route.metadata.lastUpdatedAt).toBe(route.metadata.lastUpdatedAt + 2);
  });

  it("when a virtual service names a provider that does not exist, then it is NotFound on the provider's field and nothing is stored", async () => {
    await me.createMesh({ meshName: 'm' });
    const error = await appMeshError(
      me.createVirtualService({
        meshName: 'm',
        virtualServiceName: 'svc',
        spec: { provider: { virtualNode: { virtualNodeName: 'ghost' } } },
      }),
    );
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toBe(`VirtualNode with name ghost is not present under mesh m for account ${ME}`);
    expect(error.fieldErrors).toEqual({
      'spec.provider.virtualNode.virtualNodeName': ['Virtual node ghost does not exist in mesh m.'],
    });
    expect((await me.listVirtualServices({ meshName: 'm' })).virtualServices).toEqual([]);

    await me.createVirtualService({ meshName: 'm', virtualServiceName: 'svc', spec: {} });
    const onUpdate = await appMeshError(
      me.updateVirtualService({
        meshName: 'm',
        virtualServiceName: 'svc',
        spec: { provider: { virtualRouter: { virtualRouterName: 'ghost' } } },
      }),
    );
    expect(onUpdate.fieldErrors).toEqual({
      'spec.provider.virtualRouter.virtualRouterName': ['Virtual router ghost does not exist in mesh m.'],
    });
    expect((await me.describeVirtualService({ meshName: 'm', virtualServiceName: 'svc' })).virtualService.spec).toEqual(
      {},
    );
  });

  it('when a route targets a virtual node that does not exist, then it is NotFound on that target and nothing is stored', async () => {
    await me.createMesh({ meshName: 'm' });
    await me.createVirtualNode({ meshName: 'm', virtualNodeName: 'blue', spec: nodeSpec() });
    await me.createVirtualRouter({ meshName: 'm', virtualRouterName: 'router', spec: ROUTER_SPEC });
    const error = await appMeshError(
      me.createRoute({
        meshName: 'm',
        virtualRouterName: 'router',
        routeName: 'r',
        spec: routeSpec([
          ['blue', 50],
          ['ghost', 50],
        ]),
      }),
    );
    expect(error.name).toBe('NotFoundException');
    expect(error.fieldErrors).toEqual({
      'spec.httpRoute.action.weightedTargets.1.virtualNode': ['Virtual node ghost does not exist in mesh m.'],
    });
    expect((await me.listRoutes({ meshName: 'm', virtualRouterName: 'router' })).routes).toEqual([]);
  });

  it('when something still refers to a router, a node or a service, then its delete is ResourceInUse naming what holds it', async () => {
    await chain();
    await me.createVirtualNode({
      meshName: 'm',
      virtualNodeName: 'client',
      spec: { backends: [{ virtualService: { virtualServiceName: 'svc.m.local' } }] },
    });

    const router = await appMeshError(me.deleteVirtualRouter({ meshName: 'm', virtualRouterName: 'router' }));
    expect(router.name).toBe('ResourceInUseException');
    expect(router.message).toBe(
      'VirtualRouter router is being referenced in the following: VIRTUAL_SERVICE: [svc.m.local]',
    );

    const node = await appMeshError(me.deleteVirtualNode({ meshName: 'm', virtualNodeName: 'green' }));
    expect(node.message).toBe('VirtualNode green is being referenced in the following: ROUTE: [router/split]');

    const service = await appMeshError(me.deleteVirtualService({ meshName: 'm', virtualServiceName: 'svc.m.local' }));
    expect(service.message).toBe(
      'VirtualService svc.m.local is being referenced in the following: VIRTUAL_NODE: [client]',
    );

    await me.updateVirtualService({
      meshName: 'm',
      virtualServiceName: 'svc.m.local',
      spec: { provider: { virtualNode: { virtualNodeName: 'blue' } } },
    });
    const withRoutes = await appMeshError(me.deleteVirtualRouter({ meshName: 'm', virtualRouterName: 'router' }));
    expect(withRoutes.message).toBe(
      'VirtualRouter router has active Routes [split], please delete them before deleting the VirtualRouter',
    );
    const provider = await appMeshError(me.deleteVirtualNode({ meshName: 'm', virtualNodeName: 'blue' }));
    expect(provider.message).toBe(
      'VirtualNode blue is being referenced in the following: VIRTUAL_SERVICE: [svc.m.local], ROUTE: [router/split]',
    );
    const mesh = await appMeshError(me.deleteMesh({ meshName: 'm' }));
    expect(mesh.message).toBe(
      `Mesh m for account ${ME} has active VirtualServices, VirtualRouters and VirtualNodes, please delete VirtualServices, VirtualRouters and VirtualNodes before deleting the Mesh`,
    );
    // nothing was deleted by the refusals
    expect((await me.listVirtualNodes({ meshName: 'm' })).virtualNodes.map((n) => n.virtualNodeName)).toEqual([
      'blue',
      'client',
      'green',
    ]);
  });

  it('when the chain is torn down in dependency order, then every delete succeeds and answers DELETED with the next version', async () => {
    await chain();
    const steps: Array<() => Promise<Record<string, { status: { status: string }; metadata: { version: number } }>>> = [
      () => me.deleteVirtualService({ meshName: 'm', virtualServiceName: 'svc.m.local' }),
      () => me.deleteRoute({ meshName: 'm', virtualRouterName: 'router', routeName: 'split' }),
      () => me.deleteVirtualRouter({ meshName: 'm', virtualRouterName: 'router' }),
      () => me.deleteVirtualNode({ meshName: 'm', virtualNodeName: 'blue' }),
      () => me.deleteVirtualNode({ meshName: 'm', virtualNodeName: 'green' }),
    ];
    for (const step of steps) {
      const answer = Object.values(await step())[0];
      expect(answer?.status.status).toBe('DELETED');
      expect(answer?.metadata.version).toBe(2);
    }
    await me.deleteMesh({ meshName: 'm' });
    expect((await me.listMeshes({})).meshes).toEqual([]);
  });

  it("when the quotas are reached, then the next create is LimitExceeded and a node's backends count against their own quota", async () => {
    await withHarness(
      {
        quotas: {
          virtualNodesPerMesh: 2,
          virtualRoutersPerMesh: 1,
          routesPerVirtualRouter: 1,
          backendsPerVirtualNode: 1,
        },
      },
      async (api) => {
        await chain(api);
        const node = await appMeshError(api.createVirtualNode({ meshName: 'm', virtualNodeName: 'third', spec: {} }));
        expect(node.name).toBe('LimitExceededException');
        expect(node.message).toMatch(/2 virtual nodes in mesh m/);
        const router = await appMeshError(
          api.createVirtualRouter({ meshName: 'm', virtualRouterName: 'r2', spec: ROUTER_SPEC }),
        );
        expect(router.message).toMatch(/1 virtual routers in mesh m/);
        const route = await appMeshError(
          api.createRoute({
            meshName: 'm',
            virtualRouterName: 'router',
            routeName: 'r2',
            spec: routeSpec([['blue', 1]]),
          }),
        );
        expect(route.message).toMatch(/1 routes for virtual router router/);
        const backends = await appMeshError(
          api.updateVirtualNode({ meshName: 'm', virtualNodeName: 'blue', spec: nodeSpec(['a.local', 'b.local']) }),
        );
        expect(backends.name).toBe('LimitExceededException');
        expect(backends.fieldErrors).toEqual({ 'spec.backends': ['At most 1 backends are allowed.'] });
      },
    );
  });

  it('when virtual nodes are listed a page at a time, then every node appears once, in name order', async () => {
    await me.createMesh({ meshName: 'm' });
    for (const name of ['c', 'a', 'b']) await me.createVirtualNode({ meshName: 'm', virtualNodeName: name, spec: {} });
    const first = await me.listVirtualNodes({ meshName: 'm', limit: 2 });
    expect(first.virtualNodes.map((n) => n.virtualNodeName)).toEqual(['a', 'b']);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = await me.listVirtualNodes({ meshName: 'm', limit: 2, nextToken: first.nextToken });
    expect(second.virtualNodes.map((n) => n.virtualNodeName)).toEqual(['c']);
    expect(second.nextToken).toBeUndefined();
    const wrongList = await appMeshError(me.listVirtualRouters({ meshName: 'm', nextToken: first.nextToken }));
    expect(wrongList.name).toBe('BadRequestException');
  });

  it('when a create is sent again with its clientToken, then the first answer comes back; with another request it is a Conflict', async () => {
    await me.createMesh({ meshName: 'm' });
    const input = { meshName: 'm', virtualNodeName: 'n', spec: nodeSpec(), clientToken: 'token-1' };
    const first = await me.createVirtualNode(input);
    expect(await me.createVirtualNode(input)).toEqual(first);
    const conflict = await appMeshError(me.createVirtualNode({ ...input, virtualNodeName: 'n2' }));
    expect(conflict.name).toBe('ConflictException');
    const duplicate = await appMeshError(me.createVirtualNode({ meshName: 'm', virtualNodeName: 'n', spec: {} }));
    expect(duplicate.name).toBe('ConflictException');
    expect(duplicate.fieldErrors).toEqual({ virtualNodeName: ['A VirtualNode named n already exists in mesh m.'] });
  });

  it("when the mesh is shared, then a consumer creates its own node and router, cannot add routes to the owner's router, and the owner may delete the consumer's node", async () => {
    await other.createMesh({ meshName: 'shared' });
    await h.engine.shareMesh(OTHER, 'shared', ME);
    await other.createVirtualNode({ meshName: 'shared', virtualNodeName: 'theirs', spec: {} });
    await other.createVirtualRouter({ meshName: 'shared', virtualRouterName: 'their-router', spec: ROUTER_SPEC });
    const place = { meshName: 'shared', meshOwner: OTHER };
    const { virtualNode } = await me.createVirtualNode({ ...place, virtualNodeName: 'mine', spec: {} });
    expect(virtualNode.metadata).toMatchObject({
      meshOwner: OTHER,
      resourceOwner: ME,
      arn: `arn:aws:appmesh:${REGION}:${ME}:mesh/shared/virtualNode/mine`,
    });
    const route = await appMeshError(
      me.createRoute({ ...place, virtualRouterName: 'their-router', routeName: 'r', spec: routeSpec([['theirs', 1]]) }),
    );
    expect(route.name).toBe('ForbiddenException');
    const update = await appMeshError(me.updateVirtualNode({ ...place, virtualNodeName: 'theirs', spec: nodeSpec() }));
    expect(update.name).toBe('ForbiddenException');
    await other.deleteVirtualNode({ meshName: 'shared', virtualNodeName: 'mine' });
    expect((await other.listVirtualNodes({ meshName: 'shared' })).virtualNodes.map((n) => n.virtualNodeName)).toEqual([
      'theirs',
    ]);
  });

  it('when a route is tagged by its ARN, then its tags are listed and go with it', async () => {
    await chain();
    const { route } = await me.describeRoute({ meshName: 'm', virtualRouterName: 'router', routeName: 'split' });
    await me.tagResource({ resourceArn: route.metadata.arn, tags: [{ key: 'team', value: 'blue' }] });
    expect((await me.listTagsForResource({ resourceArn: route.metadata.arn })).tags).toEqual([
      { key: 'team', value: 'blue' },
    ]);
    await me.deleteRoute({ meshName: 'm', virtualRouterName: 'router', routeName: 'split' });
    const gone = await appMeshError(me.listTagsForResource({ resourceArn: route.metadata.arn }));
    expect(gone.name).toBe('NotFoundException');
  });

  it('when a gateway route targets a service provided by a router, then the whole gateway -> service -> router -> nodes chain stands', async () => {
    await chain();
    await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'gw', spec: gatewaySpec() });
    const { gatewayRoute } = await me.createGatewayRoute({
      meshName: 'm',
      virtualGatewayName: 'gw',
      gatewayRouteName: 'to-svc',
      spec: httpRouteSpec('svc.m.local'),
    });
    expect(gatewayRoute.spec.httpRoute?.action.target.virtualService.virtualServiceName).toBe('svc.m.local');
    const service = await appMeshError(me.deleteVirtualService({ meshName: 'm', virtualServiceName: 'svc.m.local' }));
    expect(service.message).toBe(
      'VirtualService svc.m.local is being referenced in the following: GATEWAY_ROUTE: [gw/to-svc]',
    );
  });
});
