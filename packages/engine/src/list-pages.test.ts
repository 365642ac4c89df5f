// `MeshApiPages`: a list page with full records must be exactly the list followed by a describe of
// each listed item, on the same data, for every kind, including shared meshes and tokens across pages.
import { AppMeshError, hasMeshApiPages, type MeshApi, type MeshApiPages, type Page } from '@meshconsole/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
} from './test-support/fixtures';

type Api = MeshApi & MeshApiPages;

interface Paging {
  limit?: number;
  nextToken?: string | undefined;
}

/** The console's old way: the list operation, then one describe per listed item. */
const listThenDescribe = {
  meshes: async (api: MeshApi, paging: Paging) => {
    const out = await api.listMeshes(paging);
    const items = await Promise.all(
      out.meshes.map(
        async (ref) => (await api.describeMesh({ meshName: ref.meshName, meshOwner: ref.meshOwner })).mesh,
      ),
    );
    return { items, nextToken: out.nextToken ?? undefined };
  },
  virtualServices: async (api: MeshApi, place: { meshName: string; meshOwner?: string }, paging: Paging) => {
    const out = await api.listVirtualServices({ ...place, ...paging });
    const items = await Promise.all(
      out.virtualServices.map(
        async (ref) =>
          (
            await api.describeVirtualService({
              meshName: ref.meshName,
              virtualServiceName: ref.virtualServiceName,
              meshOwner: ref.meshOwner,
            })
          ).virtualService,
      ),
    );
    return { items, nextToken: out.nextToken ?? undefined };
  },
  virtualGateways: async (api: MeshApi, place: { meshName: string; meshOwner?: string }, paging: Paging) => {
    const out = await api.listVirtualGateways({ ...place, ...paging });
    const items = await Promise.all(
      out.virtualGateways.map(
        async (ref) =>
          (
            await api.describeVirtualGateway({
              meshName: ref.meshName,
              virtualGatewayName: ref.virtualGatewayName,
              meshOwner: ref.meshOwner,
            })
          ).virtualGateway,
      ),
    );
    return { items, nextToken: out.nextToken ?? undefined };
  },
  gatewayRoutes: async (
    api: MeshApi,
    place: { meshName: string; virtualGatewayName: string; meshOwner?: string },
    paging: Paging,
  ) => {
    const out = await api.listGatewayRoutes({ ...place, ...paging });
    const items = await Promise.all(
      out.gatewayRoutes.map(
        async (ref) =>
          (
            await api.describeGatewayRoute({
              meshName: ref.meshName,
              virtualGatewayName: ref.virtualGatewayName,
              gatewayRouteName: ref.gatewayRouteName,
              meshOwner: ref.meshOwner,
            })
          ).gatewayRoute,
      ),
    );
    return { items, nextToken: out.nextToken ?? undefined };
  },
};

/** Every page of a paged read, following nextToken; each page's items and whether it had a token. */
async function drain<T>(read: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let nextToken: string | undefined;
  do {
    const page = await read(nextToken);
    pages.push(page.items);
    nextToken = page.nextToken;
    if (pages.length > 50) throw new Error('paging did not end');
  } while (nextToken);
  return pages;
}

