import type { MeshApi } from '@meshconsole/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineOptions } from './engine';
import { DEFAULT_QUOTAS } from './quotas';
import {
  appMeshError,
  gatewaySpec,
  type Harness,
  httpRouteSpec,
  ME,
  OTHER,
  openHarness,
  STORE_KINDS,
  STRANGER,
  T0,
} from './test-support/fixtures';

describe.each(STORE_KINDS)('engine on $name', (kind) => {
  let h: Harness;
  let me: MeshApi;
  let other: MeshApi;
  let stranger: MeshApi;

  beforeEach(async () => {
    h = await openHarness(kind);
    me = h.engine.forCaller(ME);
    other = h.engine.forCaller(OTHER);
    stranger = h.engine.forCaller(STRANGER);
  });
  afterEach(() => h?.cleanup());

  /** `OTHER` owns `shared` and shares it with `ME`; it holds OTHER's gateway `their-gw` and service `svc.shared`. */
  async function sharedMesh() {
    await other.createMesh({ meshName: 'shared' });
    await h.engine.shareMesh(OTHER, 'shared', ME);
    await other.createVirtualGateway({ meshName: 'shared', virtualGatewayName: 'their-gw', spec: gatewaySpec() });
    await other.createVirtualService({ meshName: 'shared', virtualServiceName: 'svc.shared', spec: {} });
  }

  /** OTHER's gateway in `shared`, as ME names it. */
  const THEIR_GW = { meshName: 'shared', meshOwner: OTHER, virtualGatewayName: 'their-gw' };
  /** The gateway route `r` on gateway `g` in mesh `m`. */
  const ROUTE_R = { meshName: 'm', virtualGatewayName: 'g', gatewayRouteName: 'r' };

  /** ME's mesh `m` with the virtual service `service`, the virtual gateway `gateway` and on it `routes` to that service. */
  async function meshWithRoutes(service: string, gateway: string, routes: string[] = []) {
    await me.createMesh({ meshName: 'm' });
    await me.createVirtualService({ meshName: 'm', virtualServiceName: service, spec: {} });
    await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: gateway, spec: gatewaySpec() });
    for (const gatewayRouteName of routes) {
      await me.createGatewayRoute({
        meshName: 'm',
        virtualGatewayName: gateway,
        gatewayRouteName,
        spec: httpRouteSpec(service),
      });
    }
  }

  /** Runs `body` on a second engine, over a store of its own, opened with `options`; closes it after. */
  async function withHarness(options: Partial<EngineOptions>, body: (h2: Harness) => Promise<void>) {
    const h2 = await openHarness(kind, options);
    try {
      await body(h2);
    } finally {
      await h2.cleanup();
    }
  }

  describe('metadata', () => {
    it('when a virtual gateway is created, then it carries the service metadata at version 1', async () => {
      await me.createMesh({ meshName: 'm1' });
      const { virtualGateway } = await me.createVirtualGateway({
        meshName: 'm1',
        virtualGatewayName: 'gw',
        spec: gatewaySpec(),
      });
      expect(virtualGateway).toMatchObject({
        meshName: 'm1',
        virtualGatewayName: 'gw',
        spec: gatewaySpec(),
        status: { status: 'ACTIVE' },
        metadata: {
          arn: `arn:aws:appmesh:us-west-2:${ME}:mesh/m1/virtualGateway/gw`,
          meshOwner: ME,
          resourceOwner: ME,
          version: 1,
          createdAt: T0 / 1000,
          lastUpdatedAt: T0 / 1000,
        },
      });
      expect(virtualGateway.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      const described = await me.describeVirtualGateway({ meshName: 'm1', virtualGatewayName: 'gw' });
      expect(described.virtualGateway).toEqual(virtualGateway);
    });

    it('when each kind is created, then its ARN follows the App Mesh format with the partition and region', () =>
      withHarness({ region: 'eu-west-1', partition: 'aws-cn' }, async (h2) => {
        const api = h2.engine.forCaller(ME);
        const mesh = await api.createMesh({ meshName: 'm' });
        const vs = await api.createVirtualService({ meshName: 'm', virtualServiceName: 'a.local', spec: {} });
        await api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec() });
        const gr = await api.createGatewayRoute({ ...ROUTE_R, spec: httpRouteSpec('a.local') });
        const prefix = `arn:aws-cn:appmesh:eu-west-1:${ME}:mesh/m`;
        expect(mesh.mesh.metadata.arn).toBe(prefix);
        expect(vs.virtualService.metadata.arn).toBe(`${prefix}/virtualService/a.local`);
        expect(gr.gatewayRoute.metadata.arn).toBe(`${prefix}/virtualGateway/g/gatewayRoute/r`);
        expect(mesh.mesh.spec).toEqual({});
      }));

    it('when a virtual gateway is updated twice, then the version rises by one each time and the spec is replaced', async () => {
      await me.createMesh({ meshName: 'm1' });
      const created = await me.createVirtualGateway({ meshName: 'm1', virtualGatewayName: 'gw', spec: gatewaySpec() });
      h.clock.advance(1500);
      const first = await me.updateVirtualGateway({
        meshName: 'm1',
        virtualGatewayName: 'gw',
        spec: gatewaySpec(9090),
      });
      h.clock.advance(1500);
      const second = await me.updateVirtualGateway({
        meshName: 'm1',
        virtualGatewayName: 'gw',
        spec: gatewaySpec(9091),
      });
      expect(first.virtualGateway.metadata.version).toBe(2);
      expect(second.virtualGateway.metadata).toMatchObject({
        version: 3,
        uid: created.virtualGateway.metadata.uid,
        createdAt: T0 / 1000,
        lastUpdatedAt: (T0 + 3000) / 1000,
      });
      expect(second.virtualGateway.spec).toEqual(gatewaySpec(9091));
    });

    it('when a virtual gateway is deleted, then the answer carries the next version with status DELETED and it is gone', async () => {
      await me.createMesh({ meshName: 'm1' });
      await me.createVirtualGateway({ meshName: 'm1', virtualGatewayName: 'gw', spec: gatewaySpec() });
      h.clock.advance(2000);
      const { virtualGateway } = await me.deleteVirtualGateway({ meshName: 'm1', virtualGatewayName: 'gw' });
      expect(virtualGateway.status.status).toBe('DELETED');
      expect(virtualGateway.metadata.version).toBe(2);
      expect(virtualGateway.metadata.lastUpdatedAt).toBe((T0 + 2000) / 1000);
      const error = await appMeshError(me.describeVirtualGateway({ meshName: 'm1', virtualGatewayName: 'gw' }));
      expect(error.name).toBe('NotFoundException');
      expect(error.message).toBe(`VirtualGateway with name gw is not present under mesh m1 for account ${ME}`);
    });

    it('when a mesh, a virtual service and a gateway route are deleted, then each answer is DELETED at the next version', async () => {
      await meshWithRoutes('s', 'g', ['r']);
      const route = await me.deleteGatewayRoute(ROUTE_R);
      await me.deleteVirtualGateway({ meshName: 'm', virtualGatewayName: 'g' });
      const service = await me.deleteVirtualService({ meshName: 'm', virtualServiceName: 's' });
      const mesh = await me.deleteMesh({ meshName: 'm' });
      for (const data of [route.gatewayRoute, service.virtualService, mesh.mesh]) {
        expect(data.status.status).toBe('DELETED');
        expect(data.metadata.version).toBe(2);
      }
      expect((await me.listMeshes({})).meshes).toEqual([]);
    });
  });

  describe('sharing', () => {
    it('when a mesh is shared with the caller, then listMeshes shows owned and shared meshes but not others', async () => {
      await me.createMesh({ meshName: 'mine' });
      await sharedMesh();
      await stranger.createMesh({ meshName: 'private' });
      const { meshes } = await me.listMeshes({});
      expect(meshes.map((m) => [m.meshName, m.meshOwner, m.resourceOwner])).toEqual([
        ['mine', ME, ME],
        ['shared', OTHER, OTHER],
      ]);
      expect((await stranger.listMeshes({})).meshes.map((m) => m.meshName)).toEqual(['private']);
    });

    it('when meshOwner names the sharing account, then the caller reads the shared mesh; without it, NotFound', async () => {
      await sharedMesh();
      const { virtualGateway } = await me.describeVirtualGateway(THEIR_GW);
      expect(virtualGateway.metadata).toMatchObject({ meshOwner: OTHER, resourceOwner: OTHER });
      const error = await appMeshError(
        me.describeVirtualGateway({ meshName: 'shared', virtualGatewayName: 'their-gw' }),
      );
      expect(error.name).toBe('NotFoundException');
    });

    it('when an account the mesh is not shared with asks for it, then NotFoundException', async () => {
      await sharedMesh();
      const error = await appMeshError(stranger.listVirtualGateways({ meshName: 'shared', meshOwner: OTHER }));
      expect(error.name).toBe('NotFoundException');
      expect(error.status).toBe(404);
      expect(error.message).toContain(STRANGER);
    });

    it('when the caller creates a virtual service in a shared mesh, then the caller is its resource owner', async () => {
      await sharedMesh();
      const { virtualService } = await me.createVirtualService({
        meshName: 'shared',
        meshOwner: OTHER,
        virtualServiceName: 'mine.shared',
        spec: {},
      });
      expect(virtualService.metadata).toMatchObject({
        meshOwner: OTHER,
        resourceOwner: ME,
        arn: `arn:aws:appmesh:us-west-2:${ME}:mesh/shared/virtualService/mine.shared`,
      });
      const listed = await other.listVirtualServices({ meshName: 'shared' });
      expect(listed.virtualServices.map((s) => [s.virtualServiceName, s.resourceOwner])).toEqual([
        ['mine.shared', ME],
        ['svc.shared', OTHER],
      ]);
    });

    it("when the caller updates or deletes the owner's gateway, then ForbiddenException names the owner", async () => {
      await sharedMesh();
      const update = await appMeshError(me.updateVirtualGateway({ ...THEIR_GW, spec: gatewaySpec(81) }));
      expect(update.name).toBe('ForbiddenException');
      expect(update.status).toBe(403);
      expect(update.message).toContain(`owned by account ${OTHER}`);
      const del = await appMeshError(me.deleteVirtualGateway(THEIR_GW));
      expect(del.name).toBe('ForbiddenException');
      expect(del.message).toContain(OTHER);
      const after = await me.describeVirtualGateway(THEIR_GW);
      expect(after.virtualGateway.metadata.version).toBe(1);
    });

    it("when the mesh owner acts on a consumer's resource, then it may delete it but not update it", async () => {
      await sharedMesh();
      await me.createVirtualService({
        meshName: 'shared',
        meshOwner: OTHER,
        virtualServiceName: 'mine.shared',
        spec: {},
      });
      const update = await appMeshError(
        other.updateVirtualService({ meshName: 'shared', virtualServiceName: 'mine.shared', spec: {} }),
      );
      expect(update.name).toBe('ForbiddenException');
      expect(update.message).toContain(`owned by account ${ME}`);
      const updatedByCreator = await me.updateVirtualService({
        meshName: 'shared',
        meshOwner: OTHER,
        virtualServiceName: 'mine.shared',
        spec: {},
      });
      expect(updatedByCreator.virtualService.metadata.version).toBe(2);
      const deleted = await other.deleteVirtualService({ meshName: 'shared', virtualServiceName: 'mine.shared' });
      expect(deleted.virtualService.status.status).toBe('DELETED');
    });

    it('when a consumer creates a virtual gateway or a route on the owner gateway, then ForbiddenException', async () => {
      await sharedMesh();
      const gateway = await appMeshError(
        me.createVirtualGateway({
          meshName: 'shared',
          meshOwner: OTHER,
          virtualGatewayName: 'my-gw',
          spec: gatewaySpec(),
        }),
      );
      expect(gateway.name).toBe('ForbiddenException');
      expect(gateway.message).toContain('only the mesh owner');
      const route = await appMeshError(
        me.createGatewayRoute({ ...THEIR_GW, gatewayRouteName: 'r', spec: httpRouteSpec('svc.shared') }),
      );
      expect(route.name).toBe('ForbiddenException');
      expect((await me.listVirtualGateways({ meshName: 'shared', meshOwner: OTHER })).virtualGateways).toHaveLength(1);
    });

    it('when a mesh that does not exist is shared, then NotFoundException', async () => {
      await expect(h.engine.shareMesh(OTHER, 'nope', ME)).rejects.toThrow(/not present/);
    });

    it('when the caller names its own mesh with meshOwner, then that works like no meshOwner', async () => {
      await me.createMesh({ meshName: 'm' });
      const { mesh } = await me.describeMesh({ meshName: 'm', meshOwner: ME });
      expect(mesh.metadata.meshOwner).toBe(ME);
    });

    it("when a consumer tries to update or delete the owner's mesh, then NotFound (those operations take no meshOwner)", async () => {
      await sharedMesh();
      expect((await appMeshError(me.deleteMesh({ meshName: 'shared' }))).name).toBe('NotFoundException');
      expect((await appMeshError(me.updateMesh({ meshName: 'shared', spec: {} }))).name).toBe('NotFoundException');
    });
  });

  describe('in use', () => {
    it('when a gateway with routes is deleted, then ResourceInUseException names the routes and nothing changes', async () => {
      await meshWithRoutes('svc', 'gw', ['route-b', 'route-a']);
      const error = await appMeshError(me.deleteVirtualGateway({ meshName: 'm', virtualGatewayName: 'gw' }));
      expect(error.name).toBe('ResourceInUseException');
      expect(error.status).toBe(409);
      expect(error.message).toContain('[route-a, route-b]');
      expect(
        (await me.describeVirtualGateway({ meshName: 'm', virtualGatewayName: 'gw' })).virtualGateway.metadata.version,
      ).toBe(1);
    });

    it('when a virtual service targeted by a gateway route is deleted, then ResourceInUseException names the route', async () => {
      await meshWithRoutes('svc', 'gw', ['r1']);
      const error = await appMeshError(me.deleteVirtualService({ meshName: 'm', virtualServiceName: 'svc' }));
      expect(error.name).toBe('ResourceInUseException');
      expect(error.message).toBe('VirtualService svc is being referenced in the following: GATEWAY_ROUTE: [gw/r1]');
      // Once the route points elsewhere, the service can go.
      await me.createVirtualService({ meshName: 'm', virtualServiceName: 'svc2', spec: {} });
      await me.updateGatewayRoute({
        meshName: 'm',
        virtualGatewayName: 'gw',
        gatewayRouteName: 'r1',
        spec: httpRouteSpec('svc2'),
      });
      await expect(me.deleteVirtualService({ meshName: 'm', virtualServiceName: 'svc' })).resolves.toBeDefined();
    });

    it('when a mesh that still holds resources is deleted, then ResourceInUseException says which kinds', async () => {
      await meshWithRoutes('svc', 'gw');
      const error = await appMeshError(me.deleteMesh({ meshName: 'm' }));
      expect(error.name).toBe('ResourceInUseException');
      expect(error.message).toBe(
        `Mesh m for account ${ME} has active VirtualGateways and VirtualServices, please delete VirtualGateways and VirtualServices before deleting the Mesh`,
      );
    });
  });

  describe('conflicts and idempotency', () => {
    it('when a name is taken, then ConflictException for meshes, services, gateways and routes', async () => {
      await meshWithRoutes('s', 'g', ['r']);
      const errors = await Promise.all([
        appMeshError(me.createMesh({ meshName: 'm' })),
        appMeshError(me.createVirtualService({ meshName: 'm', virtualServiceName: 's', spec: {} })),
        appMeshError(me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec(1) })),
        appMeshError(me.createGatewayRoute({ ...ROUTE_R, spec: httpRouteSpec('s') })),
      ]);
      expect(errors.map((e) => e.name)).toEqual(Array(4).fill('ConflictException'));
      expect(errors[2]?.message).toBe('VirtualGateway with name g already exists in mesh m.');
      expect(errors[2]?.fieldErrors).toHaveProperty('virtualGatewayName');
    });

    it('when two accounts use the same mesh name, then both succeed (names are unique per account)', async () => {
      await me.createMesh({ meshName: 'm' });
      await expect(other.createMesh({ meshName: 'm' })).resolves.toBeDefined();
    });

    it('when the same clientToken comes with the same request, then the first result returns and nothing is created', async () => {
      await me.createMesh({ meshName: 'm' });
      const input = { meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec(), clientToken: 'token-1' };
      const first = await me.createVirtualGateway(input);
      h.clock.advance(5000);
      const again = await me.createVirtualGateway({ ...input });
      expect(again).toEqual(first);
      expect((await me.listVirtualGateways({ meshName: 'm' })).virtualGateways).toHaveLength(1);
    });

    it('when a clientToken is reused with a different request, then ConflictException and nothing is created', async () => {
      await me.createMesh({ meshName: 'm' });
      await me.createVirtualGateway({
        meshName: 'm',
        virtualGatewayName: 'g',
        spec: gatewaySpec(),
        clientToken: 'tok',
      });
      const error = await appMeshError(
        me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g2', spec: gatewaySpec(), clientToken: 'tok' }),
      );
      expect(error.name).toBe('ConflictException');
      expect(error.message).toContain('tok');
      expect(
        (await me.listVirtualGateways({ meshName: 'm' })).virtualGateways.map((g) => g.virtualGatewayName),
      ).toEqual(['g']);
    });

    it('when an update is retried with its clientToken, then the version rises only once', async () => {
      await me.createMesh({ meshName: 'm' });
      await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec() });
      const input = { meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec(81), clientToken: 'upd-1' };
      const first = await me.updateVirtualGateway(input);
      const retry = await me.updateVirtualGateway(input);
      expect(retry.virtualGateway.metadata.version).toBe(2);
      expect(first).toEqual(retry);
      const described = await me.describeVirtualGateway({ meshName: 'm', virtualGatewayName: 'g' });
      expect(described.virtualGateway.metadata.version).toBe(2);
    });

    it('when another account uses the same clientToken, then it is a separate request', async () => {
      await me.createMesh({ meshName: 'm', clientToken: 'shared-token' });
      const theirs = await other.createMesh({ meshName: 'm', clientToken: 'shared-token' });
      expect(theirs.mesh.metadata.meshOwner).toBe(OTHER);
    });

    it('when a clientToken is older than a day, then it is forgotten', async () => {
      await me.createMesh({ meshName: 'm', clientToken: 'old' });
      h.clock.advance(25 * 60 * 60 * 1000);
      await expect(me.createMesh({ meshName: 'm2', clientToken: 'old' })).resolves.toBeDefined();
    });
  });

  describe('not found', () => {
    it('when the mesh is missing, then NotFoundException for every mesh-scoped call', async () => {
      const errors = await Promise.all([
        appMeshError(me.describeMesh({ meshName: 'nope' })),
        appMeshError(me.listVirtualGateways({ meshName: 'nope' })),
        appMeshError(me.createVirtualGateway({ meshName: 'nope', virtualGatewayName: 'g', spec: gatewaySpec() })),
        appMeshError(me.deleteMesh({ meshName: 'nope' })),
      ]);
      expect(errors.map((e) => e.name)).toEqual(Array(4).fill('NotFoundException'));
      expect(errors[0]?.message).toBe(`Mesh with name nope is not present for account ${ME}`);
    });

    it('when a gateway route names a missing gateway or virtual service, then NotFoundException on the right field', async () => {
      await me.createMesh({ meshName: 'm' });
      const noGateway = await appMeshError(me.createGatewayRoute({ ...ROUTE_R, spec: httpRouteSpec('s') }));
      expect(noGateway.message).toBe(`VirtualGateway with name g is not present under mesh m for account ${ME}`);
      await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec() });
      const noTarget = await appMeshError(me.createGatewayRoute({ ...ROUTE_R, spec: httpRouteSpec('ghost') }));
      expect(noTarget.name).toBe('NotFoundException');
      expect(noTarget.fieldErrors).toHaveProperty(['spec.httpRoute.action.target.virtualService.virtualServiceName']);
      expect((await me.listGatewayRoutes({ meshName: 'm', virtualGatewayName: 'g' })).gatewayRoutes).toEqual([]);
    });

    it('when a gateway route is updated to a missing target, then NotFoundException and the route is unchanged', async () => {
      await meshWithRoutes('s', 'g', ['r']);
      const error = await appMeshError(me.updateGatewayRoute({ ...ROUTE_R, spec: httpRouteSpec('ghost') }));
      expect(error.name).toBe('NotFoundException');
      const { gatewayRoute } = await me.describeGatewayRoute(ROUTE_R);
      expect(gatewayRoute.metadata.version).toBe(1);
    });
  });

  describe('quotas', () => {
    it('when the default quota of 3 virtual gateways per mesh is reached, then LimitExceededException', async () => {
      expect(DEFAULT_QUOTAS).toEqual({
        meshesPerAccount: 15,
        virtualGatewaysPerMesh: 3,
        gatewayRoutesPerVirtualGateway: 10,
        virtualServicesPerMesh: 200,
        virtualNodesPerMesh: 200,
        virtualRoutersPerMesh: 200,
        routesPerVirtualRouter: 50,
        backendsPerVirtualNode: 50,
        tagsPerResource: 50,
      });
      await me.createMesh({ meshName: 'm' });
      for (const name of ['g1', 'g2', 'g3']) {
        await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: name, spec: gatewaySpec() });
      }
      const error = await appMeshError(
        me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g4', spec: gatewaySpec() }),
      );
      expect(error.name).toBe('LimitExceededException');
      expect(error.status).toBe(400);
      expect(error.message).toContain('3 virtual gateways');
      // Freeing a slot lets the next one in.
      await me.deleteVirtualGateway({ meshName: 'm', virtualGatewayName: 'g1' });
      await expect(
        me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g4', spec: gatewaySpec() }),
      ).resolves.toBeDefined();
    });

    it('when 10 gateway routes exist on a gateway, then the 11th is refused', async () => {
      await meshWithRoutes('s', 'g');
      for (let i = 0; i < 10; i++) {
        await me.createGatewayRoute({ ...ROUTE_R, gatewayRouteName: `r${i}`, spec: httpRouteSpec('s', `/p${i}/`) });
      }
      const error = await appMeshError(
        me.createGatewayRoute({ ...ROUTE_R, gatewayRouteName: 'r10', spec: httpRouteSpec('s') }),
      );
      expect(error.name).toBe('LimitExceededException');
    });

    it('when 15 meshes are owned, then the 16th is refused, while shared meshes do not count', async () => {
      await sharedMesh();
      for (let i = 0; i < 15; i++) await me.createMesh({ meshName: `m${i}` });
      expect((await appMeshError(me.createMesh({ meshName: 'm15' }))).name).toBe('LimitExceededException');
    });

    it('when quotas are configured, then the configured figures apply', () =>
      withHarness({ quotas: { virtualServicesPerMesh: 2, virtualGatewaysPerMesh: 5 } }, async (h2) => {
        const api = h2.engine.forCaller(ME);
        await api.createMesh({ meshName: 'm' });
        await api.createVirtualService({ meshName: 'm', virtualServiceName: 'a', spec: {} });
        await api.createVirtualService({ meshName: 'm', virtualServiceName: 'b', spec: {} });
        expect(
          (await appMeshError(api.createVirtualService({ meshName: 'm', virtualServiceName: 'c', spec: {} }))).name,
        ).toBe('LimitExceededException');
        for (let i = 0; i < 5; i++) {
          await api.createVirtualGateway({ meshName: 'm', virtualGatewayName: `g${i}`, spec: gatewaySpec() });
        }
        expect((await api.listVirtualGateways({ meshName: 'm' })).virtualGateways).toHaveLength(5);
      }));

    it('when a quota is not a whole number, then the engine refuses to start', async () => {
      await expect(openHarness(kind, { quotas: { virtualGatewaysPerMesh: -1 } })).rejects.toThrow(
        /virtualGatewaysPerMesh/,
      );
    });
  });

  describe('tags', () => {
    it('when tags are added, listed and removed, then the list reflects each change in key order', async () => {
      const { mesh } = await me.createMesh({ meshName: 'm', tags: [{ key: 'team', value: 'a' }] });
      const resourceArn = mesh.metadata.arn;
      await me.tagResource({
        resourceArn,
        tags: [
          { key: 'env', value: 'prod' },
          { key: 'team', value: 'b' },
        ],
      });
      expect((await me.listTagsForResource({ resourceArn })).tags).toEqual([
        { key: 'env', value: 'prod' },
        { key: 'team', value: 'b' },
      ]);
      await me.untagResource({ resourceArn, tagKeys: ['team', 'absent'] });
      expect((await me.listTagsForResource({ resourceArn })).tags).toEqual([{ key: 'env', value: 'prod' }]);
    });

    it('when a resource is deleted and created again, then its old tags are gone', async () => {
      await me.createMesh({ meshName: 'm' });
      const { virtualGateway } = await me.createVirtualGateway({
        meshName: 'm',
        virtualGatewayName: 'g',
        spec: gatewaySpec(),
        tags: [{ key: 'k', value: 'v' }],
      });
      await me.deleteVirtualGateway({ meshName: 'm', virtualGatewayName: 'g' });
      const error = await appMeshError(me.listTagsForResource({ resourceArn: virtualGateway.metadata.arn }));
      expect(error.name).toBe('NotFoundException');
      await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec: gatewaySpec() });
      expect((await me.listTagsForResource({ resourceArn: virtualGateway.metadata.arn })).tags).toEqual([]);
    });

    it('when tagging would pass 50 tags, then TooManyTagsException and none of the tags are applied', async () => {
      const tags = Array.from({ length: 45 }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, value: 'v' }));
      const { mesh } = await me.createMesh({ meshName: 'm', tags });
      const resourceArn = mesh.metadata.arn;
      const more = Array.from({ length: 6 }, (_, i) => ({ key: `new${i}`, value: 'v' }));
      const error = await appMeshError(me.tagResource({ resourceArn, tags: more }));
      expect(error.name).toBe('TooManyTagsException');
      expect(error.message).toContain('None of the tags in this request were applied');
      expect((await me.listTagsForResource({ resourceArn })).tags).toHaveLength(45);
      // Overwriting existing keys does not count twice.
      await me.tagResource({ resourceArn, tags: [...more.slice(0, 5), { key: 'k00', value: 'changed' }] });
      const page = await me.listTagsForResource({ resourceArn, limit: 50 });
      expect(page.tags).toHaveLength(50);
      expect(page.tags.find((t) => t.key === 'k00')?.value).toBe('changed');
    });

    it('when tags are listed with a limit, then pages follow each other', async () => {
      const tags = Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
      const { mesh } = await me.createMesh({ meshName: 'm', tags });
      const first = await me.listTagsForResource({ resourceArn: mesh.metadata.arn, limit: 5 });
      expect(first.tags).toHaveLength(5);
      const second = await me.listTagsForResource({
        resourceArn: mesh.metadata.arn,
        limit: 5,
        nextToken: first.nextToken,
      });
      expect(second.tags.map((t) => t.key)).toEqual(['k5', 'k6']);
      expect(second.nextToken).toBeUndefined();
    });

    it("when a consumer tags the owner's resource, then ForbiddenException; unknown ARN NotFound; not an ARN BadRequest", async () => {
      await sharedMesh();
      const { virtualGateway } = await me.describeVirtualGateway(THEIR_GW);
      const forbidden = await appMeshError(
        me.tagResource({ resourceArn: virtualGateway.metadata.arn, tags: [{ key: 'a', value: 'b' }] }),
      );
      expect(forbidden.name).toBe('ForbiddenException');
      expect(forbidden.message).toContain(OTHER);
      const hidden = await appMeshError(stranger.listTagsForResource({ resourceArn: virtualGateway.metadata.arn }));
      expect(hidden.name).toBe('NotFoundException');
      const missing = await appMeshError(
        me.listTagsForResource({ resourceArn: `arn:aws:appmesh:us-west-2:${ME}:mesh/ghost` }),
      );
      expect(missing.name).toBe('NotFoundException');
      const malformed = await appMeshError(me.listTagsForResource({ resourceArn: 'arn:aws:s3:::bucket' }));
      expect(malformed.name).toBe('BadRequestException');
      expect(malformed.fieldErrors).toHaveProperty('resourceArn');
    });
  });

  describe('pagination', () => {
    /** Runs `body` on a second engine whose mesh `m` holds `count` gateways `gw-000`, `gw-001`, … */
    function withGateways(count: number, body: (caller: MeshApi, h2: Harness) => Promise<void>) {
      return withHarness({ quotas: { virtualGatewaysPerMesh: 1000 } }, async (h2) => {
        const caller = h2.engine.forCaller(ME);
        await caller.createMesh({ meshName: 'm' });
        for (let i = 0; i < count; i++) {
          await caller.createVirtualGateway({
            meshName: 'm',
            virtualGatewayName: `gw-${String(i).padStart(3, '0')}`,
            spec: gatewaySpec(),
          });
        }
        await body(caller, h2);
      });
    }

    async function drain(caller: MeshApi, limit: number, between?: (page: number) => Promise<void>) {
      const names: string[] = [];
      let nextToken: string | undefined;
      let page = 0;
      do {
        const result = await caller.listVirtualGateways({ meshName: 'm', limit, nextToken });
        expect(result.virtualGateways.length).toBeLessThanOrEqual(limit);
        names.push(...result.virtualGateways.map((g) => g.virtualGatewayName));
        nextToken = result.nextToken;
        page++;
        if (nextToken && between) await between(page);
      } while (nextToken);
      return { names, pages: page };
    }

    it('when 25 gateways are listed 10 at a time, then 3 pages return each once in name order and the last has no token', () =>
      withGateways(25, async (caller) => {
        const { names, pages } = await drain(caller, 10);
        expect(pages).toBe(3);
        expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `gw-${String(i).padStart(3, '0')}`));
        const exact = await caller.listVirtualGateways({ meshName: 'm', limit: 25 });
        expect(exact.nextToken).toBeUndefined();
      }));

    it('when gateways are added and removed between pages, then every gateway present throughout appears exactly once, in order', () =>
      withGateways(30, async (caller) => {
        const removed = new Set<string>();
        const { names } = await drain(caller, 7, async (page) => {
          // Insert before and after the cursor; delete one gateway already seen and one not yet seen.
          await caller.createVirtualGateway({ meshName: 'm', virtualGatewayName: `gw-${page}a`, spec: gatewaySpec() });
          await caller.createVirtualGateway({ meshName: 'm', virtualGatewayName: `a-${page}`, spec: gatewaySpec() });
          await caller.deleteVirtualGateway({
            meshName: 'm',
            virtualGatewayName: `gw-${String(page - 1).padStart(3, '0')}`,
          });
          const unseen = `gw-${String(30 - page).padStart(3, '0')}`;
          if (page <= 3) {
            await caller.deleteVirtualGateway({ meshName: 'm', virtualGatewayName: unseen });
            removed.add(unseen);
          }
        });
        const deletedAfterSeen = (n: string) => /^gw-00[0-3]$/.test(n);
        const stable = Array.from({ length: 30 }, (_, i) => `gw-${String(i).padStart(3, '0')}`).filter(
          (n) => !removed.has(n) && !deletedAfterSeen(n),
        );
        expect(names.filter((n) => stable.includes(n))).toEqual(stable);
        expect(new Set(names).size).toBe(names.length);
        expect([...names].sort()).toEqual(names);
        expect(names.some((n) => removed.has(n))).toBe(false);
      }));

    it('when limit is outside 1..100, then BadRequestException on the limit field', async () => {
      await me.createMesh({ meshName: 'm' });
      for (const limit of [0, 101, 1.5]) {
        const error = await appMeshError(me.listVirtualGateways({ meshName: 'm', limit }));
        expect(error.name).toBe('BadRequestException');
        expect(error.fieldErrors).toHaveProperty('limit');
      }
    });

    it('when a nextToken is forged, foreign, stale or garbage, then BadRequestException and no crash', () =>
      withGateways(5, async (caller, h2) => {
        const { nextToken } = await caller.listVirtualGateways({ meshName: 'm', limit: 2 });
        expect(nextToken).toBeTypeOf('string');
        const token = nextToken!;
        const [body, signature] = token.split('.') as [string, string];
        const decoded = JSON.parse(Buffer.from(body, 'base64url').toString());
        const tampered = `${Buffer.from(JSON.stringify({ ...decoded, a: ['zzz'] })).toString('base64url')}.${signature}`;
        await caller.createVirtualService({ meshName: 'm', virtualServiceName: 'svc', spec: {} });
        const candidates: (() => Promise<unknown>)[] = [
          () => caller.listVirtualGateways({ meshName: 'm', nextToken: tampered }),
          () => caller.listVirtualGateways({ meshName: 'm', nextToken: 'not-a-token' }),
          () => caller.listVirtualGateways({ meshName: 'm', nextToken: `${token}x` }),
          () => caller.listVirtualGateways({ meshName: 'm', nextToken: '..' }),
          () => caller.listVirtualServices({ meshName: 'm', nextToken: token }),
          () => caller.listMeshes({ nextToken: token }),
        ];
        for (const candidate of candidates) {
          const error = await appMeshError(candidate());
          expect(error.name).toBe('BadRequestException');
          expect(error.fieldErrors).toHaveProperty('nextToken');
        }
        h2.clock.advance(25 * 60 * 60 * 1000);
        const stale = await appMeshError(caller.listVirtualGateways({ meshName: 'm', nextToken: token }));
        expect(stale.name).toBe('BadRequestException');
        expect(stale.message).toContain('expired');
      }));

    it('when the store is reset, then tokens issued before are refused', async () => {
      await me.createMesh({ meshName: 'a' });
      await me.createMesh({ meshName: 'b' });
      const { nextToken } = await me.listMeshes({ limit: 1 });
      await h.engine.reset('none', ME);
      await me.createMesh({ meshName: 'a' });
      await me.createMesh({ meshName: 'b' });
      expect((await appMeshError(me.listMeshes({ limit: 1, nextToken }))).name).toBe('BadRequestException');
    });

    it('when meshes of several owners share a name, then listMeshes pages through all of them', async () => {
      await me.createMesh({ meshName: 'same' });
      await other.createMesh({ meshName: 'same' });
      await h.engine.shareMesh(OTHER, 'same', ME);
      await stranger.createMesh({ meshName: 'same' });
      await h.engine.shareMesh(STRANGER, 'same', ME);
      const seen: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await me.listMeshes({ limit: 1, nextToken });
        seen.push(...page.meshes.map((m) => `${m.meshName}@${m.meshOwner}`));
        nextToken = page.nextToken;
      } while (nextToken);
      expect(seen).toEqual([`same@${OTHER}`, `same@${ME}`, `same@${STRANGER}`]);
    });
  });

  describe('validation', () => {
    it('when the spec breaks a model rule, then BadRequestException with the field error, and nothing is stored', async () => {
      await me.createMesh({ meshName: 'm' });
      const error = await appMeshError(
        me.createVirtualGateway({
          meshName: 'm',
          virtualGatewayName: 'g',
          spec: { listeners: [{ portMapping: { port: 70000, protocol: 'http' } }] },
        }),
      );
      expect(error.name).toBe('BadRequestException');
      expect(Object.keys(error.fieldErrors ?? {})).toContain('spec.listeners.0.portMapping.port');
      expect((await me.listVirtualGateways({ meshName: 'm' })).virtualGateways).toEqual([]);
    });

    it('when a client policy leaves Enforce TLS out, then the service stores and describes its default, true', async () => {
      await me.createMesh({ meshName: 'm' });
      const tls = { validation: { trust: { file: { certificateChain: '/ca.pem' } } } };
      const spec = { ...gatewaySpec(), backendDefaults: { clientPolicy: { tls } } };
      const created = await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec });
      expect(created.virtualGateway.spec.backendDefaults?.clientPolicy?.tls).toEqual({ enforce: true, ...tls });
      const updated = await me.updateVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec });
      expect(updated.virtualGateway.spec.backendDefaults?.clientPolicy?.tls?.enforce).toBe(true);
      const off = { ...spec, backendDefaults: { clientPolicy: { tls: { ...tls, enforce: false } } } };
      await me.updateVirtualGateway({ meshName: 'm', virtualGatewayName: 'g', spec: off });
      const described = await me.describeVirtualGateway({ meshName: 'm', virtualGatewayName: 'g' });
      expect(described.virtualGateway.spec.backendDefaults?.clientPolicy?.tls?.enforce).toBe(false);
    });

    it('when a name contains a slash or the input is not an object, then BadRequestException', async () => {
      expect((await appMeshError(me.createMesh({ meshName: 'a/b' }))).name).toBe('BadRequestException');
      expect((await appMeshError(me.describeMesh(null as never))).name).toBe('BadRequestException');
    });
  });

  describe('concurrent requests in one process', () => {
    it('when 8 creates of one name run at once, then exactly one succeeds and 7 get ConflictException', async () => {
      await me.createMesh({ meshName: 'm' });
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'contended', spec: gatewaySpec(8000 + i) }).then(
            () => 'created',
            (error: { name?: string }) => error.name,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'ConflictException')).toHaveLength(7);
      expect((await me.listVirtualGateways({ meshName: 'm' })).virtualGateways).toHaveLength(1);
    });

    it('when 10 updates of one gateway run at once, then the versions are exactly 2..11', async () => {
      await me.createMesh({ meshName: 'm' });
      await me.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'hot', spec: gatewaySpec() });
      const versions = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          me
            .updateVirtualGateway({ meshName: 'm', virtualGatewayName: 'hot', spec: gatewaySpec(9000 + i) })
            .then((out) => out.virtualGateway.metadata.version),
        ),
      );
      expect(versions.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    });

    it('when creates race for the last places under a quota, then the quota holds', async () => {
      await me.createMesh({ meshName: 'm' });
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          me.createVirtualGateway({ meshName: 'm', virtualGatewayName: `g${i}`, spec: gatewaySpec() }).then(
            () => 'created',
            (error: { name?: string }) => error.name,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(DEFAULT_QUOTAS.virtualGatewaysPerMesh);
      expect(outcomes.filter((o) => o === 'LimitExceededException')).toHaveLength(
        6 - DEFAULT_QUOTAS.virtualGatewaysPerMesh,
      );
      expect((await me.listVirtualGateways({ meshName: 'm' })).virtualGateways).toHaveLength(
        DEFAULT_QUOTAS.virtualGatewaysPerMesh,
      );
    });

    it('when one clientToken is used by several requests at once, then the resource is made once', async () => {
      await me.createMesh({ meshName: 'm' });
      const request = { meshName: 'm', virtualGatewayName: 'once', spec: gatewaySpec(), clientToken: 'tok-1' };
      const answers = await Promise.all(Array.from({ length: 5 }, () => me.createVirtualGateway(request)));
      expect(new Set(answers.map((a) => a.virtualGateway.metadata.uid)).size).toBe(1);
      expect((await me.listVirtualGateways({ meshName: 'm' })).virtualGateways).toHaveLength(1);
    });
  });

  describe('lifecycle', () => {
    it('when reset with none, then everything is gone; with demo, the demo data is back', async () => {
      await me.createMesh({ meshName: 'm' });
      expect(await h.engine.isEmpty()).toBe(false);
      await h.engine.reset('none', ME);
      expect(await h.engine.isEmpty()).toBe(true);
      expect((await me.listMeshes({})).meshes).toEqual([]);
      await h.engine.reset('demo', ME);
      expect((await me.listMeshes({})).meshes.map((m) => m.meshName)).toEqual(['demo-mesh', 'partner-mesh']);
      expect(await h.engine.ping()).toBe(true);
    });

    it('when the engine is closed, then ping answers false', async () => {
      await h.engine.close();
      expect(await h.engine.ping()).toBe(false);
    });

    it('when the caller account is not 12 digits, then forCaller refuses it', () => {
      expect(() => h.engine.forCaller('abc')).toThrow(/12 digits/);
    });
  });
});
