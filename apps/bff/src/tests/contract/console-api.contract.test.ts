// The console API contract, run twice with the same assertions: against a server on the local mock
// mesh, and against a server with MESH_BACKEND=appmesh whose real-mesh adapter talks to a second
// meshconsole process's App Mesh API (signed SigV4 requests over HTTP, as with AWS).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { consoleApi, type Json, startServerProcess, startTestServer, type TestServer } from '../support/server.js';

// Real servers, real clients (and child processes): generous limits for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ACCOUNT = '123456789012';
const GATEWAY_QUOTA = 6;

interface Setup {
  kind: 'local' | 'appmesh';
  start(): Promise<{ url: string; servers: TestServer[] }>;
}

const SHARING_ACCOUNT = '111122223333';

// The demo seed gives both setups the same data: `demo-mesh` (owned) and `partner-mesh`, owned by
// 111122223333 and shared with the caller.
const SHARED_ENV = {
  SEED: 'demo',
  ACCOUNT_ID: ACCOUNT,
  AWS_REGION: 'us-west-2',
  QUOTA_VIRTUAL_GATEWAYS_PER_MESH: String(GATEWAY_QUOTA),
};

const SETUPS: Setup[] = [
  {
    kind: 'local',
    async start() {
      const server = await startTestServer(SHARED_ENV);
      return { url: server.url, servers: [server] };
    },
  },
  {
    kind: 'appmesh',
    async start() {
      // The remote mesh is its own process and verifies the adapter's SigV4 signatures (its key is
      // configured with the secret); the front's adapter finds the credentials through the SDK's
      // standard chain (environment variables).
      const remote = await startServerProcess({
        ...SHARED_ENV,
        ACCESS_KEYS: 'AKIDCONTRACT:123456789012:contract-secret',
      });
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDCONTRACT');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'contract-secret');
      vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
      const front = await startTestServer({
        ...SHARED_ENV,
        MESH_BACKEND: 'appmesh',
        APPMESH_ENDPOINT: remote.url,
      });
      return { url: front.url, servers: [front, remote] };
    },
  },
];

const HTTP_9080 = { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] };
const route = (prefix: string) => ({
  httpRoute: {
    match: { prefix },
    action: { target: { virtualService: { virtualServiceName: 'svc.contract.local' } } },
  },
});

function expectEnvelope(body: Json, code: string) {
  expect(body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String), requestId: expect.any(String) }),
  });
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(body.error.message).not.toMatch(/\bat .+\.(ts|js):\d+|SELECT |INSERT |\/tmp\//);
}

