// Serving the built console: immutable hashed assets, index.html never cached, history fallback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from './http-client.js';
import { call } from './http-client.js';
import { type InProcessServer, startTestServer } from './support/server.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('console static files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'meshconsole-dist-'));
  let server: InProcessServer;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("console");');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await startTestServer({ CONSOLE_DIST: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('when a hashed asset is fetched, then it is cached for a year as immutable', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toContain('console');
  });

  it('when / or a console route is opened, then index.html is served with no-cache', async () => {
    for (const path of [
      '/',
      '/meshes',
      '/meshes/demo-mesh/virtual-gateways',
      '/meshes/demo-mesh/virtual-gateways/create',
      '/meshes/demo-mesh/virtual-gateways/gw/gateway-routes/r1?meshOwner=111122223333',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await res.text(), path).toBe(INDEX);
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
    }
  });

  it('when another top-level file is fetched, then it is served and revalidated', async () => {
    const res = await fetch(`${server.url}/favicon.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('when the build has no favicon.ico, then the browser gets 204 instead of a 404', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(204);
  });

  it('when a missing asset or unknown path is fetched, then it is a 404, not the SPA', async () => {
    const asset = await call<Envelope>(server.url, 'GET', '/assets/missing-123.js');
    expect(asset.status).toBe(404);
    expect(asset.body.error.code).toBe('NotFoundException');
    const other = await call<Envelope>(server.url, 'GET', '/not-a-console-route');
    expect(other.status).toBe(404);
  });
});

describe('console not built', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer({ CONSOLE_DIST: join(tmpdir(), 'meshconsole-no-such-dist') });
  });
  afterAll(async () => {
    await server.close();
  });

  it('when the dist folder is missing, then / says the console is not built and the API still works', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/console is not built/);
    expect((await fetch(`${server.url}/api/session`)).status).toBe(200);
  });
});
