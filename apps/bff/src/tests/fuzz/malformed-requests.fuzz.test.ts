// Thousands of generated malformed requests (bodies, paths, query strings, signatures) against both
// APIs of one real server: no 5xx, every 4xx names its exception and says something, no internals
// leak, and the store is exactly as it was.
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessServer, startTestServer } from '../support/server.js';

const ACCOUNT = '123456789012';
const SHARING_ACCOUNT = '111122223333';
const SECRET_KEY = 'AKIDFUZZSECRET';
const RUNS = { appMeshBodies: 900, consoleBodies: 900, paths: 900, signatures: 300 };

const FUZZ_TIMEOUT_MS = 120_000;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let server: InProcessServer;
let existingNames: Set<string>;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends exactly the given path (no URL normalization), method, headers and body. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        agent,
        method,
        path,
        // an explicit length: Node sends GET/DELETE bodies without one, which the server would read
        // as the start of a second request
        headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const LEAKS = /\bat [^\n]*\.(ts|js|mjs):\d+|node_modules|SQLITE_|sqlite3|SELECT |INSERT INTO|\/tmp\/|\/work\//i;

/** The invariants every answer must keep. */
function check(answer: Answer, path: string): void {
  const where = `${path} -> ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.text, where).not.toMatch(LEAKS);
  if (answer.status < 400) return;
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  if (path.startsWith('/v20190125')) {
    expect(answer.headers['x-amzn-errortype'], where).toMatch(/^[A-Z][A-Za-z]+Exception$/);
    expect(typeof body.message === 'string' && body.message.length > 0, where).toBe(true);
  } else {
    const error = body.error as { code?: unknown; message?: unknown } | undefined;
    expect(error?.code, where).toMatch(/^[A-Z][A-Za-z]+Exception$/);
    expect(typeof error?.message === 'string' && error.message.length > 0, where).toBe(true);
  }
}

async function getJson(path: string, account = ACCOUNT): Promise<Record<string, unknown>> {
  const res = await send('GET', path, {
    authorization: `AWS4-HMAC-SHA256 Credential=AKID${account}/20260101/us-west-2/appmesh/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  });
  if (res.status !== 200) throw new Error(`${path} -> ${res.status} ${res.text}`);
  return JSON.parse(res.text) as Record<string, unknown>;
}

/** Everything both accounts can see through the App Mesh API: every resource described, every tag. */
async function snapshot(): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const account of [ACCOUNT, SHARING_ACCOUNT]) {
    const meshes = (await getJson('/v20190125/meshes?limit=100', account)).meshes as Array<Record<string, string>>;
    for (const mesh of meshes) {
      const m = encodeURIComponent(mesh.meshName ?? '');
      const owner = `meshOwner=${mesh.meshOwner}`;
      const key = `${account}:${mesh.meshName}`;
      const describe = async (path: string) => {
        const data = await getJson(path, account);
        const arn = (data.metadata as { arn: string }).arn;
        const tags =
          (data.metadata as { resourceOwner: string }).resourceOwner === account
            ? await getJson(`/v20190125/tags?resourceArn=${encodeURIComponent(arn)}`, account)
            : undefined;
        return { data, tags };
      };
      out[key] = await describe(`/v20190125/meshes/${m}?${owner}`);
      const services = (await getJson(`/v20190125/meshes/${m}/virtualServices?${owner}`, account))
        .virtualServices as Array<Record<string, string>>;
      for (const s of services) {
        out[`${key}/vs/${s.virtualServiceName}`] = await describe(
          `/v20190125/meshes/${m}/virtualServices/${encodeURIComponent(s.virtualServiceName ?? '')}?${owner}`,
        );
      }
      const gateways = (await getJson(`/v20190125/meshes/${m}/virtualGateways?${owner}`, account))
        .virtualGateways as Array<Record<string, string>>;
      for (const g of gateways) {
        const gw = encodeURIComponent(g.virtualGatewayName ?? '');
        out[`${key}/vg/${g.virtualGatewayName}`] = await describe(
          `/v20190125/meshes/${m}/virtualGateways/${gw}?${owner}`,
        );
        const routes = (await getJson(`/v20190125/meshes/${m}/virtualGateway/${gw}/gatewayRoutes?${owner}`, account))
          .gatewayRoutes as Array<Record<string, string>>;
        for (const r of routes) {
          out[`${key}/vg/${g.virtualGatewayName}/gr/${r.gatewayRouteName}`] = await describe(
            `/v20190125/meshes/${m}/virtualGateway/${gw}/gatewayRoutes/${encodeURIComponent(r.gatewayRouteName ?? '')}?${owner}`,
          );
        }
      }
    }
  }
  return out;
}

