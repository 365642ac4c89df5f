// Safe defaults over HTTP, each on its own: headers, CSRF, cross-origin, body cap, rate limit, request
// ids (responses and logs), no internals in errors, probes.

import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CSRF_HEADER } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLocalBackend } from '../backend.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { call, type Envelope } from './http-client.js';
import { type InProcessServer, startTestServer } from './support/server.js';

describe('safe defaults', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer({ BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('when nothing sets HOST, then the server listens on 127.0.0.1 only', () => {
    expect(loadConfig({}, (p) => p).host).toBe('127.0.0.1');
  });

  it('when any page is served, then helmet headers and a CSP the console works under are set', async () => {
    const res = await fetch(`${server.url}/api/session`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('when a console write lacks the CSRF header, then it is a 403 ForbiddenException and nothing is created', async () => {
    const res = await call<Envelope>(server.url, 'POST', '/api/meshes', { body: { meshName: 'csrf' }, csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ForbiddenException');
    expect(res.body.error.message).toContain(CSRF_HEADER);
    expect((await call(server.url, 'GET', '/api/meshes/csrf')).status).toBe(404);
  });

  it('when a console write comes from another origin, then it is refused even with the header', async () => {
    const foreign = await call<Envelope>(server.url, 'POST', '/api/meshes', {
      body: { meshName: 'foreign' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('ForbiddenException');

    const same = await call(server.url, 'POST', '/api/meshes', {
      body: { meshName: 'same-origin' },
      headers: { origin: server.url },
    });
    expect(same.status).toBe(201);
  });

  it('when a console read has no CSRF header, then it is served (only writes are checked)', async () => {
    expect((await call(server.url, 'GET', '/api/meshes', { csrf: false })).status).toBe(200);
  });

  it('when a browser on another origin calls the App Mesh API, then it is a 403 in the App Mesh form', async () => {
    const res = await call<{ message: string }>(server.url, 'PUT', '/v20190125/meshes', {
      body: { meshName: 'x-origin' },
      csrf: false,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    expect(res.body).toEqual({ message: expect.any(String) });
  });

  it('when a JSON body is over the cap, then it is a 413 with the envelope (and the App Mesh form on /v20190125)', async () => {
    const big = {
      meshName: 'big',
      tags: Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(40) })),
    };
    const res = await call<Envelope>(server.url, 'POST', '/api/meshes', { body: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BadRequestException');
    expect(res.body.error.message).toMatch(/2 KB/);
    expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));

    const wire = await call(server.url, 'PUT', '/v20190125/meshes', { body: big, csrf: false });
    expect(wire.status).toBe(413);
    expect(wire.headers.get('x-amzn-errortype')).toBe('BadRequestException');
  });

  it('when the JSON is malformed, then the answer is a 400 without parser internals', async () => {
    const res = await call<Envelope>(server.url, 'POST', '/api/meshes', {
      rawBody: '{"meshName": nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The request body is not valid JSON.');
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|SyntaxError|Unexpected token/);
  });

  it('when the path or the compressed body is malformed, then it is a 400, never a 500', async () => {
    const path = await call<Envelope>(server.url, 'GET', '/api/meshes/%E0%A4%A');
    expect(path.status).toBe(400);
    expect(path.body.error.message).toBe('The request path is not valid percent-encoded UTF-8.');
    const wirePath = await call(server.url, 'GET', '/v20190125/meshes/%E0%A4%A', { csrf: false });
    expect(wirePath.status).toBe(400);
    expect(wirePath.headers.get('x-amzn-errortype')).toBe('BadRequestException');

    const gzip = await call(server.url, 'PUT', '/v20190125/meshes', {
      csrf: false,
      rawBody: '{"meshName":"x"}',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(gzip.status).toBe(400);
    expect(gzip.text).not.toMatch(/header check|Z_DATA_ERROR/);
  });

  it('when a caller sends a plain x-request-id, then it is echoed; otherwise one is made', async () => {
    const echoed = await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-12345678');
    const hostile = await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when probed, then /healthz is live and /readyz pings the engine', async () => {
    const live = await call<{ status: string }>(server.url, 'GET', '/healthz');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await call<{ status: string }>(server.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });
});

describe('rate limit', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT: '5' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('when a client goes over its budget, then it gets 429 TooManyRequestsException on both APIs', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(server.url, 'GET', '/api/session')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    const limited = await call<Envelope>(server.url, 'GET', '/api/session');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('TooManyRequestsException');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const wire = await call(server.url, 'GET', '/v20190125/meshes', { csrf: false });
    expect(wire.status).toBe(429);
    expect(wire.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');

    expect((await call(server.url, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('failures inside the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshconsole-fail-'));
  const lines: Record<string, unknown>[] = [];
  let server: Server;
  let base: string;
  let closeBackend: () => Promise<void>;

  beforeAll(async () => {
    const config = loadConfig(
      { MESH_DB: join(dir, 'secret-path.db'), SEED: 'none', RATE_LIMIT: '0', LOG_LEVEL: 'info' },
      (p) => p,
    );
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
        done();
      },
    });
    const logger = createLogger(config.logLevel, sink);
    const backend = await createLocalBackend(config, logger);
    closeBackend = backend.close;
    const app = createApp({
      config,
      logger,
      meshApiFor: backend.meshApiFor,
      engine: backend.engine,
      ping: backend.ping,
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('when a request is served, then its request id is in the response and in the log line', async () => {
    const res = await call(base, 'POST', '/api/meshes', { body: { meshName: 'logged' } });
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    await new Promise((ok) => setTimeout(ok, 20));
    const line = lines.find((l) => l.requestId === id && l.msg === 'request completed');
    expect(line).toBeDefined();
    expect(line?.res).toEqual({ statusCode: 201 });
  });

  it('when the database fails, then the client gets a generic 500 (no stack, SQL or path) and /readyz is 503', async () => {
    await call(base, 'POST', '/api/meshes', { body: { meshName: 'before-close' } });
    await closeBackend();
    const res = await call<Envelope>(base, 'GET', '/api/meshes');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('InternalServerErrorException');
    expect(res.text).not.toMatch(/sqlite|SELECT|secret-path|meshconsole-fail|\.ts:|\.js:|\n\s+at /i);

    const wire = await call(base, 'GET', '/v20190125/meshes', { csrf: false });
    expect(wire.status).toBe(500);
    expect(wire.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(wire.text).not.toMatch(/sqlite|SELECT|secret-path|\n\s+at /i);

    // the details went to the log, tied to the request id
    const logged = lines.find((l) => l.requestId === res.body.error.requestId && l.msg === 'unexpected error');
    expect(logged?.err).toBeDefined();

    expect((await call(base, 'GET', '/readyz')).status).toBe(503);
  });
});
