// Issue 14, defect 4: DNS rebinding. A page on evil.example whose name is re-pointed at 127.0.0.1 is, to the
// browser, same-origin with it: its requests carry `Host: evil.example` and `Origin: http://evil.example`, which
// passed the Origin == Host check. Only the configured host names are answered now (loopback names and HOST by
// default, ALLOWED_HOSTS to add); anything else is a 421 on the console API, the App Mesh API and the console.
import { request } from 'node:http';
import { CSRF_HEADER } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../http-client.js';
import { type InProcessServer, startTestServer } from '../support/server.js';

let server: InProcessServer;

/** One request with the Host header we choose (fetch sets its own). */
function send(
  method: string,
  path: string,
  host: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers: { host, ...headers }, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  server = await startTestServer({ SEED: 'demo', ALLOWED_HOSTS: 'mesh.example.com,10.0.0.5' });
});
afterAll(async () => {
  await server.close();
});

const port = () => new URL(server.url).port;

describe('host allow-list', () => {
  it('when a rebound page on evil.example resets the store with the CSRF header and a matching Origin, then 421 and nothing is erased', async () => {
    const before = await call<{ items: unknown[] }>(server.url, 'GET', '/api/meshes');
    expect(before.body.items.length).toBeGreaterThan(0);
    const res = await send(
      'POST',
      '/api/admin/reset',
      `evil.example:${port()}`,
      { origin: `http://evil.example:${port()}`, [CSRF_HEADER]: '1', 'content-type': 'application/json' },
      '{"seed":"none"}',
    );
    expect(res.status).toBe(421);
    const body = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('ForbiddenException');
    expect(body.error.message).toContain('ALLOWED_HOSTS');
    const after = await call<{ items: unknown[] }>(server.url, 'GET', '/api/meshes');
    expect(after.body.items).toEqual(before.body.items);
  });

  it('when the App Mesh API or the console is asked for another host, then 421 in each form', async () => {
    const appmesh = await send('GET', '/v20190125/meshes', `evil.example:${port()}`);
    expect(appmesh.status).toBe(421);
    expect(appmesh.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(JSON.parse(appmesh.body)).toEqual({ message: expect.stringContaining('not a host this server answers') });
    for (const path of ['/', '/meshes/demo-mesh/virtual-gateways', '/assets/index.js', '/api/session']) {
      expect((await send('GET', path, 'evil.example')).status, path).toBe(421);
    }
    expect((await send('GET', '/api/session', '')).status).toBe(421);
  });

  it('when the host is a loopback name, HOST or an ALLOWED_HOSTS entry (any case, any port), then it is served', async () => {
    for (const host of [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      'LOCALHOST.',
      `[::1]:${port()}`,
      'mesh.example.com',
      `Mesh.Example.COM:${port()}`,
      '10.0.0.5:8080',
    ]) {
      const res = await send('GET', '/api/session', host);
      expect(res.status, host).toBe(200);
    }
    expect((await send('GET', '/v20190125/meshes', 'mesh.example.com')).status).toBe(200);
  });

  it('when a name only ends like an allowed one, then it is refused', async () => {
    for (const host of [
      'evil-mesh.example.com',
      'mesh.example.com.evil.example',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
    ]) {
      expect((await send('GET', '/api/session', host)).status, host).toBe(421);
    }
  });

  it('when a probe asks /healthz or /readyz with any host, then it answers (orchestrators probe by address)', async () => {
    expect((await send('GET', '/healthz', '10.9.8.7:8080')).status).toBe(200);
    expect((await send('GET', '/readyz', 'evil.example')).status).toBe(200);
  });
});
