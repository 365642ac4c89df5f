import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appMeshError,
  describeEverything,
  gatewaySpec,
  type Harness,
  httpRouteSpec,
  ME,
  OTHER,
  openHarness,
  STORE_KINDS,
} from './test-support/fixtures';

/** A shop mesh owned by another account and shared with ME, and one of ME's own. */
function shopDocument() {
  return {
    meshes: [
      {
        meshName: 'shop',
        owner: OTHER,
        sharedWith: [ME],
        tags: [{ key: 'team', value: 'books' }],
        virtualServices: [{ virtualServiceName: 'books.local', spec: {} }],
        virtualGateways: [
          {
            virtualGatewayName: 'edge',
            spec: gatewaySpec(8080),
            tags: [{ key: 'tier', value: 'public' }],
            gatewayRoutes: [{ gatewayRouteName: 'books', spec: httpRouteSpec('books.local', '/books/') }],
          },
        ],
      },
      { meshName: 'mine', spec: { egressFilter: { type: 'DROP_ALL' } } },
    ],
  };
}

describe.each(STORE_KINDS)('seed documents on $name', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness(kind);
  });
  afterEach(() => h?.cleanup());

  it('when a document is applied, then its meshes, sharing, services, gateways, routes and tags exist', async () => {
    const summary = await h.engine.applySeed(shopDocument(), ME);
    expect(summary).toEqual({ meshes: 2, virtualServices: 1, virtualGateways: 1, gatewayRoutes: 1 });
    const api = h.engine.forCaller(ME);
    const meshes = (await api.listMeshes({})).meshes.map((m) => `${m.meshName}/${m.meshOwner}`);
    expect(meshes).toEqual([`mine/${ME}`, `shop/${OTHER}`]);
    const gw = (await api.describeVirtualGateway({ meshName: 'shop', meshOwner: OTHER, virtualGatewayName: 'edge' }))
      .virtualGateway;
    expect(gw.metadata.resourceOwner).toBe(OTHER);
    const tags = await h.engine.forCaller(OTHER).listTagsForResource({ resourceArn: gw.metadata.arn });
    expect(tags.tags).toEqual([{ key: 'tier', value: 'public' }]);
    const routes = await api.listGatewayRoutes({ meshName: 'shop', meshOwner: OTHER, virtualGatewayName: 'edge' });
    expect(routes.gatewayRoutes.map((r) => r.gatewayRouteName)).toEqual(['books']);
  });

  it('when a field deep in the document is bad, then it is refused with that path and nothing is created', async () => {
    const doc = shopDocument();
    doc.meshes[0]!.virtualGateways![0]!.spec.listeners[0]!.portMapping.port = 70000;
    const error = await appMeshError(h.engine.applySeed(doc, ME));
    expect(error.name).toBe('BadRequestException');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([
      'meshes.0.virtualGateways.0.spec.listeners.0.portMapping.port',
    ]);
    expect(error.message).toMatch(
      /^Seed document, meshes\.0\.virtualGateways\.0\.spec\.listeners\.0\.portMapping\.port: /,
    );
    expect(await h.engine.isEmpty()).toBe(true);
  });

  it('when a member is misspelt, then the document is refused naming it', async () => {
    const error = await appMeshError(h.engine.applySeed({ meshes: [{ meshName: 'a', virtualGateway: [] }] }, ME));
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['meshes.0']);
    expect(error.message).toContain('"virtualGateway"');
  });

  it('when a service rule refuses a late item, then the path names it and the earlier items are rolled back', async () => {
    const doc = shopDocument();
    // The route targets a virtual service that is not in the mesh: only the engine knows that.
    doc.meshes[0]!.virtualGateways![0]!.gatewayRoutes![0]!.spec = httpRouteSpec('missing.local');
    const error = await appMeshError(h.engine.applySeed(doc, ME));
    expect(Object.keys(error.fieldErrors ?? {})[0]).toMatch(/^meshes\.0\.virtualGateways\.0\.gatewayRoutes\.0(\.|$)/);
    expect(await h.engine.isEmpty()).toBe(true);
  });

  it('when a mesh already exists, then the document is refused at its name and the store keeps what it had', async () => {
    await h.engine.forCaller(ME).createMesh({ meshName: 'mine' });
    const before = await describeEverything(h.engine);
    const error = await appMeshError(h.engine.applySeed(shopDocument(), ME));
    expect(error.name).toBe('BadRequestException');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['meshes.1.meshName']);
    expect(await describeEverything(h.engine)).toEqual(before);
  });

  it('when FIXED_TIME and FIXED_IDS are set, then two stores seeded alike describe byte-identically', async () => {
    const determinism = { fixedTime: Date.UTC(2030, 4, 6, 7, 8, 9), fixedIds: 'snapshot-1' };
    h.engine.setDeterminism(determinism);
    await h.engine.applySeed(shopDocument(), ME);
    const first = JSON.stringify(await describeEverything(h.engine));
    await h.engine.reset('none', ME);
    await h.engine.applySeed(shopDocument(), ME);
    const second = JSON.stringify(await describeEverything(h.engine));
    expect(second).toBe(first);
    expect(first).toContain(`"createdAt":${determinism.fixedTime / 1000},`);
    // Without them, uids are random again.
    h.engine.setDeterminism({});
    await h.engine.reset('none', ME);
    await h.engine.applySeed(shopDocument(), ME);
    expect(JSON.stringify(await describeEverything(h.engine))).not.toBe(first);
  });
});
