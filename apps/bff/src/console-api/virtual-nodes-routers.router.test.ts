// The read-only virtual node, virtual router and route endpoints through the real app: the real engine
// on a SQLite file, the resources created through the engine's App Mesh API for the account (as the
// AWS CLI would), read back over HTTP through the console API.
import type { RouteData, VirtualNodeData, VirtualRouterData } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Envelope } from '../tests/http-client.js';
import { type InProcessServer, startTestServer } from '../tests/support/server.js';

const ME = '123456789012';
const PARTNER = '111122223333';
const MESH = 'nodes';

interface Page<T> {
  items: T[];
  nextToken?: string;
}

const nodeSpec = (name: string) => ({
  listeners: [{ portMapping: { port: 8080, protocol: 'http' as const } }],
  serviceDiscovery: { dns: { hostname: `${name}.${MESH}.local` } },
  backends: [{ virtualService: { virtualServiceName: 'other.local' } }],
});
const routerSpec = { listeners: [{ portMapping: { port: 8080, protocol: 'http' as const } }] };
const routeSpec = (blue: number, green: number) => ({
  httpRoute: {
    match: { prefix: '/' },
    action: {
      weightedTargets: [
        { virtualNode: 'blue', weight: blue },
        { virtualNode: 'green', weight: green },
      ],
    },
  },
});

let server: InProcessServer;
const api = <T = unknown>(path: string) => call<T>(server.url, 'GET', path);

beforeAll(async () => {
  server = await startTestServer({ ACCOUNT_ID: ME });
  const mine = server.backend.meshApiFor(ME, 'api');
  await mine.createMesh({ meshName: MESH });
  await mine.createVirtualService({ meshName: MESH, virtualServiceName: 'other.local', spec: {} });
  for (const name of ['blue', 'green', 'red']) {
    await mine.createVirtualNode({ meshName: MESH, virtualNodeName: name, spec: nodeSpec(name) });
  }
  await mine.createVirtualRouter({ meshName: MESH, virtualRouterName: 'router', spec: routerSpec });
  await mine.createVirtualRouter({ meshName: MESH, virtualRouterName: 'empty', spec: routerSpec });
  await mine.createRoute({ meshName: MESH, virtualRouterName: 'router', routeName: 'split', spec: routeSpec(80, 20) });
  await mine.createRoute({ meshName: MESH, virtualRouterName: 'router', routeName: 'all-blue', spec: routeSpec(1, 0) });
});
afterAll(async () => {
  await server.close();
});