describe.each(STORE_KINDS)('list pages with full records on $name', (kind) => {
  let h: Harness;
  let me: Api;
  let other: Api;
  let stranger: Api;

  beforeEach(async () => {
    h = await openHarness(kind, { quotas: { virtualGatewaysPerMesh: 50, meshesPerAccount: 50 } });
    me = h.engine.forCaller(ME);
    other = h.engine.forCaller(OTHER);
    stranger = h.engine.forCaller(STRANGER);
    // ME owns `mine` (5 gateways, 4 services, 3 routes on gw-1, tags on one gateway) and meshes a..c;
    // OTHER owns `shared` (shared with ME: OTHER's gateway and service, ME's service) and `hidden`.
    await me.createMesh({ meshName: 'mine', spec: { egressFilter: { type: 'ALLOW_ALL' } } });
    for (const name of ['a-mesh', 'c-mesh', 'z-mesh']) await me.createMesh({ meshName: name });
    for (let i = 1; i <= 4; i++) {
      await me.createVirtualService({ meshName: 'mine', virtualServiceName: `svc-${i}.local`, spec: {} });
    }
    for (let i = 5; i >= 1; i--) {
      await me.createVirtualGateway({
        meshName: 'mine',
        virtualGatewayName: `gw-${i}`,
        spec: gatewaySpec(8080 + i),
        ...(i === 3 ? { tags: [{ key: 'team', value: 'edge' }] } : {}),
      });
      h.clock.advance(1500);
    }
    for (const route of ['r-b', 'r-a', 'r-c']) {
      await me.createGatewayRoute({
        meshName: 'mine',
        virtualGatewayName: 'gw-1',
        gatewayRouteName: route,
        spec: httpRouteSpec('svc-1.local', `/${route}`),
      });
    }
    await me.updateVirtualGateway({ meshName: 'mine', virtualGatewayName: 'gw-2', spec: gatewaySpec(9090) });
    await other.createMesh({ meshName: 'shared' });
    await other.createMesh({ meshName: 'mine' }); // same name as ME's, owned by OTHER, not shared
    await other.createMesh({ meshName: 'b-hidden' });
    await h.engine.shareMesh(OTHER, 'shared', ME);
    await other.createVirtualGateway({ meshName: 'shared', virtualGatewayName: 'their-gw', spec: gatewaySpec() });
    await other.createVirtualService({ meshName: 'shared', virtualServiceName: 'svc.theirs', spec: {} });
    await me.createVirtualService({
      meshName: 'shared',
      meshOwner: OTHER,
      virtualServiceName: 'svc.mine-in-shared',
      spec: {},
    });
  });
  afterEach(() => h?.cleanup());

  it('when the engine answers for a caller, then it offers the pages capability', () => {
    expect(hasMeshApiPages(me)).toBe(true);
  });

  it.each([1, 2, 3, 100])(
    'when meshes are paged %i at a time, then each page equals list + describe, owned and shared, in (name, owner) order',
    async (limit) => {
      const pages = await drain((nextToken) => me.listMeshPage({ limit, nextToken }));
      const expected = await drain((nextToken) => listThenDescribe.meshes(me, { limit, nextToken }));
      expect(pages).toEqual(expected);
      expect(pages.flat().map((m) => `${m.meshName}@${m.metadata.meshOwner}`)).toEqual([
        `a-mesh@${ME}`,
        `c-mesh@${ME}`,
        `mine@${ME}`,
        `shared@${OTHER}`,
        `z-mesh@${ME}`,
      ]);
      expect(pages.flat()[2]?.spec).toEqual({ egressFilter: { type: 'ALLOW_ALL' } });
    },
  );

  it.each([1, 2, 5, 100])(
    'when virtual gateways are paged %i at a time, then each page equals list + describe in name order',
    async (limit) => {
      const place = { meshName: 'mine' };
      const pages = await drain((nextToken) => me.listVirtualGatewayPage({ ...place, limit, nextToken }));
      const expected = await drain((nextToken) => listThenDescribe.virtualGateways(me, place, { limit, nextToken }));
      expect(pages).toEqual(expected);
      const all = pages.flat();
      expect(all.map((g) => g.virtualGatewayName)).toEqual(['gw-1', 'gw-2', 'gw-3', 'gw-4', 'gw-5']);
      expect(all[1]?.metadata.version).toBe(2);
      expect(all[1]?.spec.listeners[0]?.portMapping.port).toBe(9090);
      expect(pages.length).toBe(Math.ceil(5 / limit));
    },
  );

  it('when a shared mesh is paged by its consumer, then gateways and services equal list + describe with their owners', async () => {
    const place = { meshName: 'shared', meshOwner: OTHER };
    const gateways = await drain((nextToken) => me.listVirtualGatewayPage({ ...place, limit: 1, nextToken }));
    expect(gateways).toEqual(
      await drain((t) => listThenDescribe.virtualGateways(me, place, { limit: 1, nextToken: t })),
    );
    expect(gateways.flat().map((g) => [g.virtualGatewayName, g.metadata.resourceOwner])).toEqual([['their-gw', OTHER]]);
    const services = await drain((nextToken) => me.listVirtualServicePage({ ...place, limit: 1, nextToken }));
    expect(services).toEqual(
      await drain((t) => listThenDescribe.virtualServices(me, place, { limit: 1, nextToken: t })),
    );
    expect(services.flat().map((s) => [s.virtualServiceName, s.metadata.resourceOwner, s.metadata.meshOwner])).toEqual([
      ['svc.mine-in-shared', ME, OTHER],
      ['svc.theirs', OTHER, OTHER],
    ]);
  });

  it('when virtual services and gateway routes are paged, then each page equals list + describe', async () => {
    const services = await drain((nextToken) => me.listVirtualServicePage({ meshName: 'mine', limit: 3, nextToken }));
    expect(services).toEqual(
      await drain((t) => listThenDescribe.virtualServices(me, { meshName: 'mine' }, { limit: 3, nextToken: t })),
    );
    expect(services.map((p) => p.length)).toEqual([3, 1]);
    const place = { meshName: 'mine', virtualGatewayName: 'gw-1' };
    const routes = await drain((nextToken) => me.listGatewayRoutePage({ ...place, limit: 2, nextToken }));
    expect(routes).toEqual(await drain((t) => listThenDescribe.gatewayRoutes(me, place, { limit: 2, nextToken: t })));
    expect(routes.flat().map((r) => r.gatewayRouteName)).toEqual(['r-a', 'r-b', 'r-c']);
    expect((await me.listGatewayRoutePage({ meshName: 'mine', virtualGatewayName: 'gw-2' })).items).toEqual([]);
  });

  it('when a token comes from the list operation, then the page continues from it, and the other way round', async () => {
    const first = await me.listVirtualGateways({ meshName: 'mine', limit: 2 });
    const fromListToken = await me.listVirtualGatewayPage({ meshName: 'mine', limit: 2, nextToken: first.nextToken });
    expect(fromListToken.items.map((g) => g.virtualGatewayName)).toEqual(['gw-3', 'gw-4']);
    const fromPageToken = await me.listVirtualGateways({
      meshName: 'mine',
      limit: 2,
      nextToken: fromListToken.nextToken,
    });
    expect(fromPageToken.virtualGateways.map((g) => g.virtualGatewayName)).toEqual(['gw-5']);
    expect(fromPageToken.nextToken).toBeUndefined();
  });

  it('when the last page is exactly full, then it has no nextToken, like the list', async () => {
    const page = await me.listVirtualGatewayPage({ meshName: 'mine', limit: 5 });
    expect(page.items).toHaveLength(5);
    expect(page).not.toHaveProperty('nextToken');
  });

  it('when the caller cannot see the mesh or sends a bad token or limit, then the page fails as the list does', async () => {
    const cases: Array<[Promise<unknown>, Promise<unknown>]> = [
      [
        stranger.listVirtualGatewayPage({ meshName: 'shared', meshOwner: OTHER }),
        stranger.listVirtualGateways({ meshName: 'shared', meshOwner: OTHER }),
      ],
      [
        me.listVirtualServicePage({ meshName: 'b-hidden', meshOwner: OTHER }),
        me.listVirtualServices({ meshName: 'b-hidden', meshOwner: OTHER }),
      ],
      [
        me.listGatewayRoutePage({ meshName: 'mine', virtualGatewayName: 'nope' }),
        me.listGatewayRoutes({ meshName: 'mine', virtualGatewayName: 'nope' }),
      ],
      [
        me.listVirtualGatewayPage({ meshName: 'mine', nextToken: 'forged.token' }),
        me.listVirtualGateways({ meshName: 'mine', nextToken: 'forged.token' }),
      ],
      [me.listMeshPage({ limit: 0 }), me.listMeshes({ limit: 0 })],
    ];
    // Every call is under way at once: catch each rejection as it comes, then compare.
    const outcomes = await Promise.all(
      cases.map(([page, list]) => Promise.all([appMeshError(page), appMeshError(list)])),
    );
    for (const [pageError, listError] of outcomes) {
      expect(pageError).toBeInstanceOf(AppMeshError);
      expect({ name: pageError.name, message: pageError.message, fieldErrors: pageError.fieldErrors }).toEqual({
        name: listError.name,
        message: listError.message,
        fieldErrors: listError.fieldErrors,
      });
    }
  });

  it('when a token from another mesh is used, then it is refused as foreign', async () => {
    const { nextToken } = await me.listMeshPage({ limit: 1 });
    const error = await appMeshError(me.listVirtualGatewayPage({ meshName: 'mine', nextToken }));
    expect(error.name).toBe('BadRequestException');
    expect(error.fieldErrors).toHaveProperty('nextToken');
  });
});
