// The console API end to end over HTTP: the real app, the real engine, a real SQLite file.
import type { GatewayRouteData, MeshData, Session, VirtualGatewayData, VirtualServiceData } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Envelope, exampleSpec } from './http-client.js';
import { type InProcessServer, startTestServer } from './support/server.js';

const ME = '123456789012';
const PARTNER = '111122223333';

interface Page<T> {
  items: T[];
  nextToken?: string;
}

function routeSpec(virtualServiceName: string, prefix = '/') {
  return { httpRoute: { match: { prefix }, action: { target: { virtualService: { virtualServiceName } } } } };
}

describe('console API', () => {
  let server: InProcessServer;
  let base: string;
  const api = <T = unknown>(method: string, path: string, body?: unknown) =>
    call<T>(base, method, path, body === undefined ? {} : { body });

  beforeAll(async () => {
    server = await startTestServer({ ACCOUNT_ID: ME, QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '10' });
    base = server.url;
    expect((await api('POST', '/api/meshes', { meshName: 'm1' })).status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('when the session is read, then it names the account, region and backend', async () => {
    const res = await api<Session>('GET', '/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId: ME,
      region: 'us-west-2',
      backend: 'local',
      testSupport: { enabled: true, signatureRequired: false },
    });
  });

  it('when a gateway is created, described, updated and deleted, then each answer is the full data object', async () => {
    const created = await api<VirtualGatewayData>('POST', '/api/meshes/m1/virtual-gateways', {
      virtualGatewayName: 'gw-crud',
      spec: exampleSpec(),
      tags: [{ key: 'team', value: 'edge' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.virtualGatewayName).toBe('gw-crud');
    expect(created.body.metadata.version).toBe(1);
    expect(created.body.metadata.arn).toBe(`arn:aws:appmesh:us-west-2:${ME}:mesh/m1/virtualGateway/gw-crud`);
    expect(created.body.status.status).toBe('ACTIVE');
    expect(created.headers.get('x-request-id')).toBeTruthy();

    const described = await api<VirtualGatewayData>('GET', '/api/meshes/m1/virtual-gateways/gw-crud');
    expect(described.status).toBe(200);
    expect(described.body).toEqual(created.body);

    const updated = await api<VirtualGatewayData>('PUT', '/api/meshes/m1/virtual-gateways/gw-crud', {
      spec: exampleSpec(8443),
    });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.version).toBe(2);
    expect(updated.body.spec.listeners[0]?.portMapping.port).toBe(8443);
    expect(updated.body.metadata.uid).toBe(created.body.metadata.uid);

    const deleted = await api<VirtualGatewayData>('DELETE', '/api/meshes/m1/virtual-gateways/gw-crud');
    expect(deleted.status).toBe(200);
    expect(deleted.body.status.status).toBe('DELETED');
    expect(deleted.body.metadata.version).toBe(3);

    const gone = await api<Envelope>('GET', '/api/meshes/m1/virtual-gateways/gw-crud');
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NotFoundException');
  });

  it('when a gateway name is taken, then the create is a 409 ConflictException on virtualGatewayName', async () => {
    const body = { virtualGatewayName: 'gw-dup', spec: exampleSpec() };
    expect((await api('POST', '/api/meshes/m1/virtual-gateways', body)).status).toBe(201);
    const again = await api<Envelope>('POST', '/api/meshes/m1/virtual-gateways', body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ConflictException');
    expect(again.body.error.requestId).toBe(again.headers.get('x-request-id'));
    expect(again.body.error.fieldErrors?.virtualGatewayName?.[0]).toMatch(/gw-dup/);
  });

  it('when the spec is invalid, then the answer is a 400 with field errors by path and nothing is created', async () => {
    const res = await api<Envelope>('POST', '/api/meshes/m1/virtual-gateways', {
      virtualGatewayName: 'gw-invalid',
      spec: { listeners: [{ portMapping: { port: 70000, protocol: 'http' } }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequestException');
    expect(res.body.error.fieldErrors?.['spec.listeners.0.portMapping.port']).toEqual([
      'Port must be between 1 and 65535.',
    ]);
    expect(res.body.error.message).toMatch(/Port must be between 1 and 65535/);
    const after = await api('GET', '/api/meshes/m1/virtual-gateways/gw-invalid');
    expect(after.status).toBe(404);
  });

  it('when the body is missing, then the answer names the required fields', async () => {
    const res = await api<Envelope>('POST', '/api/meshes/m1/virtual-gateways');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['virtualGatewayName', 'spec']),
    );
  });

  it('when a gateway has gateway routes, then deleting it is a 409 ResourceInUseException and it stays', async () => {
    expect(
      (await api('POST', '/api/meshes/m1/virtual-services', { virtualServiceName: 'svc.m1.local', spec: {} })).status,
    ).toBe(201);
    await api('POST', '/api/meshes/m1/virtual-gateways', { virtualGatewayName: 'gw-busy', spec: exampleSpec() });
    const route = await api<GatewayRouteData>('POST', '/api/meshes/m1/virtual-gateways/gw-busy/gateway-routes', {
      gatewayRouteName: 'r1',
      spec: routeSpec('svc.m1.local'),
    });
    expect(route.status).toBe(201);
    expect(route.body.gatewayRouteName).toBe('r1');

    const del = await api<Envelope>('DELETE', '/api/meshes/m1/virtual-gateways/gw-busy');
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('ResourceInUseException');
    expect(del.body.error.message).toMatch(/r1/);
    expect((await api('GET', '/api/meshes/m1/virtual-gateways/gw-busy')).status).toBe(200);
  });

  it('when gateway routes are listed, described, updated and deleted, then each answer is the full data object', async () => {
    await api('POST', '/api/meshes/m1/virtual-gateways', { virtualGatewayName: 'gw-routes', spec: exampleSpec() });
    const base = '/api/meshes/m1/virtual-gateways/gw-routes/gateway-routes';
    await api('POST', '/api/meshes/m1/virtual-services', { virtualServiceName: 'svc-routes.local', spec: {} });
    const created = await api('POST', base, { gatewayRouteName: 'a', spec: routeSpec('svc-routes.local', '/a') });
    expect(created.status).toBe(201);
    const list = await api<Page<GatewayRouteData>>('GET', base);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.gatewayRouteName)).toEqual(['a']);
    expect(list.body.items[0]?.spec.httpRoute?.match.prefix).toBe('/a');

    const updated = await api<GatewayRouteData>('PUT', `${base}/a`, { spec: routeSpec('svc-routes.local', '/b') });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.version).toBe(2);
    expect((await api<GatewayRouteData>('GET', `${base}/a`)).body.spec.httpRoute?.match.prefix).toBe('/b');
    const deleted = await api<GatewayRouteData>('DELETE', `${base}/a`);
    expect(deleted.body.status.status).toBe('DELETED');
    expect((await api<Page<GatewayRouteData>>('GET', base)).body.items).toEqual([]);
  });

  it('when gateways are listed with a limit, then pages of full data objects chain by nextToken', async () => {
    await api('POST', '/api/meshes', { meshName: 'paged' });
    for (const name of ['p1', 'p2', 'p3']) {
      expect(
        (await api('POST', '/api/meshes/paged/virtual-gateways', { virtualGatewayName: name, spec: exampleSpec() }))
          .status,
      ).toBe(201);
    }
    const first = await api<Page<VirtualGatewayData>>('GET', '/api/meshes/paged/virtual-gateways?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]?.spec.listeners).toHaveLength(1);
    expect(first.body.nextToken).toEqual(expect.any(String));
    const second = await api<Page<VirtualGatewayData>>(
      'GET',
      `/api/meshes/paged/virtual-gateways?limit=2&nextToken=${encodeURIComponent(first.body.nextToken ?? '')}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextToken).toBeUndefined();
    const names = [...first.body.items, ...second.body.items].map((g) => g.virtualGatewayName).sort();
    expect(names).toEqual(['p1', 'p2', 'p3']);

    const bad = await api<Envelope>('GET', '/api/meshes/paged/virtual-gateways?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors?.limit).toBeDefined();
  });

  it('when a mesh is shared by another account, then it is listed and readable with meshOwner but delete is 403', async () => {
    // The partner account creates a mesh with a gateway and shares it with us (what AWS RAM does).
    const partner = server.backend.meshApiFor(PARTNER, 'api');
    await partner.createMesh({ meshName: 'shared' });
    await partner.createVirtualGateway({ meshName: 'shared', virtualGatewayName: 'their-gw', spec: exampleSpec() });
    await server.backend.engine?.shareMesh(PARTNER, 'shared', ME);

    const meshes = await api<Page<MeshData>>('GET', '/api/meshes');
    const shared = meshes.body.items.find((m) => m.meshName === 'shared');
    expect(shared?.metadata.meshOwner).toBe(PARTNER);

    const q = `?meshOwner=${PARTNER}`;
    expect((await api<MeshData>('GET', `/api/meshes/shared${q}`)).body.metadata.meshOwner).toBe(PARTNER);
    const list = await api<Page<VirtualGatewayData>>('GET', `/api/meshes/shared/virtual-gateways${q}`);
    expect(list.body.items.map((g) => g.virtualGatewayName)).toEqual(['their-gw']);
    const one = await api<VirtualGatewayData>('GET', `/api/meshes/shared/virtual-gateways/their-gw${q}`);
    expect(one.body.metadata.resourceOwner).toBe(PARTNER);

    const del = await api<Envelope>('DELETE', `/api/meshes/shared/virtual-gateways/their-gw${q}`);
    expect(del.status).toBe(403);
    expect(del.body.error.code).toBe('ForbiddenException');
    expect((await api('GET', `/api/meshes/shared/virtual-gateways/their-gw${q}`)).status).toBe(200);

    const badOwner = await api<Envelope>('GET', '/api/meshes/shared/virtual-gateways?meshOwner=42');
    expect(badOwner.status).toBe(400);
    expect(badOwner.body.error.fieldErrors?.meshOwner).toBeDefined();
  });

  it('when virtual services are created, listed, described and deleted, then the console sees full data objects', async () => {
    await api('POST', '/api/meshes', { meshName: 'vs-mesh' });
    const created = await api<VirtualServiceData>('POST', '/api/meshes/vs-mesh/virtual-services', {
      virtualServiceName: 'orders.local',
      spec: {},
    });
    expect(created.status).toBe(201);
    const list = await api<Page<VirtualServiceData>>('GET', '/api/meshes/vs-mesh/virtual-services');
    expect(list.body.items.map((s) => s.virtualServiceName)).toEqual(['orders.local']);
    expect((await api('GET', '/api/meshes/vs-mesh/virtual-services/orders.local')).status).toBe(200);
    const deleted = await api<VirtualServiceData>('DELETE', '/api/meshes/vs-mesh/virtual-services/orders.local');
    expect(deleted.body.status.status).toBe('DELETED');
  });

  it('when a resource is tagged and untagged, then the tags follow', async () => {
    const gw = await api<VirtualGatewayData>('POST', '/api/meshes/m1/virtual-gateways', {
      virtualGatewayName: 'gw-tags',
      spec: exampleSpec(),
      tags: [{ key: 'a', value: '1' }],
    });
    const arn = gw.body.metadata.arn;
    const tagged = await api('POST', '/api/tags', { resourceArn: arn, tags: [{ key: 'b', value: '2' }] });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toEqual({});
    const tags = await api<{ tags: { key: string; value: string }[] }>(
      'GET',
      `/api/tags?resourceArn=${encodeURIComponent(arn)}`,
    );
    expect(tags.body.tags.map((t) => t.key).sort()).toEqual(['a', 'b']);
    expect((await api('POST', '/api/untag', { resourceArn: arn, tagKeys: ['a'] })).body).toEqual({});
    const after = await api<{ tags: { key: string }[] }>('GET', `/api/tags?resourceArn=${encodeURIComponent(arn)}`);
    expect(after.body.tags.map((t) => t.key)).toEqual(['b']);
  });

  it('when an /api route does not exist, then the answer is the JSON envelope with 404', async () => {
    const res = await api<Envelope>('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.error.code).toBe('NotFoundException');
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
  });
});

describe('console API admin reset', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer({ ACCOUNT_ID: ME, SEED: 'demo' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('when the store is reset with seed none and then demo, then the meshes follow', async () => {
    const before = await call<Page<MeshData>>(server.url, 'GET', '/api/meshes');
    expect(before.body.items.length).toBeGreaterThan(0);

    const none = await call(server.url, 'POST', '/api/admin/reset', { body: { seed: 'none' } });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ ok: true });
    expect((await call<Page<MeshData>>(server.url, 'GET', '/api/meshes')).body.items).toEqual([]);

    await call(server.url, 'POST', '/api/admin/reset', { body: { seed: 'demo' } });
    const demo = await call<Page<MeshData>>(server.url, 'GET', '/api/meshes');
    expect(demo.body.items.map((m) => m.meshName).sort()).toEqual(before.body.items.map((m) => m.meshName).sort());
  });

  it('when the seed is not demo or none, then the reset is refused and nothing changes', async () => {
    const res = await call<Envelope>(server.url, 'POST', '/api/admin/reset', { body: { seed: 'everything' } });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors?.seed).toEqual(['Seed must be one of demo, none.']);
    expect((await call<Page<MeshData>>(server.url, 'GET', '/api/meshes')).body.items.length).toBeGreaterThan(0);
  });
});

describe('console API with the real-mesh backend', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    // Nothing listens on port 9: only calls that never reach the endpoint are made here.
    server = await startTestServer({ MESH_BACKEND: 'appmesh', APPMESH_ENDPOINT: 'http://127.0.0.1:9' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('when the backend is appmesh, then the session says so and reset is refused', async () => {
    expect((await call<Session>(server.url, 'GET', '/api/session')).body.backend).toBe('appmesh');
    const res = await call<Envelope>(server.url, 'POST', '/api/admin/reset', { body: { seed: 'none' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/only available with the local mesh/);
    expect((await call(server.url, 'GET', '/readyz')).status).toBe(200);
  });

  it('when the backend is appmesh, then the App Mesh API is not proxied with the server credentials', async () => {
    const res = await call<{ message: string }>(server.url, 'GET', '/v20190125/meshes', { csrf: false });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(res.body.message).toMatch(/only for its local mesh/);
  });
});
