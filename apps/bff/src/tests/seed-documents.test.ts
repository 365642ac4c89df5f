// Issue 15: seed documents (SEED=<path> at start, POST /api/admin/seed on a running server) and fixed
// time and ids (FIXED_TIME, FIXED_IDS, and per reset). The real app on a real SQLite file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { call, type Envelope } from './http-client.js';
import { BFF_DIR, type InProcessServer, startTestServer } from './support/server.js';

const execFileAsync = promisify(execFile);

const SHOP = {
  meshes: [
    {
      meshName: 'shop',
      tags: [{ key: 'team', value: 'books' }],
      virtualServices: [{ virtualServiceName: 'books.local', spec: {} }],
      virtualGateways: [
        {
          virtualGatewayName: 'edge',
          spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
          gatewayRoutes: [
            {
              gatewayRouteName: 'books',
              spec: {
                httpRoute: {
                  match: { prefix: '/books/' },
                  action: { target: { virtualService: { virtualServiceName: 'books.local' } } },
                },
              },
            },
          ],
        },
      ],
    },
  ],
};

const seed = (server: InProcessServer, body: unknown) =>
  call<Envelope & { ok?: boolean; created?: Record<string, number> }>(server.url, 'POST', '/api/admin/seed', { body });
const reset = (server: InProcessServer, body: Record<string, unknown>) =>
  call<Envelope & { ok?: boolean }>(server.url, 'POST', '/api/admin/reset', { body });
const describeEdge = async (server: InProcessServer) =>
  (await call(server.url, 'GET', '/v20190125/meshes/shop/virtualGateways/edge')).text;

describe('POST /api/admin/seed', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer({ SEED: 'none' });
  });
  afterAll(() => server.close());

  it('when a seed document is posted, then its mesh, gateway and route are there, through the console API too', async () => {
    await reset(server, { seed: 'none' });
    const res = await seed(server, SHOP);
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual({ meshes: 1, virtualServices: 1, virtualGateways: 1, gatewayRoutes: 1 });
    const routes = await call<{ items: { gatewayRouteName: string }[] }>(
      server.url,
      'GET',
      '/api/meshes/shop/virtual-gateways/edge/gateway-routes',
    );
    expect(routes.body.items.map((r) => r.gatewayRouteName)).toEqual(['books']);
  });

  it('when a field is bad, then 400 names its path, and the store keeps what it had', async () => {
    await reset(server, { seed: 'demo' });
    const before = (await call(server.url, 'GET', '/api/meshes')).text;
    const bad = structuredClone(SHOP);
    bad.meshes[0]!.virtualGateways[0]!.spec.listeners[0]!.portMapping.protocol = 'smtp';
    const res = await seed(server, bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequestException');
    expect(Object.keys(res.body.error.fieldErrors ?? {})).toEqual([
      'meshes.0.virtualGateways.0.spec.listeners.0.portMapping.protocol',
    ]);
    expect(res.body.error.message).toContain('meshes.0.virtualGateways.0.spec.listeners.0.portMapping.protocol');
    expect((await call(server.url, 'GET', '/api/meshes')).text).toBe(before);
  });

  it('when the body is not a seed document, then 400 and nothing changes', async () => {
    await reset(server, { seed: 'none' });
    const missing = await seed(server, { mesh: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('Seed document, meshes: meshes is required.');
    const res = await seed(server, { meshes: [], mesh: [] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('does not take "mesh"');
    const meshes = await call<{ items: unknown[] }>(server.url, 'GET', '/api/meshes');
    expect(meshes.body.items).toEqual([]);
  });

  it('when the same seed is loaded twice with fixed time and ids set by reset, then describe is byte-identical', async () => {
    const fixed = { seed: 'none', fixedTime: '2026-01-15T12:00:00Z', fixedIds: 'screens' };
    await reset(server, fixed);
    await seed(server, SHOP);
    const first = await describeEdge(server);
    await reset(server, fixed);
    await seed(server, SHOP);
    expect(await describeEdge(server)).toBe(first);
    expect(JSON.parse(first).metadata.createdAt).toBe(Date.parse('2026-01-15T12:00:00Z') / 1000);
    // A reset without them goes back to the server's settings (here: the clock and random uids).
    await reset(server, { seed: 'none' });
    await seed(server, SHOP);
    expect(JSON.parse(await describeEdge(server)).metadata.uid).not.toBe(JSON.parse(first).metadata.uid);
  });

  it('when reset names a time that is not an ISO-8601 instant, then 400 names it', async () => {
    const res = await reset(server, { seed: 'none', fixedTime: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Fixed time must be an ISO-8601 instant');
  });
});

describe('POST /api/admin/seed behind the test-support rules', () => {
  it('when the test-support endpoints are off, then seeding is refused and nothing is created', async () => {
    const server = await startTestServer({ SEED: 'none', ADMIN_API: 'off' });
    try {
      const res = await seed(server, SHOP);
      expect(res.status).toBe(403);
      expect((await call<{ items: unknown[] }>(server.url, 'GET', '/api/meshes')).body.items).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('SEED=<path>, FIXED_TIME and FIXED_IDS at start', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshconsole-seed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when SEED names a seed document, then an empty store (SQLite or memory:) starts with it, fixed time and ids in force', async () => {
    const file = join(dir, 'shop.json');
    writeFileSync(file, JSON.stringify(SHOP));
    const env = { SEED: file, FIXED_TIME: '2030-05-06T07:08:09.000Z', FIXED_IDS: 'run' };
    const a = await startTestServer(env);
    // The second on the in-process store (MESH_DB=memory:, what the Playwright kit's servers use).
    const b = await startTestServer({ ...env, MESH_DB: 'memory:' });
    try {
      const first = await describeEdge(a);
      expect(JSON.parse(first).metadata.lastUpdatedAt).toBe(Date.parse(env.FIXED_TIME) / 1000);
      expect(await describeEdge(b)).toBe(first);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('when SEED names a bad document, then the server does not start and says which file and field', async () => {
    const file = join(dir, 'bad.json');
    const bad = structuredClone(SHOP);
    bad.meshes[0]!.virtualGateways[0]!.gatewayRoutes[0]!.gatewayRouteName = '';
    writeFileSync(file, JSON.stringify(bad));
    const error = await execFileAsync(process.execPath, ['--import', 'tsx', join(BFF_DIR, 'src/main.ts')], {
      cwd: BFF_DIR,
      env: { ...process.env, SEED: file, MESH_DB: join(dir, 'bad.db'), PORT: '0', LOG_LEVEL: 'silent' },
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain(`SEED names ${file}, which is refused`);
    expect(error?.stderr).toContain('meshes.0.virtualGateways.0.gatewayRoutes.0.gatewayRouteName');
  });

  it('when FIXED_TIME is not an instant, then the configuration is refused naming it', () => {
    expect(() => loadConfig({ FIXED_TIME: '2026-01-15' }, (p) => p)).toThrow(/FIXED_TIME must be an ISO-8601 instant/);
  });
});