function namesIn(snap: unknown): Set<string> {
  const names = new Set<string>();
  for (const key of Object.keys(snap as object)) for (const part of key.split(/[:/]/)) names.add(part);
  return names;
}

// ---------- generators

const VALID_SPEC = {
  listeners: [
    {
      portMapping: { port: 8080, protocol: 'http' },
      healthCheck: {
        protocol: 'http',
        path: '/',
        healthyThreshold: 2,
        unhealthyThreshold: 2,
        intervalMillis: 5000,
        timeoutMillis: 2000,
      },
    },
  ],
};

/** A virtual gateway spec with one change that the model certainly refuses. */
const brokenGatewaySpec: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({})),
  fc
    .oneof(fc.integer({ min: 65536 }), fc.integer({ max: 0 }), fc.double({ noInteger: true }), fc.string())
    .map((port) => ({ listeners: [{ portMapping: { port, protocol: 'http' } }] })),
  fc
    .string()
    .filter((p) => !['http', 'http2', 'grpc'].includes(p))
    .map((protocol) => ({ listeners: [{ portMapping: { port: 8080, protocol } }] })),
  fc.oneof(fc.integer({ max: 4999 }), fc.integer({ min: 300001 })).map((intervalMillis) => ({
    listeners: [
      { ...VALID_SPEC.listeners[0], healthCheck: { ...VALID_SPEC.listeners[0]?.healthCheck, intervalMillis } },
    ],
  })),
  fc.constant({
    listeners: [
      {
        portMapping: { port: 8080, protocol: 'http' },
        connectionPool: { http: { maxConnections: 1 }, grpc: { maxRequests: 1 } },
      },
    ],
  }),
  fc
    .oneof(fc.constant(''), fc.string({ minLength: 256, maxLength: 300 }))
    .map((path) => ({ ...VALID_SPEC, logging: { accessLog: { file: { path } } } })),
  fc
    .string()
    .filter((m) => !['STRICT', 'PERMISSIVE', 'DISABLED'].includes(m))
    .map((mode) => ({
      listeners: [
        {
          portMapping: { port: 8443, protocol: 'http' },
          tls: { mode, certificate: { sds: { secretName: 's' } } },
        },
      ],
    })),
  fc.jsonValue().map((junk) => ({ listeners: junk === null ? 'x' : [{ portMapping: junk }] })),
);

/** Anything but a valid egress filter type. */
const notAnEgressType = (value: unknown) => (value === 'ALLOW_ALL' || value === 'DROP_ALL' ? 1 : value);

/** A gateway route spec the model certainly refuses. */
const brokenRouteSpec: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(fc.integer({ min: 1001 }), fc.integer({ max: -1 })).map((priority) => ({
    priority,
    httpRoute: {
      match: { prefix: '/' },
      action: { target: { virtualService: { virtualServiceName: 'catalog.demo.local' } } },
    },
  })),
  fc.jsonValue().map((match) => ({ httpRoute: { match: match ?? 1 } })),
  fc.constant({}),
  fc.string(),
);

const brokenTags: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant([{ key: '', value: 'v' }]),
  fc.string({ minLength: 129, maxLength: 140 }).map((key) => [{ key, value: 'v' }]),
  fc.string({ minLength: 257, maxLength: 270 }).map((value) => [{ key: 'k', value }]),
  fc.oneof(fc.string(), fc.integer(), fc.constant({})),
  fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { minLength: 1 }),
);

const brokenTagKeys: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(['']),
  fc.string({ minLength: 129, maxLength: 140 }).map((k) => [k]),
  fc.oneof(fc.string(), fc.integer(), fc.constant({})),
  fc.array(fc.oneof(fc.integer(), fc.constant(null), fc.constant({})), { minLength: 1 }),
);

