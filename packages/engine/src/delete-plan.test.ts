// Delete plans on every store: the order, owner rules that block a plan before anything goes, a run
// stopped by a failure and finished by a retry, a virtual service with routes, a whole mesh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planDelete, runDeletePlan } from './delete-plan';
import { type CallerMeshApi, createEngine } from './engine';
import { type Store, StoreUnavailableError } from './store/store';
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

const GW = { resourceType: 'virtualGateway', meshName: 'm', virtualGatewayName: 'gw' } as const;

/** The store, except that the write number `failAt` (counting from 1) is refused as unavailable. */
function failingOnWrite(store: Store, failAt: number): Store {
  let writes = 0;
  return {
    read: (fn) => store.read(fn),
    write: (fn, options) =>
      ++writes === failAt ? Promise.reject(new StoreUnavailableError('injected outage')) : store.write(fn, options),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

describe.each(STORE_KINDS)('delete plans on $name', (kind) => {
  let h: Harness;
  let me: CallerMeshApi;
  let other: CallerMeshApi;

  beforeEach(async () => {
    h = await openHarness(kind, { quotas: { virtualGatewaysPerMesh: 5 } });
    me = h.engine.forCaller(ME, { via: 'console' });
    other = h.engine.forCaller(OTHER);
    await me.createMesh({ meshName: 'm' });
    await me.createVirtualService({ meshName: 'm', virtualServiceName: 'svc', spec: {} });
    await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'gw', spec: gatewaySpec() });
    for (const name of ['r1', 'r2', 'r3']) {
      await me.createGatewayRoute({
        meshName: 'm',
        virtualGatewayName: 'gw',
        gatewayRouteName: name,
        spec: httpRouteSpec('svc', `/${name}/`),
      });
    }
  });
  afterEach(() => h?.cleanup());

  it('when a gateway has three routes, then the plan deletes them first and one run deletes all four', async () => {
    const plan = await planDelete(me, ME, GW);
    expect(plan.blocked).toBe(false);
    expect(plan.steps.map((s) => [s.resourceType, s.name, s.allowed])).toEqual([
      ['gatewayRoute', 'r1', true],
      ['gatewayRoute', 'r2', true],
      ['gatewayRoute', 'r3', true],
      ['virtualGateway', 'gw', true],
    ]);
    expect(plan.steps[0]?.arn).toBe(`arn:aws:appmesh:${REGION}:${ME}:mesh/m/virtualGateway/gw/gatewayRoute/r1`);
    const run = await runDeletePlan(
      me,
      ME,
      GW,
      plan.steps.map((s) => s.arn),
    );
    expect(run.done).toBe(true);
    expect(run.steps.map((s) => s.outcome)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
    expect((await me.listVirtualGateways({ meshName: 'm' })).virtualGateways).toEqual([]);
    // Each delete went through the usual path: the history ends with the deletion, via the console.
    const last = (await me.listResourceHistory(GW)).items[0];
    expect([last?.status, last?.by.via]).toEqual(['DELETED', 'console']);
  });

  it('when a step fails halfway, then the run stops, says what was and was not done, and a retry finishes it', async () => {
    // Write 1 is the new engine's check of the pagination secret; writes 2 and 3 delete r1 and r2.
    const flaky = createEngine({ store: failingOnWrite(h.store, 4), region: REGION }).forCaller(ME);
    const run = await runDeletePlan(flaky, ME, GW);
    expect(run.done).toBe(false);
    expect(run.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['r1', 'deleted'],
      ['r2', 'deleted'],
      ['r3', 'failed'],
      ['gw', 'not-run'],
    ]);
    expect(run.steps[2]?.error?.code).toBe('ServiceUnavailableException');
    expect((await me.listGatewayRoutes({ meshName: 'm', virtualGatewayName: 'gw' })).gatewayRoutes).toHaveLength(1);
    const retry = await runDeletePlan(flaky, ME, GW);
    expect(retry.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['r3', 'deleted'],
      ['gw', 'deleted'],
    ]);
    expect(retry.done).toBe(true);
  });

  it('when the plan changed since it was confirmed, then nothing is deleted', async () => {
    const plan = await planDelete(me, ME, GW);
    await me.createGatewayRoute({
      meshName: 'm',
      virtualGatewayName: 'gw',
      gatewayRouteName: 'r4',
      spec: httpRouteSpec('svc', '/r4/'),
    });
    const error = await appMeshError(
      runDeletePlan(
        me,
        ME,
        GW,
        plan.steps.map((s) => s.arn),
      ),
    );
    expect(error.name).toBe('ConflictException');
    expect(error.message).toMatch(/gateway route r4/);
    expect((await me.listGatewayRoutes({ meshName: 'm', virtualGatewayName: 'gw' })).gatewayRoutes).toHaveLength(4);
  });

  it('when a plan includes a resource owned by another account, then it is blocked and running it deletes nothing', async () => {
    // OTHER owns mesh `shared`, shared with ME; ME's virtual service there is the target of OTHER's route.
    await other.createMesh({ meshName: 'shared' });
    await h.engine.shareMesh(OTHER, 'shared', ME);
    const inShared = { meshName: 'shared', meshOwner: OTHER };
    await me.createVirtualService({ ...inShared, virtualServiceName: 'mine', spec: {} });
    await other.createVirtualGateway({ meshName: 'shared', virtualGatewayName: 'their-gw', spec: gatewaySpec() });
    await other.createGatewayRoute({
      meshName: 'shared',
      virtualGatewayName: 'their-gw',
      gatewayRouteName: 'to-mine',
      spec: httpRouteSpec('mine'),
    });
    const target = { resourceType: 'virtualService', ...inShared, virtualServiceName: 'mine' } as const;
    const plan = await planDelete(me, ME, target);
    expect(plan.blocked).toBe(true);
    expect(plan.steps.map((s) => [s.resourceType, s.name, s.allowed])).toEqual([
      ['gatewayRoute', 'to-mine', false],
      ['virtualService', 'mine', true],
    ]);
    expect(plan.steps[0]?.reason).toMatch(/owned by account 111122223333.*only the resource owner or the mesh owner/);
    const error = await appMeshError(runDeletePlan(me, ME, target));
    expect(error.name).toBe('ForbiddenException');
    expect(error.message).toMatch(/^Nothing was deleted/);
    expect((await me.describeVirtualService({ ...inShared, virtualServiceName: 'mine' })).virtualService).toBeDefined();
    expect(
      (await other.listGatewayRoutes({ meshName: 'shared', virtualGatewayName: 'their-gw' })).gatewayRoutes,
    ).toHaveLength(1);
    // The mesh owner may take every step of the same plan.
    const owners = await planDelete(other, OTHER, { ...target, meshOwner: undefined });
    expect(owners.blocked).toBe(false);
  });

  it('when a virtual service is targeted by routes on two gateways, then the plan deletes exactly those routes, then it', async () => {
    await me.createVirtualService({ meshName: 'm', virtualServiceName: 'other-svc', spec: {} });
    await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'gw2', spec: gatewaySpec() });
    const route = (virtualGatewayName: string, gatewayRouteName: string, service: string) =>
      me.createGatewayRoute({ meshName: 'm', virtualGatewayName, gatewayRouteName, spec: httpRouteSpec(service) });
    await route('gw2', 'a', 'svc');
    await route('gw2', 'b', 'other-svc');
    const target = { resourceType: 'virtualService', meshName: 'm', virtualServiceName: 'svc' } as const;
    const plan = await planDelete(me, ME, target);
    expect(plan.steps.map((s) => `${s.virtualGatewayName ?? ''}/${s.name}`)).toEqual([
      'gw/r1',
      'gw/r2',
      'gw/r3',
      'gw2/a',
      '/svc',
    ]);
    const run = await runDeletePlan(me, ME, target);
    expect(run.done).toBe(true);
    expect((await me.listVirtualServices({ meshName: 'm' })).virtualServices.map((s) => s.virtualServiceName)).toEqual([
      'other-svc',
    ]);
    expect((await me.listGatewayRoutes({ meshName: 'm', virtualGatewayName: 'gw2' })).gatewayRoutes).toHaveLength(1);
  });

  it('when a whole mesh is planned, then routes, gateways, services and the mesh go in that order', async () => {
    const target = { resourceType: 'mesh', meshName: 'm' } as const;
    const plan = await planDelete(me, ME, target);
    expect(plan.steps.map((s) => `${s.resourceType}:${s.name}`)).toEqual([
      'gatewayRoute:r1',
      'gatewayRoute:r2',
      'gatewayRoute:r3',
      'virtualGateway:gw',
      'virtualService:svc',
      'mesh:m',
    ]);
    expect((await runDeletePlan(me, ME, target)).done).toBe(true);
    expect((await me.listMeshes({})).meshes).toEqual([]);
  });

  it('when a mesh has nodes, a router with a route and services they provide, then each goes once nothing holds it and one run empties the mesh', async () => {
    const node = (hostname: string, backends: string[] = []) => ({
      listeners: [{ portMapping: { port: 8080, protocol: 'http' as const } }],
      serviceDiscovery: { dns: { hostname } },
      backends: backends.map((virtualServiceName) => ({ virtualService: { virtualServiceName } })),
    });
    // blue calls svc (a backend), so svc can only go after blue; blue.local (provided by blue) holds blue.
    await me.createVirtualNode({ meshName: 'm', virtualNodeName: 'blue', spec: node('blue.m.local', ['svc']) });
    await me.createVirtualNode({ meshName: 'm', virtualNodeName: 'green', spec: node('green.m.local') });
    await me.createVirtualRouter({
      meshName: 'm',
      virtualRouterName: 'router',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
    await me.createRoute({
      meshName: 'm',
      virtualRouterName: 'router',
      routeName: 'split',
      spec: {
        httpRoute: {
          match: { prefix: '/' },
          action: {
            weightedTargets: [
              { virtualNode: 'blue', weight: 80 },
              { virtualNode: 'green', weight: 20 },
            ],
          },
        },
      },
    });
    await me.createVirtualService({
      meshName: 'm',
      virtualServiceName: 'front.local',
      spec: { provider: { virtualRouter: { virtualRouterName: 'router' } } },
    });
    await me.createVirtualService({
      meshName: 'm',
      virtualServiceName: 'blue.local',
      spec: { provider: { virtualNode: { virtualNodeName: 'blue' } } },
    });
    const target = { resourceType: 'mesh', meshName: 'm' } as const;
    const plan = await planDelete(me, ME, target);
    expect(plan.steps.map((s) => `${s.resourceType}:${s.name}`)).toEqual([
      'gatewayRoute:r1',
      'gatewayRoute:r2',
      'gatewayRoute:r3',
      'virtualGateway:gw',
      'route:split',
      'virtualService:blue.local',
      'virtualService:front.local',
      'virtualNode:green',
      'virtualRouter:router',
      'virtualNode:blue',
      'virtualService:svc',
      'mesh:m',
    ]);
    expect(plan.steps.find((s) => s.resourceType === 'route')?.virtualRouterName).toBe('router');
    const run = await runDeletePlan(me, ME, target);
    expect(run.steps.filter((s) => s.outcome !== 'deleted')).toEqual([]);
    expect(run.done).toBe(true);
    expect((await me.listMeshes({})).meshes).toEqual([]);
  });

  it('when the target does not exist, then the plan is NotFoundException', async () => {
    const error = await appMeshError(planDelete(me, ME, { ...GW, virtualGatewayName: 'nope' }));
    expect(error.name).toBe('NotFoundException');
  });
});