describe('GET .../virtual-nodes', () => {
  it('when the nodes are listed, then each is the full data object the describe answers, in name order', async () => {
    const list = await api<Page<VirtualNodeData>>(`/api/meshes/${MESH}/virtual-nodes`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((n) => n.virtualNodeName)).toEqual(['blue', 'green', 'red']);
    const one = await api<VirtualNodeData>(`/api/meshes/${MESH}/virtual-nodes/green`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(list.body.items[1]);
    expect(one.body.spec).toEqual(nodeSpec('green'));
    expect(one.body.metadata.arn).toBe(`arn:aws:appmesh:us-west-2:${ME}:mesh/${MESH}/virtualNode/green`);
  });

  it('when a limit is given, then the list pages with a nextToken that reaches the rest', async () => {
    const first = await api<Page<VirtualNodeData>>(`/api/meshes/${MESH}/virtual-nodes?limit=2`);
    expect(first.body.items.map((n) => n.virtualNodeName)).toEqual(['blue', 'green']);
    expect(first.body.nextToken).toEqual(expect.any(String));
    const token = encodeURIComponent(first.body.nextToken ?? '');
    const rest = await api<Page<VirtualNodeData>>(`/api/meshes/${MESH}/virtual-nodes?limit=2&nextToken=${token}`);
    expect(rest.body.items.map((n) => n.virtualNodeName)).toEqual(['red']);
    expect(rest.body.nextToken).toBeUndefined();
  });

  it('when a node or a mesh does not exist, then it is a 404 NotFoundException in the envelope', async () => {
    const node = await api<Envelope>(`/api/meshes/${MESH}/virtual-nodes/nope`);
    expect(node.status).toBe(404);
    expect(node.body.error.code).toBe('NotFoundException');
    const mesh = await api<Envelope>('/api/meshes/no-such-mesh/virtual-nodes');
    expect(mesh.status).toBe(404);
    expect(mesh.body.error.code).toBe('NotFoundException');
  });

  it('when the limit or the meshOwner is malformed, then it is a 400 naming the field', async () => {
    const limit = await api<Envelope>(`/api/meshes/${MESH}/virtual-nodes?limit=0`);
    expect(limit.status).toBe(400);
    expect(limit.body.error.fieldErrors?.limit).toBeDefined();
    const owner = await api<Envelope>(`/api/meshes/${MESH}/virtual-nodes/blue?meshOwner=42`);
    expect(owner.status).toBe(400);
    expect(owner.body.error.fieldErrors?.meshOwner).toBeDefined();
  });

  it('when a state-changing method is sent, then no route answers it (the endpoints are read-only)', async () => {
    const post = await call<Envelope>(server.url, 'POST', `/api/meshes/${MESH}/virtual-nodes`, {
      body: { virtualNodeName: 'x', spec: {} },
    });
    expect(post.status).toBe(404);
    const del = await call<Envelope>(server.url, 'DELETE', `/api/meshes/${MESH}/virtual-nodes/blue`);
    expect(del.status).toBe(404);
    expect((await api(`/api/meshes/${MESH}/virtual-nodes/blue`)).status).toBe(200);
  });
});

describe('GET .../virtual-routers and their routes', () => {
  it('when the routers are listed and one described, then they are full data objects', async () => {
    const list = await api<Page<VirtualRouterData>>(`/api/meshes/${MESH}/virtual-routers`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.virtualRouterName)).toEqual(['empty', 'router']);
    const one = await api<VirtualRouterData>(`/api/meshes/${MESH}/virtual-routers/router`);
    expect(one.body).toEqual(list.body.items[1]);
    expect(one.body.spec).toEqual(routerSpec);
  });

  it("when a router's routes are listed and one described, then each carries its weighted targets", async () => {
    const list = await api<Page<RouteData>>(`/api/meshes/${MESH}/virtual-routers/router/routes`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.routeName)).toEqual(['all-blue', 'split']);
    const split = await api<RouteData>(`/api/meshes/${MESH}/virtual-routers/router/routes/split`);
    expect(split.status).toBe(200);
    expect(split.body).toEqual(list.body.items[1]);
    expect(split.body.spec).toEqual(routeSpec(80, 20));
    expect(split.body.metadata.arn).toBe(
      `arn:aws:appmesh:us-west-2:${ME}:mesh/${MESH}/virtualRouter/router/route/split`,
    );
    const none = await api<Page<RouteData>>(`/api/meshes/${MESH}/virtual-routers/empty/routes`);
    expect(none.body).toEqual({ items: [] });
  });

  it('when the router or the route does not exist, then it is a 404 NotFoundException', async () => {
    for (const path of ['virtual-routers/nope', 'virtual-routers/nope/routes', 'virtual-routers/router/routes/nope']) {
      const res = await api<Envelope>(`/api/meshes/${MESH}/${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('NotFoundException');
    }
  });
});

describe('a mesh shared by another account', () => {
  it('when its nodes, routers and routes are read with ?meshOwner=, then they answer with the owner; without it, 404', async () => {
    const partner = server.backend.meshApiFor(PARTNER, 'api');
    await partner.createMesh({ meshName: 'theirs' });
    await partner.createVirtualNode({ meshName: 'theirs', virtualNodeName: 'blue', spec: nodeSpec('blue') });
    await partner.createVirtualNode({ meshName: 'theirs', virtualNodeName: 'green', spec: nodeSpec('green') });
    await partner.createVirtualRouter({ meshName: 'theirs', virtualRouterName: 'router', spec: routerSpec });
    await partner.createRoute({
      meshName: 'theirs',
      virtualRouterName: 'router',
      routeName: 'split',
      spec: routeSpec(50, 50),
    });
    await server.backend.engine?.shareMesh(PARTNER, 'theirs', ME);

    const q = `?meshOwner=${PARTNER}`;
    const nodes = await api<Page<VirtualNodeData>>(`/api/meshes/theirs/virtual-nodes${q}`);
    expect(nodes.body.items.map((n) => [n.virtualNodeName, n.metadata.meshOwner])).toEqual([
      ['blue', PARTNER],
      ['green', PARTNER],
    ]);
    const node = await api<VirtualNodeData>(`/api/meshes/theirs/virtual-nodes/blue${q}`);
    expect(node.body.metadata.resourceOwner).toBe(PARTNER);
    const router = await api<VirtualRouterData>(`/api/meshes/theirs/virtual-routers/router${q}`);
    expect(router.body.metadata.meshOwner).toBe(PARTNER);
    const routes = await api<Page<RouteData>>(`/api/meshes/theirs/virtual-routers/router/routes${q}`);
    expect(routes.body.items.map((r) => r.routeName)).toEqual(['split']);
    const route = await api<RouteData>(`/api/meshes/theirs/virtual-routers/router/routes/split${q}`);
    expect(route.body.metadata.resourceOwner).toBe(PARTNER);

    const unscoped = await api<Envelope>('/api/meshes/theirs/virtual-nodes/blue');
    expect(unscoped.status).toBe(404);
  });
});