/** A body text: an object with a broken member, JSON that is not an object, or not JSON at all. */
function bodyText(object: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: object.map((o) => JSON.stringify(o)) },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue()
        .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
        .map((v) => JSON.stringify(v)),
    },
    {
      weight: 1,
      arbitrary: fc.string().filter((s) => {
        // an empty body is no body, which is valid for an update without a spec (UpdateMesh)
        if (s.trim() === '') return false;
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
    },
    { weight: 1, arbitrary: object.map((o) => JSON.stringify(o).slice(0, -1)) },
  );
}

const anyName = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 256, maxLength: 300 }),
  fc.constant('ok-name'),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
);

/** Query strings: known parameters with bad values, unknown ones, repeats, raw bytes. */
const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom('limit', 'nextToken', 'meshOwner', 'resourceArn', 'x', ''),
      fc.oneof(
        fc.constantFrom(
          '0',
          '-1',
          '101',
          '1e3',
          'NaN',
          '',
          '12345678901',
          '1111222233334444',
          '%zz',
          '%',
          '%E0%A4%A',
          '%00',
        ),
        fc.string({ maxLength: 40 }).map(encodeURIComponent),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));

interface Req {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
}

/** Writes to real resources with certainly-broken bodies, through the App Mesh API. */
const appMeshBodyRequest: fc.Arbitrary<Req> = fc
  .tuple(
    fc.constantFrom(
      {
        method: 'PUT',
        path: '/v20190125/meshes',
        build: (n: string, s: unknown) => ({ meshName: n, spec: { egressFilter: { type: notAnEgressType(s) } } }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh',
        build: (_: string, s: unknown) => ({ spec: { egressFilter: s ?? 1 } }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh/virtualGateways',
        build: (n: string, s: unknown) => ({ virtualGatewayName: n, spec: s }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh/virtualGateways/ingress-gw',
        build: (_: string, s: unknown) => ({ spec: s }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh/virtualGateways/edge-gw',
        build: (_: string, s: unknown) => ({ spec: s }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh/virtualGateway/ingress-gw/gatewayRoutes',
        build: (n: string, _s: unknown, r: unknown) => ({ gatewayRouteName: n, spec: r }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh/virtualGateway/ingress-gw/gatewayRoutes/catalog-route',
        build: (_: string, _s: unknown, r: unknown) => ({ spec: r }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/demo-mesh/virtualServices',
        build: (n: string, s: unknown) => ({ virtualServiceName: n, spec: { provider: s ?? 1 } }),
      },
      {
        method: 'PUT',
        path: '/v20190125/meshes/partner-mesh/virtualGateways/partner-gw',
        build: (_: string, s: unknown) => ({ spec: s }),
      },
    ),
    anyName,
    brokenGatewaySpec,
    brokenRouteSpec,
    queryString,
    contentType,
  )
  .chain(([template, name, spec, routeSpec, query, type]) =>
    bodyText(fc.constant(template.build(name, spec, routeSpec) as Record<string, unknown>)).map((body) => ({
      method: template.method,
      path: `${template.path}${query}`,
      body,
      contentType: type,
    })),
  );

const tagRequest = (prefix: string, method: string): fc.Arbitrary<Req> =>
  fc
    .tuple(
      fc.constantFrom(
        `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/demo-mesh`,
        `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/demo-mesh/virtualGateway/ingress-gw`,
        'arn:aws:appmesh:us-west-2:1:mesh/x',
        'not-an-arn',
      ),
      brokenTags,
      brokenTagKeys,
      fc.boolean(),
    )
    .map(([arn, tags, tagKeys, tagging]) => {
      if (prefix === '/api') {
        return {
          method,
          path: tagging ? '/api/tags' : '/api/untag',
          body: JSON.stringify(tagging ? { resourceArn: arn, tags } : { resourceArn: arn, tagKeys }),
        };
      }
      return {
        method,
        path: `/v20190125/${tagging ? 'tag' : 'untag'}?resourceArn=${encodeURIComponent(arn)}`,
        body: JSON.stringify(tagging ? { tags } : { tagKeys }),
      };
    });

/** Writes to real resources with certainly-broken bodies, through the console API. */
const consoleBodyRequest: fc.Arbitrary<Req> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        {
          method: 'POST',
          path: '/api/meshes',
          build: (n: string, s: unknown) => ({ meshName: n, spec: { egressFilter: { type: notAnEgressType(s) } } }),
        },
        {
          method: 'POST',
          path: '/api/meshes/demo-mesh/virtual-gateways',
          build: (n: string, s: unknown) => ({ virtualGatewayName: n, spec: s }),
        },
        {
          method: 'PUT',
          path: '/api/meshes/demo-mesh/virtual-gateways/ingress-gw',
          build: (_: string, s: unknown) => ({ spec: s }),
        },
        {
          method: 'PUT',
          path: '/api/meshes/demo-mesh/virtual-gateways/edge-gw',
          build: (_: string, s: unknown) => ({ spec: s }),
        },
        {
          method: 'POST',
          path: '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/gateway-routes',
          build: (n: string, _s: unknown, r: unknown) => ({ gatewayRouteName: n, spec: r }),
        },
        {
          method: 'PUT',
          path: '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/gateway-routes/orders-route',
          build: (_: string, _s: unknown, r: unknown) => ({ spec: r }),
        },
        {
          method: 'POST',
          path: '/api/meshes/demo-mesh/virtual-services',
          build: (n: string, s: unknown) => ({ virtualServiceName: n, spec: { provider: s ?? 1 } }),
        },
        {
          method: 'PUT',
          path: `/api/meshes/partner-mesh/virtual-gateways/partner-gw?meshOwner=${SHARING_ACCOUNT}`,
          build: (_: string, s: unknown) => ({ spec: s }),
        },
        {
          method: 'POST',
          path: '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/test-request',
          build: (n: string, s: unknown) => ({ path: s, host: n, headers: { [n]: s } }),
        },
        {
          method: 'POST',
          path: `/api/meshes/partner-mesh/virtual-gateways/partner-gw/test-request?meshOwner=${SHARING_ACCOUNT}`,
          build: (n: string, s: unknown) => ({ serviceName: n, metadata: s, path: n }),
        },
        {
          method: 'POST',
          path: '/api/admin/reset',
          build: (n: string) => ({ seed: n === 'demo' || n === 'none' ? 'x' : n }),
        },
      ),
      anyName,
      brokenGatewaySpec,
      brokenRouteSpec,
      contentType,
    )
    .chain(([template, name, spec, routeSpec, type]) =>
      bodyText(fc.constant(template.build(name, spec, routeSpec) as Record<string, unknown>)).map((body) => ({
        method: template.method,
        path: template.path,
        body,
        contentType: type,
      })),
    ),
  tagRequest('/api', 'POST'),
);

const KEYWORDS = [
  'meshes',
  'virtualGateways',
  'virtualGateway',
  'gatewayRoutes',
  'virtualServices',
  'virtualNodes',
  'virtualRouters',
  'virtualRouter',
  'routes',
  'tags',
  'tag',
  'untag',
  'virtual-gateways',
  'gateway-routes',
  'virtual-services',
  'admin',
  'reset',
  'session',
  'deploy',
];

/** Paths that exist nowhere (names never match a real resource), with any method and a junk body. */
function pathRequest(): fc.Arbitrary<Req> {
  const segment = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS) },
    {
      weight: 3,
      arbitrary: fc
        .string({ maxLength: 30 })
        .filter((s) => !existingNames.has(s))
        .map((s) => encodeURIComponent(s)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%zz', '%', '%00', '%2F', '%E0%A4%A', '..', '.', '', ';', '%2e%2e', 'a'.repeat(300)),
    },
  );
  return fc
    .tuple(
      fc.constantFrom('/v20190125', '/api'),
      fc.array(segment, { minLength: 0, maxLength: 6 }),
      queryString,
      fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
      fc.option(
        fc
          .dictionary(
            fc.string({ maxLength: 12 }).filter((k) => !FORBIDDEN_KEYS.has(k)),
            fc.jsonValue({ maxDepth: 2 }),
            { maxKeys: 4 },
          )
          .map((o) => JSON.stringify(o)),
      ),
    )
    .map(([prefix, segments, query, method, body]) => ({
      method,
      path: `${prefix}/${segments.join('/')}${query}`,
      ...(body === null ? {} : { body }),
    }));
}

/** Body members that could make a request on a no-longer-random path valid. */
const FORBIDDEN_KEYS = new Set([
  'meshName',
  'virtualGatewayName',
  'gatewayRouteName',
  'virtualServiceName',
  'spec',
  'seed',
  'tags',
  'tagKeys',
  '__proto__',
]);

async function fire(req: Req, extraHeaders: Record<string, string> = {}): Promise<void> {
  const headers: Record<string, string> = { 'x-meshconsole-csrf': '1', ...extraHeaders };
  if (req.body !== undefined && req.contentType !== '') headers['content-type'] = req.contentType ?? 'application/json';
  const answer = await send(req.method, req.path, headers, req.body);
  if (req.method === 'HEAD') {
    expect(answer.status, req.path).toBeLessThan(500);
    return;
  }
  check(answer, req.path);
}

describe('fuzz: malformed requests change nothing and get a named 4xx', () => {
  let before: unknown;

  beforeAll(async () => {
    server = await startTestServer({
      SEED: 'demo',
      ACCOUNT_ID: ACCOUNT,
      ACCESS_KEYS: `AKID${ACCOUNT}:${ACCOUNT},AKID${SHARING_ACCOUNT}:${SHARING_ACCOUNT},${SECRET_KEY}:${ACCOUNT}:fuzz-secret`,
    });
    before = await snapshot();
    existingNames = namesIn(before);
    expect(Object.keys(before as object).length).toBeGreaterThan(10);
  }, FUZZ_TIMEOUT_MS);

  afterAll(async () => {
    agent.destroy();
    await server?.close();
  });

  it(
    `when ${RUNS.appMeshBodies} broken bodies and tag lists reach the App Mesh API, then each is refused with a named 4xx`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: appMeshBodyRequest },
            { weight: 1, arbitrary: tagRequest('/v20190125', 'PUT') },
          ),
          (req) => fire(req),
        ),
        { numRuns: RUNS.appMeshBodies },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `when ${RUNS.consoleBodies} broken bodies reach the console API, then each is refused with the envelope`,
    async () => {
      await fc.assert(
        fc.asyncProperty(consoleBodyRequest, (req) => fire(req)),
        { numRuns: RUNS.consoleBodies },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `when ${RUNS.paths} random paths, methods and query strings reach both APIs, then none is a 5xx and each 4xx is named`,
    async () => {
      await fc.assert(
        fc.asyncProperty(pathRequest(), (req) => fire(req)),
        { numRuns: RUNS.paths },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `when ${RUNS.signatures} malformed or wrong SigV4 headers reach the App Mesh API, then each is refused with 403 and a name`,
    async () => {
      const authorization = fc.oneof(
        fc.string({ maxLength: 80 }).map((s) => `AWS4-HMAC-SHA256 ${s.replace(/[^\x20-\x7e]/g, '')}`),
        fc
          .tuple(
            fc.constantFrom('20260101', '2026', '', 'x'),
            fc.constantFrom('us-west-2', ''),
            fc.constantFrom('appmesh', 's3', ''),
            fc.constantFrom('host;x-amz-date', 'host', 'x-amz-date', ''),
            fc.stringMatching(/^[0-9a-f]{0,70}$/),
          )
          .map(
            ([date, region, service, signed, sig]) =>
              `AWS4-HMAC-SHA256 Credential=${SECRET_KEY}/${date}/${region}/${service}/aws4_request, SignedHeaders=${signed}, Signature=${sig}`,
          ),
      );
      const amzDate = fc.constantFrom(
        '20260101T000000Z',
        'yesterday',
        '',
        new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
      );
      await fc.assert(
        fc.asyncProperty(
          authorization,
          amzDate,
          fc.constantFrom(
            { method: 'PUT', path: '/v20190125/meshes', body: JSON.stringify({ meshName: 'signed-mesh' }) },
            { method: 'DELETE', path: '/v20190125/meshes/demo-mesh/virtualGateways/edge-gw' },
            { method: 'GET', path: '/v20190125/meshes' },
          ),
          async (auth, date, req) => {
            const answer = await send(
              req.method,
              req.path,
              { authorization: auth, ...(date ? { 'x-amz-date': date } : {}), 'content-type': 'application/json' },
              req.body,
            );
            check(answer, req.path);
            expect(answer.status, `${auth} -> ${answer.text}`).toBe(403);
            expect(answer.headers['x-amzn-errortype']).toMatch(/^(Invalid|Incomplete)SignatureException$/);
          },
        ),
        { numRuns: RUNS.signatures },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('when the fuzzing is over, then every resource, version and tag is exactly as before', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
