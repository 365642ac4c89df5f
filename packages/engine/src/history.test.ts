// Resource history on every store: what each change keeps, who and through which surface, the bound,
// a deletion as the last entry, a new history for a re-created name, paging, visibility.
import { diffSpecs } from '@meshconsole/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallerMeshApi } from './engine';
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

const GW = { resourceType: 'virtualGateway', meshName: 'm', virtualGatewayName: 'gw' } as const;

describe.each(STORE_KINDS)('history on $name', (kind) => {
  let h: Harness;
  let console_: CallerMeshApi;
  let api: CallerMeshApi;

  beforeEach(async () => {
    h = await openHarness(kind, { historyVersions: 5 });
    console_ = h.engine.forCaller(ME, { via: 'console' });
    api = h.engine.forCaller(ME);
    await console_.createMesh({ meshName: 'm' });
  });
  afterEach(() => h?.cleanup());

  it('when a gateway is created, updated and deleted, then every version is kept newest first with who, how and tags', async () => {
    await console_.createVirtualGateway({
      ...GW,
      spec: gatewaySpec(8080),
      tags: [
        { key: 'team', value: 'edge' },
        { key: 'env', value: 'dev' },
      ],
    });
    h.clock.advance(1000);
    await api.updateVirtualGateway({ ...GW, spec: gatewaySpec(8081) });
    h.clock.advance(1000);
    await console_.deleteVirtualGateway(GW);
    const { items, nextToken } = await console_.listResourceHistory(GW);
    expect(nextToken).toBeUndefined();
    expect(items.map((e) => [e.version, e.status, e.by.via, e.by.accountId])).toEqual([
      [3, 'DELETED', 'console', ME],
      [2, 'ACTIVE', 'api', ME],
      [1, 'ACTIVE', 'console', ME],
    ]);
    expect(items[2]?.tags).toEqual([
      { key: 'env', value: 'dev' },
      { key: 'team', value: 'edge' },
    ]);
    expect(items[0]?.tags).toEqual(items[2]?.tags);
    expect(items[2]?.at).toBe(h.clock.ms / 1000 - 2);
    expect(items[1]?.spec).toMatchObject({ listeners: [{ portMapping: { port: 8081 } }] });
    expect(diffSpecs(items[2]?.spec, items[1]?.spec)).toEqual([
      { path: 'listeners.0.portMapping.port', label: 'Port', old: 8080, new: 8081 },
    ]);
  });

  it('when more versions are written than HISTORY_VERSIONS, then the oldest go first', async () => {
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec(8000) });
    for (let n = 1; n <= 6; n++) await console_.updateVirtualGateway({ ...GW, spec: gatewaySpec(8000 + n) });
    const { items } = await console_.listResourceHistory(GW);
    expect(items.map((e) => e.version)).toEqual([7, 6, 5, 4, 3]);
  });

  it('when a deleted name is created again, then its history starts over at version 1', async () => {
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec() });
    await console_.updateVirtualGateway({ ...GW, spec: gatewaySpec(9000) });
    await console_.deleteVirtualGateway(GW);
    expect((await console_.listResourceHistory(GW)).items).toHaveLength(3);
    await api.createVirtualGateway({ ...GW, spec: gatewaySpec(7000) });
    const { items } = await console_.listResourceHistory(GW);
    expect(items.map((e) => [e.version, e.by.via])).toEqual([[1, 'api']]);
  });

  it('when the history is paged, then pages follow newest first and a forged token is refused', async () => {
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec() });
    for (let n = 1; n <= 3; n++) await console_.updateVirtualGateway({ ...GW, spec: gatewaySpec(8000 + n) });
    const first = await console_.listResourceHistory({ ...GW, limit: 3 });
    expect(first.items.map((e) => e.version)).toEqual([4, 3, 2]);
    expect(first.nextToken).toBeDefined();
    const second = await console_.listResourceHistory({ ...GW, limit: 3, nextToken: first.nextToken });
    expect(second.items.map((e) => e.version)).toEqual([1]);
    expect(second.nextToken).toBeUndefined();
    const forged = await appMeshError(console_.listResourceHistory({ ...GW, nextToken: 'garbage' }));
    expect(forged.name).toBe('BadRequestException');
    const other = await appMeshError(
      console_.listResourceHistory({ ...GW, virtualGatewayName: 'gw2', nextToken: first.nextToken }),
    );
    expect(other.name).toBe('BadRequestException');
  });

  it('when routes, services and the mesh change, then each keeps its own history', async () => {
    await console_.createVirtualService({ meshName: 'm', virtualServiceName: 'svc', spec: {} });
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec() });
    const route = { meshName: 'm', virtualGatewayName: 'gw', gatewayRouteName: 'r' };
    await api.createGatewayRoute({ ...route, spec: httpRouteSpec('svc', '/a/') });
    await console_.updateGatewayRoute({ ...route, spec: httpRouteSpec('svc', '/b/') });
    await console_.updateMesh({ meshName: 'm', spec: { egressFilter: { type: 'ALLOW_ALL' } } });
    const routeHistory = await console_.listResourceHistory({ resourceType: 'gatewayRoute', ...route });
    expect(routeHistory.items.map((e) => [e.version, e.by.via])).toEqual([
      [2, 'console'],
      [1, 'api'],
    ]);
    const changes = diffSpecs(routeHistory.items[1]?.spec, routeHistory.items[0]?.spec);
    expect(changes.map((c) => [c.path, c.old, c.new])).toEqual([['httpRoute.match.prefix', '/a/', '/b/']]);
    const svc = await console_.listResourceHistory({
      resourceType: 'virtualService',
      meshName: 'm',
      virtualServiceName: 'svc',
    });
    expect(svc.items.map((e) => e.version)).toEqual([1]);
    const mesh = await console_.listResourceHistory({ resourceType: 'mesh', meshName: 'm' });
    expect(mesh.items.map((e) => [e.version, e.spec])).toEqual([
      [2, { egressFilter: { type: 'ALLOW_ALL' } }],
      [1, {}],
    ]);
  });

  it('when a clientToken replays a request, then no second version is kept', async () => {
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec() });
    for (let i = 0; i < 2; i++) await api.updateVirtualGateway({ ...GW, spec: gatewaySpec(9), clientToken: 'tok' });
    expect((await console_.listResourceHistory(GW)).items.map((e) => e.version)).toEqual([2, 1]);
  });

  it('when a failed write is refused, then nothing is added to the history', async () => {
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec() });
    const route = { meshName: 'm', virtualGatewayName: 'gw', gatewayRouteName: 'r' };
    await appMeshError(console_.createGatewayRoute({ ...route, spec: httpRouteSpec('missing') }));
    await appMeshError(h.engine.forCaller(OTHER).updateVirtualGateway({ ...GW, meshOwner: ME, spec: gatewaySpec(1) }));
    expect((await console_.listResourceHistory(GW)).items).toHaveLength(1);
    const none = await appMeshError(console_.listResourceHistory({ resourceType: 'gatewayRoute', ...route }));
    expect(none.name).toBe('NotFoundException');
  });

  it('when the mesh is shared, then a consumer reads the history without tags and a stranger cannot read it', async () => {
    await console_.createVirtualGateway({ ...GW, spec: gatewaySpec(), tags: [{ key: 'k', value: 'v' }] });
    await h.engine.shareMesh(ME, 'm', OTHER);
    const seen = await h.engine.forCaller(OTHER).listResourceHistory({ ...GW, meshOwner: ME });
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]?.tags).toBeUndefined();
    expect((await console_.listResourceHistory(GW)).items[0]?.tags).toEqual([{ key: 'k', value: 'v' }]);
    const hidden = await appMeshError(h.engine.forCaller(STRANGER).listResourceHistory({ ...GW, meshOwner: ME }));
    expect(hidden.name).toBe('NotFoundException');
  });

  it('when a bad request names no resource, then it is a BadRequestException naming the field', async () => {
    const error = await appMeshError(console_.listResourceHistory({ ...GW, limit: 0 }));
    expect(error.name).toBe('BadRequestException');
    expect(error.fieldErrors?.limit?.[0]).toMatch(/Limit/);
  });
});