describe.each(SETUPS)('console API contract, $kind backend', (setup) => {
  let base: string;
  let servers: TestServer[] = [];
  const api = (method: string, path: string, body?: unknown) => consoleApi(base, method, path, body);
  const gw = '/api/meshes/contract/virtual-gateways';

  beforeAll(async () => {
    const started = await setup.start();
    base = started.url;
    servers = started.servers;
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) await s.close();
    vi.unstubAllEnvs();
  });

  it('when the session is read, then it names the account, the region and the backend', async () => {
    const res = await api('GET', '/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accountId: ACCOUNT,
      region: 'us-west-2',
      backend: setup.kind,
      // reset and the other test-support endpoints belong to the local mesh
      testSupport:
        setup.kind === 'local'
          ? { enabled: true, signatureRequired: false }
          : {
              enabled: false,
              signatureRequired: false,
              reason: expect.stringMatching(/only available with the local mesh/),
            },
    });
  });

  it('when a mesh and a virtual service are created, then they come back as App Mesh data', async () => {
    const mesh = await api('POST', '/api/meshes', { meshName: 'contract' });
    expect(mesh.status).toBe(201);
    expect(mesh.body).toMatchObject({
      meshName: 'contract',
      metadata: { arn: `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/contract`, version: 1, meshOwner: ACCOUNT },
      status: { status: 'ACTIVE' },
    });
    const vs = await api('POST', '/api/meshes/contract/virtual-services', {
      virtualServiceName: 'svc.contract.local',
      spec: {},
    });
    expect(vs.status).toBe(201);
    expect(vs.body.virtualServiceName).toBe('svc.contract.local');
    const meshes = await api('GET', '/api/meshes');
    expect(meshes.body.items.map((m: Json) => m.meshName).sort()).toEqual(['contract', 'demo-mesh', 'partner-mesh']);
  });

  it('when a virtual gateway is created, described and updated, then version and spec follow', async () => {
    const created = await api('POST', gw, {
      virtualGatewayName: 'gw-a',
      spec: HTTP_9080,
      tags: [{ key: 't', value: '1' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      meshName: 'contract',
      virtualGatewayName: 'gw-a',
      spec: HTTP_9080,
      status: { status: 'ACTIVE' },
      metadata: {
        arn: `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/contract/virtualGateway/gw-a`,
        createdAt: expect.any(Number),
        lastUpdatedAt: expect.any(Number),
        meshOwner: ACCOUNT,
        resourceOwner: ACCOUNT,
        uid: expect.any(String),
        version: 1,
      },
    });
    expect(Math.abs(created.body.metadata.createdAt - Date.now() / 1000)).toBeLessThan(60);

    const described = await api('GET', `${gw}/gw-a`);
    expect(described.status).toBe(200);
    expect(described.body).toEqual(created.body);

    const spec = {
      listeners: [
        {
          portMapping: { port: 8080, protocol: 'http' },
          connectionPool: { http: { maxConnections: 100, maxPendingRequests: 10 } },
        },
      ],
      logging: { accessLog: { file: { path: '/dev/stdout' } } },
    };
    const updated = await api('PUT', `${gw}/gw-a`, { spec });
    expect(updated.status).toBe(200);
    expect(updated.body.spec).toEqual(spec);
    expect(updated.body.metadata.version).toBe(2);
    expect(updated.body.metadata.uid).toBe(created.body.metadata.uid);

    const tags = await api('GET', `/api/tags?resourceArn=${encodeURIComponent(created.body.metadata.arn)}`);
    expect(tags.body).toEqual({ tags: [{ key: 't', value: '1' }] });
  });

  it('when the body breaks the model, then 400 BadRequestException with fieldErrors and nothing is created', async () => {
    const res = await api('POST', gw, {
      virtualGatewayName: 'gw-bad',
      spec: {
        listeners: [
          {
            portMapping: { port: 70000, protocol: 'http' },
            healthCheck: {
              protocol: 'http',
              healthyThreshold: 2,
              unhealthyThreshold: 2,
              intervalMillis: 1,
              timeoutMillis: 2000,
            },
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    expectEnvelope(res.body, 'BadRequestException');
    expect(Object.keys(res.body.error.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['spec.listeners.0.portMapping.port', 'spec.listeners.0.healthCheck.intervalMillis']),
    );
    expect(res.body.error.fieldErrors['spec.listeners.0.healthCheck.intervalMillis'][0]).toMatch(/5000/);
    expect((await api('GET', `${gw}/gw-bad`)).status).toBe(404);
  });

  it('when the gateway name is taken, then 409 ConflictException on the name field', async () => {
    const res = await api('POST', gw, { virtualGatewayName: 'gw-a', spec: HTTP_9080 });
    expect(res.status).toBe(409);
    expectEnvelope(res.body, 'ConflictException');
  });

  it('when a gateway or mesh does not exist, then 404 NotFoundException', async () => {
    const missing = await api('GET', `${gw}/nope`);
    expect(missing.status).toBe(404);
    expectEnvelope(missing.body, 'NotFoundException');
    const noMesh = await api('GET', '/api/meshes/no-such-mesh/virtual-gateways');
    expect(noMesh.status).toBe(404);
    expectEnvelope(noMesh.body, 'NotFoundException');
  });

  it('when gateways are listed with a limit, then pages chain through nextToken to every gateway', async () => {
    for (const name of ['gw-b', 'gw-c', 'gw-d', 'gw-e']) {
      expect((await api('POST', gw, { virtualGatewayName: name, spec: HTTP_9080 })).status).toBe(201);
    }
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const query = `?limit=2${token ? `&nextToken=${encodeURIComponent(token)}` : ''}`;
      const page = await api('GET', `${gw}${query}`);
      expect(page.status).toBe(200);
      sizes.push(page.body.items.length);
      seen.push(...page.body.items.map((g: Json) => g.virtualGatewayName));
      for (const item of page.body.items) expect(item.metadata.arn).toContain(':mesh/contract/virtualGateway/');
      token = page.body.nextToken;
    } while (token && sizes.length < 10);
    expect(seen.sort()).toEqual(['gw-a', 'gw-b', 'gw-c', 'gw-d', 'gw-e']);
    expect(Math.max(...sizes)).toBe(2);
    expect(sizes.length).toBeGreaterThanOrEqual(3);

    const badLimit = await api('GET', `${gw}?limit=0`);
    expect(badLimit.status).toBe(400);
    expectEnvelope(badLimit.body, 'BadRequestException');
    expect(Object.keys(badLimit.body.error.fieldErrors ?? {})).toContain('limit');
  });

  it('when the mesh reaches its gateway quota, then 400 LimitExceededException', async () => {
    expect((await api('POST', gw, { virtualGatewayName: 'gw-f', spec: HTTP_9080 })).status).toBe(201);
    const over = await api('POST', gw, { virtualGatewayName: 'gw-g', spec: HTTP_9080 });
    expect(over.status).toBe(400);
    expectEnvelope(over.body, 'LimitExceededException');
  });

  it('when gateway routes are created, described, updated and listed, then they follow the gateway', async () => {
    const routes = `${gw}/gw-a/gateway-routes`;
    const created = await api('POST', routes, { gatewayRouteName: 'r1', spec: route('/') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      meshName: 'contract',
      virtualGatewayName: 'gw-a',
      gatewayRouteName: 'r1',
      metadata: {
        arn: `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/contract/virtualGateway/gw-a/gatewayRoute/r1`,
        version: 1,
      },
      status: { status: 'ACTIVE' },
    });
    expect((await api('POST', routes, { gatewayRouteName: 'r2', spec: route('/v2/') })).status).toBe(201);
    expect((await api('GET', `${routes}/r1`)).body).toEqual(created.body);
    const updated = await api('PUT', `${routes}/r1`, { spec: route('/v1/') });
    expect(updated.status).toBe(200);
    expect(updated.body.spec.httpRoute.match.prefix).toBe('/v1/');
    expect(updated.body.metadata.version).toBe(2);
    const first = await api('GET', `${routes}?limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextToken).toEqual(expect.any(String));
    const second = await api('GET', `${routes}?limit=1&nextToken=${encodeURIComponent(first.body.nextToken)}`);
    expect([first.body.items[0].gatewayRouteName, second.body.items[0].gatewayRouteName].sort()).toEqual(['r1', 'r2']);
    const badRoute = await api('POST', routes, { gatewayRouteName: 'r3', spec: { priority: 5000 } });
    expect(badRoute.status).toBe(400);
    expectEnvelope(badRoute.body, 'BadRequestException');
    expect(badRoute.body.error.fieldErrors).toBeDefined();
  });

  it('when a request is tested against the gateway routes, then the route and the rewrites come from the backend', async () => {
    const tested = await api('POST', `${gw}/gw-a/test-request`, { path: '/v2/items?page=2', host: 'shop.example.com' });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({
      matched: { gatewayRouteName: 'r2', priority: null },
      target: { virtualServiceName: 'svc.contract.local', port: null },
      forwarded: { host: 'svc.contract.local', path: '/items?page=2' },
    });
    expect(tested.body.routes.map((r: Json) => [r.gatewayRouteName, r.outcome])).toEqual([
      ['r1', 'not-matched'],
      ['r2', 'matched'],
    ]);
    expect((await api('GET', `${gw}/gw-a/route-checks`)).body).toEqual({ findings: [] });
    const shared = await api(
      'POST',
      `/api/meshes/partner-mesh/virtual-gateways/partner-gw/test-request?meshOwner=${SHARING_ACCOUNT}`,
      { serviceName: 'partner.inventory.v1.Inventory' },
    );
    expect(shared.status).toBe(200);
    expect(shared.body.matched.gatewayRouteName).toBe('inventory-route');
    const bad = await api('POST', `${gw}/gw-a/test-request`, { path: 'v2' });
    expect(bad.status).toBe(400);
    expectEnvelope(bad.body, 'BadRequestException');
    expect(bad.body.error.fieldErrors).toHaveProperty('path');
  });

  it('when a gateway with routes or a routed service is deleted, then 409 ResourceInUseException and nothing changes', async () => {
    const inUse = await api('DELETE', `${gw}/gw-a`);
    expect(inUse.status).toBe(409);
    expectEnvelope(inUse.body, 'ResourceInUseException');
    const service = await api('DELETE', '/api/meshes/contract/virtual-services/svc.contract.local');
    expect(service.status).toBe(409);
    expectEnvelope(service.body, 'ResourceInUseException');
    expect((await api('GET', `${gw}/gw-a`)).body.metadata.version).toBe(2);
  });

  it('when the routes and then the gateway are deleted, then each answers DELETED with its version bumped', async () => {
    const routes = `${gw}/gw-a/gateway-routes`;
    for (const name of ['r1', 'r2']) {
      const res = await api('DELETE', `${routes}/${name}`);
      expect(res.status).toBe(200);
      expect(res.body.status).toEqual({ status: 'DELETED' });
    }
    expect((await api('GET', routes)).body.items).toEqual([]);
    const deleted = await api('DELETE', `${gw}/gw-a`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.status).toEqual({ status: 'DELETED' });
    expect(deleted.body.metadata.version).toBe(3);
    expect((await api('GET', `${gw}/gw-a`)).status).toBe(404);
    const again = await api('DELETE', `${gw}/gw-a`);
    expect(again.status).toBe(404);
    expectEnvelope(again.body, 'NotFoundException');
  });

  it('when tags are added and removed, then the tag list follows', async () => {
    const arn = `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/contract/virtualGateway/gw-b`;
    const added = await api('POST', '/api/tags', { resourceArn: arn, tags: [{ key: 'team', value: 'payments' }] });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({});
    expect((await api('GET', `/api/tags?resourceArn=${encodeURIComponent(arn)}`)).body).toEqual({
      tags: [{ key: 'team', value: 'payments' }],
    });
    expect((await api('POST', '/api/untag', { resourceArn: arn, tagKeys: ['team'] })).status).toBe(200);
    expect((await api('GET', `/api/tags?resourceArn=${encodeURIComponent(arn)}`)).body).toEqual({ tags: [] });
    const bad = await api('POST', '/api/tags', { resourceArn: arn, tags: [{ key: '', value: 'x' }] });
    expect(bad.status).toBe(400);
    expectEnvelope(bad.body, 'BadRequestException');
    expect(bad.body.error.fieldErrors).toBeDefined();
  });

  it("when a mesh is shared with the caller, then it reads the gateways but may not change the owner's", async () => {
    const shared = `/api/meshes/partner-mesh/virtual-gateways`;
    const owner = `?meshOwner=${SHARING_ACCOUNT}`;
    const listed = await api('GET', `${shared}${owner}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((g: Json) => g.virtualGatewayName)).toEqual(['partner-gw']);
    expect(listed.body.items[0].metadata).toMatchObject({ meshOwner: SHARING_ACCOUNT, resourceOwner: SHARING_ACCOUNT });
    const described = await api('GET', `${shared}/partner-gw${owner}`);
    expect(described.body.metadata.arn).toBe(
      `arn:aws:appmesh:us-west-2:${SHARING_ACCOUNT}:mesh/partner-mesh/virtualGateway/partner-gw`,
    );
    const update = await api('PUT', `${shared}/partner-gw${owner}`, { spec: described.body.spec });
    expect(update.status).toBe(403);
    expectEnvelope(update.body, 'ForbiddenException');
    const remove = await api('DELETE', `${shared}/partner-gw${owner}`);
    expect(remove.status).toBe(403);
    expectEnvelope(remove.body, 'ForbiddenException');
    const create = await api('POST', `${shared}${owner}`, { virtualGatewayName: 'mine', spec: HTTP_9080 });
    expect(create.status).toBe(403);
    expectEnvelope(create.body, 'ForbiddenException');
    expect((await api('GET', `${shared}/partner-gw${owner}`)).body).toEqual(described.body);
  });

  it('when a write lacks the CSRF header, then 403 ForbiddenException and nothing is created', async () => {
    const res = await fetch(`${base}${gw}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ virtualGatewayName: 'gw-csrf', spec: HTTP_9080 }),
    });
    expect(res.status).toBe(403);
    expectEnvelope(await res.json(), 'ForbiddenException');
    expect((await api('GET', `${gw}/gw-csrf`)).status).toBe(404);
  });
});
