// The test-request and route-checks endpoints through the real app: the real engine on a SQLite file,
// gateways and routes created through the console API, requests over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleApi, type InProcessServer, type Json, startTestServer } from '../tests/support/server.js';

let server: InProcessServer;
const api = (method: string, path: string, body?: unknown) => consoleApi(server.url, method, path, body);
const MESH = 'routing';
const gw = (name: string) => `/api/meshes/${MESH}/virtual-gateways/${name}`;
const SERVICES = ['svc.local', 'books.local', 'other.local', 'grpc.local', 'tenant.local'];

let gatewayCount = 0;

/** A new gateway (`protocol` listener on 8080) with the given routes, created through the console API. */
async function gateway(routes: Record<string, unknown>, protocol: 'http' | 'http2' | 'grpc' = 'http'): Promise<string> {
  const name = `gw-${++gatewayCount}`;
  const created = await api('POST', `/api/meshes/${MESH}/virtual-gateways`, {
    virtualGatewayName: name,
    spec: { listeners: [{ portMapping: { port: 8080, protocol } }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const [gatewayRouteName, spec] of Object.entries(routes)) {
    const res = await api('POST', `${gw(name)}/gateway-routes`, { gatewayRouteName, spec });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return name;
}

function http(match: Record<string, unknown>, virtualServiceName = 'svc.local', extra: Record<string, unknown> = {}) {
  const { priority, ...action } = extra;
  return {
    httpRoute: { match, action: { target: { virtualService: { virtualServiceName } }, ...action } },
    ...(priority === undefined ? {} : { priority }),
  };
}

const testRequest = (name: string, body: unknown, query = '') => api('POST', `${gw(name)}/test-request${query}`, body);

beforeAll(async () => {
  server = await startTestServer({
    SEED: 'demo',
    ACCOUNT_ID: '123456789012',
    QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '60',
    QUOTA_GATEWAY_ROUTES_PER_VIRTUAL_GATEWAY: '110',
  });
  expect((await api('POST', '/api/meshes', { meshName: MESH })).status).toBe(201);
  for (const virtualServiceName of SERVICES) {
    const res = await api('POST', `/api/meshes/${MESH}/virtual-services`, { virtualServiceName, spec: {} });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await server.close();
});

describe('POST .../test-request', () => {
  it("when /chapter/1 is sent to a route matching prefix /chapter for svc.local, then it is forwarded as host svc.local, path /1 (the guide's example)", async () => {
    const name = await gateway({ chapter: http({ prefix: '/chapter' }, 'svc.local', { priority: 10 }) });
    const res = await testRequest(name, {
      method: 'GET',
      path: '/chapter/1?x=1',
      host: 'books.example.com',
      headers: { 'x-user': 'a' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      matched: { gatewayRouteName: 'chapter', priority: 10 },
      target: { virtualServiceName: 'svc.local', port: null },
      forwarded: { host: 'svc.local', path: '/1?x=1', rewrites: [expect.any(String), expect.any(String)] },
      routes: [{ gatewayRouteName: 'chapter', outcome: 'matched', reason: expect.stringContaining('prefix /chapter') }],
      service: {
        virtualServiceName: 'svc.local',
        provider: 'none',
        reason: 'Virtual service svc.local has no provider: the request reaches no virtual node.',
      },
    });
    const plain = await testRequest(name, { path: '/chapter/1' });
    expect(plain.body.forwarded).toMatchObject({ host: 'svc.local', path: '/1' });
  });

  it('when each rewrite setting is used, then the forwarded host and path follow it', async () => {
    const name = await gateway({
      'default-rw': http({ prefix: '/default' }),
      'enabled-rw': http({ prefix: '/enabled' }, 'svc.local', {
        rewrite: { prefix: { defaultPrefix: 'ENABLED' }, hostname: { defaultTargetHostname: 'ENABLED' } },
      }),
      'disabled-rw': http({ prefix: '/disabled' }, 'svc.local', { rewrite: { prefix: { defaultPrefix: 'DISABLED' } } }),
      'value-rw': http({ prefix: '/value' }, 'svc.local', { rewrite: { prefix: { value: '/v2/' } } }),
      'path-rw': http({ path: { exact: '/exact' } }, 'svc.local', { rewrite: { path: { exact: '/rewritten' } } }),
      'regex-keep': http({ path: { regex: '/regex/[0-9]+' } }),
      'host-keep': http({ prefix: '/keep-host' }, 'books.local', {
        rewrite: { hostname: { defaultTargetHostname: 'DISABLED' } },
      }),
    });
    const cases: Array<[string, string, string | null, string]> = [
      ['/default/a?q=1', 'default-rw', 'svc.local', '/a?q=1'],
      ['/enabled/a', 'enabled-rw', 'svc.local', '/a'],
      ['/disabled/a', 'disabled-rw', 'svc.local', '/disabled/a'],
      ['/value/a', 'value-rw', 'svc.local', '/v2/a'],
      ['/exact?q=1', 'path-rw', 'svc.local', '/rewritten?q=1'],
      ['/regex/12', 'regex-keep', 'svc.local', '/regex/12'],
      ['/keep-host/a', 'host-keep', 'in.example.com:8080', '/a'],
    ];
    for (const [path, route, host, forwarded] of cases) {
      const res = await testRequest(name, { path, host: 'in.example.com:8080' });
      expect(res.status).toBe(200);
      expect(res.body.matched?.gatewayRouteName, path).toBe(route);
      expect(res.body.forwarded, path).toMatchObject({ host, path: forwarded });
    }
    const disabled = await testRequest(name, { path: '/disabled/a' });
    expect(disabled.body.forwarded.rewrites[1]).toBe(
      'The path /disabled/a is forwarded as it is (Default prefix: DISABLED).',
    );
    const noHost = await testRequest(name, { path: '/keep-host/a' });
    expect(noHost.body.forwarded.host).toBeNull();
  });

  describe('each match kind', () => {
    const KINDS: Array<{ kind: string; match: Record<string, unknown>; hit: Json; miss: Json; why: RegExp }> = [
      {
        kind: 'prefix',
        match: { prefix: '/books' },
        hit: { path: '/books/1' },
        miss: { path: '/cds' },
        why: /does not start with its prefix \/books/,
      },
      {
        kind: 'exact path',
        match: { path: { exact: '/books' } },
        hit: { path: '/books?x=1' },
        miss: { path: '/books/1' },
        why: /is not its exact path \/books/,
      },
      {
        kind: 'path regex',
        match: { path: { regex: '/books/[0-9]+' } },
        hit: { path: '/books/12' },
        miss: { path: '/books/x' },
        why: /does not match its path regex/,
      },
      {
        kind: 'exact hostname',
        match: { hostname: { exact: 'api.example.com' } },
        hit: { path: '/', host: 'API.example.com:8080' },
        miss: { path: '/', host: 'web.example.com' },
        why: /is not its hostname api\.example\.com/,
      },
      {
        kind: 'hostname suffix',
        match: { hostname: { suffix: '.example.com' } },
        hit: { path: '/', host: 'a.example.com' },
        miss: { path: '/', host: 'example.org' },
        why: /does not end with its hostname suffix/,
      },
      {
        kind: 'method',
        match: { prefix: '/', method: 'POST' },
        hit: { path: '/', method: 'POST' },
        miss: { path: '/' },
        why: /the method GET is not its method POST/i,
      },
      { kind: 'port', match: { port: 8080 }, hit: { path: '/anything' }, miss: null, why: /./ },
      {
        kind: 'header exact',
        match: { prefix: '/', headers: [{ name: 'x-user', match: { exact: 'a' } }] },
        hit: { path: '/', headers: { 'X-User': 'a' } },
        miss: { path: '/', headers: { 'x-user': 'b' } },
        why: /header x-user is "b" and it needs exactly "a"/i,
      },
      {
        kind: 'header prefix',
        match: { prefix: '/', headers: [{ name: 'x-v', match: { prefix: 'v1' } }] },
        hit: { path: '/', headers: { 'x-v': 'v1.2' } },
        miss: { path: '/', headers: { 'x-v': 'v2' } },
        why: /starting with "v1"/,
      },
      {
        kind: 'header suffix',
        match: { prefix: '/', headers: [{ name: 'x-v', match: { suffix: '-beta' } }] },
        hit: { path: '/', headers: { 'x-v': '2-beta' } },
        miss: { path: '/', headers: { 'x-v': '2' } },
        why: /ending with "-beta"/,
      },
      {
        kind: 'header regex',
        match: { prefix: '/', headers: [{ name: 'x-v', match: { regex: 'v[0-9]+' } }] },
        hit: { path: '/', headers: { 'x-v': 'v12' } },
        miss: { path: '/', headers: { 'x-v': 'xv12' } },
        why: /matching the regex/,
      },
      {
        kind: 'header range',
        match: { prefix: '/', headers: [{ name: 'x-n', match: { range: { start: 1, end: 100 } } }] },
        hit: { path: '/', headers: { 'x-n': '99' } },
        miss: { path: '/', headers: { 'x-n': '100' } },
        why: /whole number from 1 up to \(not including\) 100/,
      },
      {
        kind: 'header present',
        match: { prefix: '/', headers: [{ name: 'x-debug' }] },
        hit: { path: '/', headers: { 'x-debug': '' } },
        miss: { path: '/' },
        why: /header x-debug is missing and it needs present/i,
      },
      {
        kind: 'header invert',
        match: { prefix: '/', headers: [{ name: 'x-user', invert: true, match: { exact: 'bot' } }] },
        hit: { path: '/', headers: { 'x-user': 'ann' } },
        miss: { path: '/', headers: { 'x-user': 'bot' } },
        why: /anything but exactly "bot"/,
      },
      {
        kind: 'query parameter',
        match: { prefix: '/', queryParameters: [{ name: 'fishes', match: { exact: 'nemo' } }] },
        hit: { path: '/?fishes=nemo' },
        miss: { path: '/?fishes=dory' },
        why: /query parameter fishes is "dory"/i,
      },
    ];
    it.each(KINDS)(
      'when a route matches by $kind, then a matching request takes it and another falls through with the reason',
      async ({ match, hit, miss, why }) => {
        const name = await gateway({
          kind: http(match, 'books.local', { priority: 0 }),
          fallback: http({ prefix: '/' }, 'other.local', { priority: 1000 }),
        });
        const taken = await testRequest(name, hit);
        expect(taken.status).toBe(200);
        expect(taken.body.matched).toEqual({ gatewayRouteName: 'kind', priority: 0 });
        expect(taken.body.target).toEqual({ virtualServiceName: 'books.local', port: null });
        expect(taken.body.routes[1]).toMatchObject({ gatewayRouteName: 'fallback', outcome: 'lower-priority' });
        if (miss === null) return;
        const missed = await testRequest(name, miss);
        expect(missed.body.matched.gatewayRouteName).toBe('fallback');
        expect(missed.body.routes[0]).toMatchObject({ gatewayRouteName: 'kind', outcome: 'not-matched' });
        expect(missed.body.routes[0].reason).toMatch(why);
      },
    );
  });

  it('when priorities differ and tie, then lower priority wins first, then the longer prefix, exact before prefix, then the name', async () => {
    const name = await gateway({
      'root-p5': http({ prefix: '/' }, 'svc.local', { priority: 5 }),
      'chapter-p10': http({ prefix: '/chapter' }, 'books.local', { priority: 10 }),
      'chapter-1-p10': http({ prefix: '/chapter/1' }, 'books.local', { priority: 10 }),
      'exact-p10': http({ path: { exact: '/chapter/1/x' } }, 'books.local', { priority: 10 }),
      'b-unset': http({ prefix: '/x' }, 'other.local'),
      'a-unset': http({ prefix: '/x' }, 'other.local'),
    });
    const first = await testRequest(name, { path: '/chapter/1/x' });
    expect(first.body.matched).toEqual({ gatewayRouteName: 'root-p5', priority: 5 });
    expect(first.body.routes.map((r: Json) => [r.gatewayRouteName, r.outcome])).toEqual([
      ['root-p5', 'matched'],
      ['exact-p10', 'lower-priority'],
      ['chapter-1-p10', 'lower-priority'],
      ['chapter-p10', 'lower-priority'],
      ['a-unset', 'not-matched'],
      ['b-unset', 'not-matched'],
    ]);
    expect(first.body.routes[1].reason).toBe('It matches too, but root-p5 comes first: priority 5 comes before 10.');
    // Without the catch-all, the same priority's tie-breaking decides.
    const ties = await gateway({
      'chapter-p10': http({ prefix: '/chapter' }, 'books.local', { priority: 10 }),
      'chapter-1-p10': http({ prefix: '/chapter/1' }, 'books.local', { priority: 10 }),
      'exact-p10': http({ path: { exact: '/chapter/1/x' } }, 'svc.local', { priority: 10 }),
      'b-unset': http({ prefix: '/x' }, 'other.local'),
      'a-unset': http({ prefix: '/x' }, 'other.local'),
    });
    const exact = await testRequest(ties, { path: '/chapter/1/x' });
    expect(exact.body.matched.gatewayRouteName).toBe('exact-p10');
    expect(exact.body.routes[1].reason).toBe(
      'It matches too, but exact-p10 comes first: the same priority, and an exact path comes before a prefix.',
    );
    const longest = await testRequest(ties, { path: '/chapter/1/y' });
    expect(longest.body.matched.gatewayRouteName).toBe('chapter-1-p10');
    expect(longest.body.routes.find((r: Json) => r.gatewayRouteName === 'chapter-p10').reason).toBe(
      'It matches too, but chapter-1-p10 comes first: the same priority, and its prefix /chapter/1 is longer than /chapter.',
    );
    const byName = await testRequest(ties, { path: '/x' });
    expect(byName.body.matched).toEqual({ gatewayRouteName: 'a-unset', priority: null });
    expect(byName.body.routes.at(-1).reason).toBe(
      'It matches too, but a-unset comes first: the same priority and equally specific matches, and the name a-unset sorts before b-unset.',
    );
  });

  it('when a grpc gateway is asked, then service name, metadata and hostname decide and only the host is rewritten', async () => {
    const grpc = (match: Record<string, unknown>, virtualServiceName: string, priority?: number) => ({
      grpcRoute: { match, action: { target: { virtualService: { virtualServiceName }, port: 9000 } } },
      ...(priority === undefined ? {} : { priority }),
    });
    const name = await gateway(
      {
        svc: grpc({ serviceName: 'pkg.Books' }, 'grpc.local', 10),
        tenant: grpc(
          { serviceName: 'pkg.Books', metadata: [{ name: 'x-tenant', match: { exact: 'a' } }] },
          'tenant.local',
          10,
        ),
        hosts: grpc({ hostname: { suffix: '.example.com' } }, 'other.local'),
      },
      'grpc',
    );
    const tenant = await testRequest(name, {
      serviceName: 'pkg.Books',
      methodName: 'Get',
      metadata: { 'x-tenant': 'a' },
    });
    expect(tenant.status).toBe(200);
    expect(tenant.body).toMatchObject({
      matched: { gatewayRouteName: 'tenant', priority: 10 },
      target: { virtualServiceName: 'tenant.local', port: 9000 },
      forwarded: { host: 'tenant.local', path: '/pkg.Books/Get' },
    });
    expect(tenant.body.routes[1]).toMatchObject({ gatewayRouteName: 'svc', outcome: 'lower-priority' });
    const other = await testRequest(name, { serviceName: 'pkg.Cds', host: 'a.example.com' });
    expect(other.body.matched.gatewayRouteName).toBe('hosts');
    expect(other.body.routes.find((r: Json) => r.gatewayRouteName === 'svc').reason).toBe(
      'The gRPC service pkg.Cds is not its service name pkg.Books.',
    );
  });

  it('when an http2 gateway is asked, then its http2 routes answer and an http route on it never does', async () => {
    const h2 = http({ prefix: '/' }, 'books.local');
    const name = await gateway(
      { h2: { http2Route: h2.httpRoute }, h1: http({ prefix: '/' }, 'svc.local', { priority: 0 }) },
      'http2',
    );
    const res = await testRequest(name, { path: '/a' });
    expect(res.body.matched.gatewayRouteName).toBe('h2');
    expect(res.body.routes.find((r: Json) => r.gatewayRouteName === 'h1')).toEqual({
      gatewayRouteName: 'h1',
      outcome: 'not-matched',
      reason: "It is an http route and this gateway's listener is http2, so it never receives requests.",
    });
  });

  it('when no route matches, then matched, target and forwarded are null and every route says why', async () => {
    const name = await gateway({
      books: http({ prefix: '/books' }),
      api: http({ prefix: '/', hostname: { exact: 'api.example.com' } }),
      posts: http({ prefix: '/', method: 'POST' }),
    });
    const res = await testRequest(name, { path: '/cds', host: 'www.example.com' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      matched: null,
      target: null,
      forwarded: null,
      routes: [
        {
          gatewayRouteName: 'books',
          outcome: 'not-matched',
          reason: 'The path /cds does not start with its prefix /books.',
        },
        {
          gatewayRouteName: 'api',
          outcome: 'not-matched',
          reason: 'The host www.example.com is not its hostname api.example.com.',
        },
        { gatewayRouteName: 'posts', outcome: 'not-matched', reason: 'The method GET is not its method POST.' },
      ],
    });
  });

  it('when a gateway has no route, then nothing matches and the route list is empty', async () => {
    const name = await gateway({});
    expect((await testRequest(name, { path: '/' })).body).toEqual({
      matched: null,
      target: null,
      forwarded: null,
      routes: [],
    });
  });

  it('when the body is not a request, then it is a 400 BadRequestException naming the field', async () => {
    const name = await gateway({ all: http({ prefix: '/' }) });
    const grpcName = await gateway(
      {
        g: {
          grpcRoute: {
            match: { serviceName: 'a.B' },
            action: { target: { virtualService: { virtualServiceName: 'grpc.local' } } },
          },
        },
      },
      'grpc',
    );
    const cases: Array<[string, unknown, string, RegExp]> = [
      [name, [1, 2], '', /The request must be a JSON object/],
      [name, {}, 'path', /^Path is required\.$/],
      [name, { path: 'chapter/1' }, 'path', /Path must start with "\/"/],
      [name, { path: '/a b' }, 'path', /visible ASCII/],
      [name, { path: '/', method: 'FETCH' }, 'method', /Method must be one of GET, HEAD, POST/],
      [name, { path: '/', host: 'a b' }, 'host', /Host must be a host name/],
      [name, { path: '/', headers: ['x'] }, 'headers', /Headers must be an object of header names to values/],
      [name, { path: '/', headers: { 'bad name': 'x' } }, 'headers.bad name', /not valid/],
      [name, { path: '/', headers: { Host: 'a.b' } }, 'headers.Host', /Give the host in Host/],
      [name, { path: '/', headers: { 'x-a': 5 } }, 'headers.x-a', /must be text/],
      [
        name,
        { path: '/', serviceName: 'pkg.Svc' },
        'serviceName',
        /listener is http: its requests have a method, a path/,
      ],
      [grpcName, { path: '/pkg.Svc/Get' }, 'serviceName', /gRPC service name is required/],
      [grpcName, { serviceName: 'pkg.Svc', path: '/x' }, 'path', /listener is grpc: its requests have a service name/],
      [grpcName, { serviceName: 'pkg/Svc' }, 'serviceName', /only letters, digits/],
    ];
    for (const [gateway, body, field, message] of cases) {
      const res = await testRequest(gateway, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('BadRequestException');
      expect(res.body.error.requestId).toEqual(expect.any(String));
      expect(res.body.error.fieldErrors?.[field]?.join(' '), JSON.stringify(body)).toMatch(message);
    }
  });

  it('when the CSRF header is missing, then the POST is refused with 403', async () => {
    const name = await gateway({ all: http({ prefix: '/' }) });
    const res = await fetch(`${server.url}${gw(name)}/test-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as Json).error.code).toBe('ForbiddenException');
  });

  it('when the gateway does not exist or meshOwner is not an account, then the error envelope says so', async () => {
    const missing = await testRequest('no-such-gateway', { path: '/' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NotFoundException');
    const owner = await testRequest('no-such-gateway', { path: '/' }, '?meshOwner=12');
    expect(owner.status).toBe(400);
    expect(owner.body.error.fieldErrors).toHaveProperty('meshOwner');
  });

  it('when a gateway is in a mesh shared with you, then ?meshOwner= selects it', async () => {
    const res = await api(
      'POST',
      '/api/meshes/partner-mesh/virtual-gateways/partner-gw/test-request?meshOwner=111122223333',
      { serviceName: 'partner.inventory.v1.Inventory', methodName: 'List' },
    );
    expect(res.status).toBe(200);
    expect(res.body.matched.gatewayRouteName).toBe('inventory-route');
    expect(res.body.forwarded).toMatchObject({
      host: 'inventory.partner.local',
      path: '/partner.inventory.v1.Inventory/List',
    });
    const notShared = await api('POST', '/api/meshes/partner-mesh/virtual-gateways/partner-gw/test-request', {
      serviceName: 'a.B',
    });
    expect(notShared.status).toBe(404);
  });
});

describe('POST .../test-request beyond the gateway', () => {
  it('when the target virtual service is provided by a virtual router, then the answer names the route and the weighted nodes the request reaches', async () => {
    const mesh = server.backend.meshApiFor('123456789012', 'console');
    for (const virtualNodeName of ['blue', 'green']) {
      await mesh.createVirtualNode({ meshName: MESH, virtualNodeName, spec: {} });
    }
    await mesh.createVirtualRouter({
      meshName: MESH,
      virtualRouterName: 'router',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
    await mesh.createRoute({
      meshName: MESH,
      virtualRouterName: 'router',
      routeName: 'split',
      spec: {
        httpRoute: {
          match: { prefix: '/' },
          action: {
            weightedTargets: [
              { virtualNode: 'blue', weight: 9 },
              { virtualNode: 'green', weight: 1 },
            ],
          },
        },
      },
    });
    await mesh.createVirtualService({
      meshName: MESH,
      virtualServiceName: 'routed.local',
      spec: { provider: { virtualRouter: { virtualRouterName: 'router' } } },
    });
    const name = await gateway({ routed: http({ prefix: '/routed' }, 'routed.local') });
    const res = await testRequest(name, { method: 'GET', path: '/routed/a' });
    expect(res.status).toBe(200);
    expect(res.body.service).toMatchObject({
      virtualServiceName: 'routed.local',
      provider: 'virtualRouter',
      virtualRouterName: 'router',
      route: { routeName: 'split', priority: null },
      weightedTargets: [
        { virtualNode: 'blue', weight: 9, percent: 90 },
        { virtualNode: 'green', weight: 1, percent: 10 },
      ],
    });
    const plain = await testRequest(await gateway({ plain: http({ prefix: '/' }, 'svc.local') }), { path: '/x' });
    expect(plain.body.service).toMatchObject({ virtualServiceName: 'svc.local', provider: 'none' });
  });
});

describe('GET .../route-checks', () => {
  it('when routes are duplicate, shadowed, on the wrong port or protocol, or have an RE2-invalid regex, then each is a finding', async () => {
    const name = await gateway({
      'catch-all': http({ prefix: '/' }, 'svc.local', { priority: 0 }),
      chapter: http({ prefix: '/chapter' }, 'svc.local', { priority: 10 }),
      'api-a': http({ prefix: '/api', hostname: { exact: 'api.example.com' } }, 'svc.local', { priority: 0 }),
      'api-b': http({ prefix: '/api', hostname: { exact: 'API.example.com' } }, 'books.local', { priority: 0 }),
      'wrong-port': http({ port: 9090 }),
      'wrong-protocol': {
        grpcRoute: {
          match: { serviceName: 'a.B' },
          action: { target: { virtualService: { virtualServiceName: 'grpc.local' } } },
        },
      },
      lookahead: http({ path: { regex: '/(?!admin).*' } }),
    });
    const res = await api('GET', `${gw(name)}/route-checks`);
    expect(res.status).toBe(200);
    const byRoute = Object.fromEntries(res.body.findings.map((f: Json) => [f.gatewayRouteName, f]));
    expect(Object.keys(byRoute).sort()).toEqual(['api-b', 'chapter', 'lookahead', 'wrong-port', 'wrong-protocol']);
    expect(byRoute['api-b']).toMatchObject({ code: 'duplicate', severity: 'error', otherRoute: 'api-a' });
    expect(byRoute.chapter).toMatchObject({
      code: 'shadowed',
      otherRoute: 'catch-all',
      field: 'httpRoute.match',
      message:
        'chapter never receives a request: catch-all comes first (priority 0 comes before 10) and matches every request chapter matches.',
    });
    expect(byRoute['wrong-port']).toMatchObject({ code: 'port-mismatch', field: 'httpRoute.match.port' });
    expect(byRoute['wrong-protocol']).toMatchObject({ code: 'protocol-mismatch', field: 'grpcRoute' });
    expect(byRoute.lookahead).toMatchObject({ code: 'invalid-regex', field: 'httpRoute.match.path.regex' });
  });

  it('when the routes are sound, then there are no findings; a shared mesh takes ?meshOwner=', async () => {
    const name = await gateway({ a: http({ prefix: '/a' }), root: http({ prefix: '/' }) });
    expect((await api('GET', `${gw(name)}/route-checks`)).body).toEqual({ findings: [] });
    const shared = await api(
      'GET',
      '/api/meshes/partner-mesh/virtual-gateways/partner-gw/route-checks?meshOwner=111122223333',
    );
    expect(shared.status).toBe(200);
    expect(shared.body).toEqual({ findings: [] });
    const missing = await api('GET', `${gw('nope')}/route-checks`);
    expect(missing.status).toBe(404);
  });

  it('when a gateway has more routes than one list page (100), then every page is read', async () => {
    const routes: Record<string, unknown> = {};
    for (let i = 0; i < 103; i++)
      routes[`r-${String(i).padStart(3, '0')}`] = http({ prefix: `/p${i}/` }, 'svc.local', { priority: i });
    routes.last = http({ prefix: '/p1/x' }, 'svc.local', { priority: 900 });
    const name = await gateway(routes);
    const page = await api('GET', `${gw(name)}/gateway-routes?limit=100`);
    expect(page.body.items).toHaveLength(100);
    expect(page.body.nextToken).toEqual(expect.any(String));
    const checks = await api('GET', `${gw(name)}/route-checks`);
    expect(checks.body.findings).toEqual([
      expect.objectContaining({ gatewayRouteName: 'last', code: 'shadowed', otherRoute: 'r-001' }),
    ]);
    const answer = await testRequest(name, { path: '/p102/x' });
    expect(answer.body.routes).toHaveLength(104);
    expect(answer.body.matched.gatewayRouteName).toBe('r-102');
  });
});
