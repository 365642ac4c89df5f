// The console API's lists take one page read when the backend has `MeshApiPages` (the local engine)
// and list + describe each item otherwise (the real-mesh adapter). Both paths must give the same
// answer on the same data: here the same engine (real SQLite file) is asked both ways.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEngine,
  DEMO_MESH,
  DEMO_SHARED_MESH,
  demoSharingAccount,
  type Engine,
  SqliteStore,
} from '@meshconsole/engine';
import { hasMeshApiPages, MESH_API_METHODS, type MeshApi, type Page } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGatewayRoutes } from './gateway-routes.service.js';
import { listMeshes } from './meshes.service.js';
import { listVirtualGateways } from './virtual-gateways.service.js';
import { listVirtualServices } from './virtual-services.service.js';

const ACCOUNT = '123456789012';
const OWNER = demoSharingAccount(ACCOUNT);

/** The same backend with only the App Mesh operations, as the real-mesh adapter offers them. */
function operationsOnly(api: MeshApi): MeshApi {
  const plain: Record<string, unknown> = {};
  for (const method of MESH_API_METHODS) plain[method] = api[method].bind(api);
  return plain as unknown as MeshApi;
}

/** Every page of a console list, following nextToken. */
async function drain<T>(read: (query: Record<string, unknown>) => Promise<Page<T>>, query: Record<string, unknown>) {
  const pages: Page<T>[] = [];
  let nextToken: string | undefined;
  do {
    const page = await read(nextToken ? { ...query, nextToken } : query);
    pages.push(page);
    nextToken = page.nextToken;
  } while (nextToken && pages.length < 100);
  return pages;
}

/** The pages minus their tokens (tokens carry their issue time, so equal pages may differ there). */
function withoutTokens<T>(pages: Page<T>[]) {
  return pages.map((page) => ({ items: page.items, hasNext: page.nextToken !== undefined }));
}

describe('console API lists: one page read vs list + describe', () => {
  let dir: string;
  let engine: Engine;
  let paged: MeshApi;
  let fallback: MeshApi;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bff-list-pages-'));
    engine = createEngine({
      store: new SqliteStore(join(dir, 'mesh.db')),
      region: 'us-west-2',
      quotas: { virtualGatewaysPerMesh: 10 },
    });
    await engine.seedDemo(ACCOUNT);
    paged = engine.forCaller(ACCOUNT);
    fallback = operationsOnly(paged);
    // More gateways than one page of 2, in the caller's own mesh.
    const spec = { listeners: [{ portMapping: { port: 9080, protocol: 'http' as const } }] };
    await paged.createMesh({ meshName: 'many' });
    for (const name of ['gw-c', 'gw-a', 'gw-b', 'gw-e', 'gw-d']) {
      await paged.createVirtualGateway({ meshName: 'many', virtualGatewayName: name, spec });
    }
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the backend is the engine, then the fast path is taken; without the capability, the fallback', () => {
    expect(hasMeshApiPages(paged)).toBe(true);
    expect(hasMeshApiPages(fallback)).toBe(false);
  });

  it.each([{ limit: '1' }, { limit: '2' }, {}])(
    'when meshes are listed with %o, then both paths give the same pages',
    async (query) => {
      const fast = await drain((q) => listMeshes(paged, q), query);
      const slow = await drain((q) => listMeshes(fallback, q), query);
      expect(withoutTokens(fast)).toEqual(withoutTokens(slow));
      expect(fast.flatMap((p) => p.items).map((m) => m.meshName)).toEqual([DEMO_MESH, 'many', DEMO_SHARED_MESH]);
    },
  );

  it.each([
    { mesh: 'many', query: { limit: '2' } },
    { mesh: DEMO_MESH, query: {} },
    { mesh: DEMO_SHARED_MESH, query: { meshOwner: OWNER, limit: '1' } },
  ])(
    'when virtual gateways of $mesh are listed with $query, then both paths give the same pages',
    async ({ mesh, query }) => {
      const fast = await drain((q) => listVirtualGateways(paged, { meshName: mesh }, q), query);
      const slow = await drain((q) => listVirtualGateways(fallback, { meshName: mesh }, q), query);
      expect(withoutTokens(fast)).toEqual(withoutTokens(slow));
      expect(fast.flatMap((p) => p.items).length).toBeGreaterThan(0);
      // the tokens of one path continue the other
      if (fast[0]?.nextToken) {
        const next = await listVirtualGateways(
          fallback,
          { meshName: mesh },
          { ...query, nextToken: fast[0].nextToken },
        );
        expect(next.items).toEqual(fast[1]?.items);
      }
    },
  );

  it('when virtual services and gateway routes are listed, owned and shared, then both paths give the same pages', async () => {
    for (const [mesh, query] of [
      [DEMO_MESH, { limit: '2' }],
      [DEMO_SHARED_MESH, { meshOwner: OWNER }],
    ] as const) {
      const fast = await drain((q) => listVirtualServices(paged, { meshName: mesh }, q), query);
      const slow = await drain((q) => listVirtualServices(fallback, { meshName: mesh }, q), query);
      expect(withoutTokens(fast)).toEqual(withoutTokens(slow));
    }
    for (const [mesh, gateway, query] of [
      [DEMO_MESH, 'ingress-gw', { limit: '1' }],
      [DEMO_SHARED_MESH, 'partner-gw', { meshOwner: OWNER }],
    ] as const) {
      const scope = { meshName: mesh, virtualGatewayName: gateway };
      const fast = await drain((q) => listGatewayRoutes(paged, scope, q), query);
      const slow = await drain((q) => listGatewayRoutes(fallback, scope, q), query);
      expect(withoutTokens(fast)).toEqual(withoutTokens(slow));
      expect(fast.flatMap((p) => p.items).length).toBeGreaterThan(0);
    }
  });

  it('when the query is bad, then both paths refuse it the same way', async () => {
    for (const api of [paged, fallback]) {
      await expect(listVirtualGateways(api, { meshName: 'many' }, { limit: '0' })).rejects.toMatchObject({
        name: 'BadRequestException',
      });
      await expect(listVirtualGateways(api, { meshName: 'many' }, { nextToken: 'forged.token' })).rejects.toMatchObject(
        { name: 'BadRequestException', fieldErrors: { nextToken: expect.any(Array) } },
      );
      await expect(listVirtualGateways(api, { meshName: 'nope' }, {})).rejects.toMatchObject({
        name: 'NotFoundException',
      });
    }
  });
});
