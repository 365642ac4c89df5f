// Serving the built console: immutable hashed assets, index.html never cached, history fallback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchRoutePreload, parseRoutePreloads } from '../http/console-static.js';
import type { Envelope } from './http-client.js';
import { call } from './http-client.js';
import { type InProcessServer, startTestServer } from './support/server.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

/**
 * A console build in a temporary folder (index.html, then `files` by path), served by a test server
 * for the describe block that calls this; `url` is that server's once it is up. Removed afterwards.
 */
function serveConsoleDist(files: Record<string, string | Buffer>): { readonly url: string } {
  const dist = mkdtempSync(join(tmpdir(), 'meshconsole-dist-'));
  let server: InProcessServer | undefined;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    for (const [path, content] of Object.entries(files)) writeFileSync(join(dist, path), content);
    server = await startTestServer({ CONSOLE_DIST: dist });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server) throw new Error('the console test server is not up yet');
      return server.url;
    },
  };
}

describe('console static files', () => {
  const server = serveConsoleDist({
    'assets/index-abc123.js': 'console.log("console");',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
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

describe('console assets, compressed', () => {
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "gateway-${i}" }`).join(', ')}];\n`;
  const server = serveConsoleDist({
    'assets/table-abc123.js': script,
    'assets/tiny-abc123.css': 'a{}',
    'assets/logo-abc123.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });

  /** node:http, so the body arrives as sent (fetch would decode it). */
  function raw(path: string, headers: Record<string, string> = {}, method = 'GET') {
    return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        const req = request(`${server.url}${path}`, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
  }

  it('when the browser accepts brotli, then a text asset comes brotli-compressed, smaller, immutable, and decodes to the file', async () => {
    const res = await raw('/assets/table-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('when the browser accepts only gzip, or refuses brotli with q=0, then gzip is served', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const res = await raw('/assets/table-abc123.js', { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toBe(script);
    }
  });

  it('when the client accepts no encoding, asks for a range, or the file gains nothing, then it is sent as it is', async () => {
    const plain = await raw('/assets/table-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const ranged = await raw('/assets/table-abc123.js', { 'accept-encoding': 'br', range: 'bytes=0-9' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-encoding']).toBeUndefined();
    const tiny = await raw('/assets/tiny-abc123.css', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('a{}');
    const image = await raw('/assets/logo-abc123.png', { 'accept-encoding': 'br' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4);
  });

  it('when an asset is missing or the path tries to leave the folder, then nothing is served from outside it', async () => {
    expect((await raw('/assets/missing-abc123.js', { 'accept-encoding': 'br' })).status).toBe(404);
    for (const path of ['/assets/..%2F..%2F..%2Fetc%2Fpasswd', '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
      const outside = await raw(path, { 'accept-encoding': 'br' });
      expect(outside.headers['content-encoding']).toBeUndefined();
      expect(outside.body.toString()).not.toContain('root:');
    }
  });
});

describe('route preloads in the first HTML', () => {
  const PRELOADS = {
    routes: [
      {
        path: '/meshes/:mesh/virtual-gateways',
        js: ['/assets/list-a1.js', '/assets/table-b2.js'],
        css: ['/assets/table-c3.css'],
      },
      { path: '/meshes/:mesh/virtual-gateways/create', js: ['/assets/create-d4.js'], css: [] },
      { path: '/meshes/:mesh/virtual-gateways/:name', js: ['/assets/details-e5.js'], css: [] },
      // not an asset path: never written into the page
      { path: '/meshes', js: ['https://evil.example/x.js', '/assets/"><script>.js'], css: [] },
    ],
  };
  const server = serveConsoleDist({ 'route-preloads.json': JSON.stringify(PRELOADS) });

  const links = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('cache-control'), path).toBe('no-cache');
    const html = await res.text();
    return [...html.matchAll(/<link rel="(\w+)" crossorigin href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
  };

  it('when a route with chunks is opened, then its head names them, the stylesheets first, before </head>', async () => {
    expect(await links('/meshes/demo-mesh/virtual-gateways?meshOwner=111122223333')).toEqual([
      'stylesheet /assets/table-c3.css',
      'modulepreload /assets/list-a1.js',
      'modulepreload /assets/table-b2.js',
    ]);
    const html = await (await fetch(`${server.url}/meshes/demo-mesh/virtual-gateways`)).text();
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
  });

  it('when a static segment and a parameter both match, then the static one wins (create, not :name)', async () => {
    expect(await links('/meshes/m/virtual-gateways/create')).toEqual(['modulepreload /assets/create-d4.js']);
    expect(await links('/meshes/m/virtual-gateways/gw-1')).toEqual(['modulepreload /assets/details-e5.js']);
  });

  it('when no route matches, or an entry names something outside /assets, then the page is served as built', async () => {
    for (const path of ['/', '/meshes', '/meshes/m/unknown/x/y/z']) {
      const res = await fetch(`${server.url}${path}`);
      expect(await res.text(), path).toBe(INDEX);
    }
  });
});

describe("console first load, the route's data named in the HTML", () => {
  const preloads = {
    routes: [
      {
        path: '/meshes/:mesh/virtual-gateways/:name',
        js: ['/assets/details-abc.js'],
        css: [],
        data: [
          { path: '/api/session' },
          { path: '/api/meshes/:mesh/virtual-gateways/:name/gateway-routes', query: { limit: '100' } },
          { path: '/api/../admin', query: {} }, // not a console API template: left out
        ],
      },
    ],
  };
  const server = serveConsoleDist({ 'route-preloads.json': JSON.stringify(preloads) });

  const preloadsOf = (html: string) =>
    [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]*)">/g)].map((m) => m[1]);

  it('when a details page opens, then its GETs are preloaded as the console builds them: encoded, sorted, with meshOwner', async () => {
    const res = await fetch(
      `${server.url}/meshes/demo-mesh/virtual-gateways/gw%2050%25?meshOwner=111122223333&meshOwner=9`,
    );
    const html = await res.text();
    expect(preloadsOf(html)).toEqual([
      '/api/session',
      '/api/meshes/demo-mesh/virtual-gateways/gw%2050%25/gateway-routes?limit=100&amp;meshOwner=111122223333',
    ]);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/details-abc.js">');
  });

  it('when the path or meshOwner is hostile, then it stays inside the attribute, encoded, and nothing else is added', async () => {
    const owner = encodeURIComponent('"><script>alert(1)</script>$&');
    const res = await fetch(
      `${server.url}/meshes/${encodeURIComponent('m"<x>')}/virtual-gateways/%24%27?meshOwner=${owner}`,
    );
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(preloadsOf(html)).toEqual([
      '/api/session',
      '/api/meshes/m%22%3Cx%3E/virtual-gateways/%24&#39;/gateway-routes?limit=100&amp;meshOwner=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%24%26',
    ]);
  });

  it('when the path is badly percent-encoded, then nothing is preloaded and no HTML is sent', async () => {
    const routes = parseRoutePreloads(JSON.stringify(preloads));
    expect(routes[0]?.data).toHaveLength(2);
    expect(matchRoutePreload(routes, '/meshes/%E0%A4%A/virtual-gateways/gw')).toBeUndefined();
    const res = await fetch(`${server.url}/meshes/%E0%A4%A/virtual-gateways/gw`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('rel="preload"');
  });
});
