// A replica whose PostgreSQL server goes away and comes back (a server of this file's own, stopped and
// started again): not ready and clean 503s in between, then it recovers by itself.
import { type PostgresSandbox, startPostgres } from '@meshconsole/postgres-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Envelope, exampleSpec } from './http-client.js';
import { type ProcessServer, startServerProcess } from './support/server.js';

const V = '/v20190125';

async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('a replica when its database is unreachable', () => {
  let sandbox: PostgresSandbox;
  let server: ProcessServer;
  /** Nothing about the database may reach a client: no driver message, address, port, user or password. */
  let internals: RegExp;

  beforeAll(async () => {
    sandbox = await startPostgres();
    const url = await sandbox.createDatabase('outage');
    internals = new RegExp(
      [
        'ECONNREFUSED',
        'postgres',
        'pg-pool',
        '127\\.0\\.0\\.1',
        String(sandbox.port),
        sandbox.user,
        sandbox.password,
        '\\n\\s+at ',
      ].join('|'),
      'i',
    );
    server = await startServerProcess({ MESH_DB: url, SEED: 'none' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
  });

  it('when the database stops, then /readyz is 503 and both APIs answer a clean 503; when it returns, all recovers by itself', async () => {
    expect((await call(server.url, 'POST', '/api/meshes', { body: { meshName: 'kept' } })).status).toBe(201);
    expect((await call(server.url, 'GET', '/readyz')).status).toBe(200);

    await sandbox.pause();
    expect(await eventually(async () => (await call(server.url, 'GET', '/readyz')).status === 503)).toBe(true);
    const ready = await call<{ status: string }>(server.url, 'GET', '/readyz');
    expect(ready.body).toEqual({ status: 'unavailable' });
    // Liveness stays up: restarting the process would not bring the database back.
    expect((await call(server.url, 'GET', '/healthz')).status).toBe(200);

    for (const [method, path, body] of [
      ['GET', '/meshes', undefined],
      ['GET', '/meshes/kept/virtualGateways/gw', undefined],
      ['PUT', '/meshes/kept/virtualGateways', { virtualGatewayName: 'gw', spec: exampleSpec() }],
    ] as const) {
      const res = await call<{ message: string }>(server.url, method, `${V}${path}`, {
        csrf: false,
        ...(body ? { body } : {}),
      });
      expect(res.status, res.text).toBe(503);
      expect(res.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
      expect(res.body.message).toBe('The request has failed due to a temporary failure of the service. Try again.');
      expect(res.text).not.toMatch(internals);
    }
    for (const [method, path, body] of [
      ['GET', '/api/meshes', undefined],
      ['POST', '/api/meshes/kept/virtual-gateways', { virtualGatewayName: 'gw', spec: exampleSpec() }],
      ['POST', '/api/admin/reset', { seed: 'none' }],
    ] as const) {
      const res = await call<Envelope>(server.url, method, path, body ? { body } : {});
      expect(res.status, res.text).toBe(503);
      expect(res.body.error.code).toBe('ServiceUnavailableException');
      expect(res.body.error.requestId).toBeTruthy();
      expect(res.text).not.toMatch(internals);
    }

    await sandbox.resume();
    expect(await eventually(async () => (await call(server.url, 'GET', '/readyz')).status === 200)).toBe(true);
    const meshes = await call<{ meshes: { meshName: string }[] }>(server.url, 'GET', `${V}/meshes`, { csrf: false });
    expect(meshes.body.meshes.map((m) => m.meshName)).toEqual(['kept']);
    const created = await call(server.url, 'PUT', `${V}/meshes/kept/virtualGateways`, {
      csrf: false,
      body: { virtualGatewayName: 'gw', spec: exampleSpec() },
    });
    expect(created.status, created.text).toBe(200);
  }, 120_000);

  it('when requests failed for the outage, then the log says why (a warning with the cause) without the password', () => {
    const lines = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message?: string } });
    const warnings = lines.filter((l) => l.level === 40 && /temporary failure/.test(l.msg));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.some((l) => l.err?.message)).toBe(true);
    expect(server.stdout() + server.stderr()).not.toContain(sandbox.password);
  });
});
