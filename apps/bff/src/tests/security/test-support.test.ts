// Issue 14, defect 2: POST /api/admin/reset needed only the CSRF header and erased every account's data, even
// with SigV4 secrets configured or the server listening beyond loopback. The test-support endpoints (/api/admin/*)
// now follow one rule (console-api/test-support.ts): local mesh only; off beyond loopback unless ADMIN_API=on;
// and with secrets configured, a SigV4 signature (service meshconsole) by a key listed in ADMIN_KEYS.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CSRF_HEADER, type Session } from '@meshconsole/model';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Envelope } from '../http-client.js';
import { type InProcessServer, startTestServer } from '../support/server.js';

const execFileAsync = promisify(execFile);
const ADMIN_SECRET = 'admin-secret';
const LOCKED_ENV = {
  SEED: 'demo',
  ACCESS_KEYS: `AKIDADMIN:123456789012:${ADMIN_SECRET},AKIDUSER:444455556666:user-secret,AKIDPLAIN:111122223333`,
  ADMIN_KEYS: 'AKIDADMIN',
};

const meshCount = async (server: InProcessServer) =>
  (await call<{ items: unknown[] }>(server.url, 'GET', '/api/meshes')).body.items.length;

const reset = (server: InProcessServer, headers: Record<string, string> = {}, seed = 'none') =>
  call<Envelope & { ok?: boolean }>(server.url, 'POST', '/api/admin/reset', {
    rawBody: JSON.stringify({ seed }),
    headers: { 'content-type': 'application/json', ...headers },
  });

/** The headers the AWS SDK's signer adds to the reset request (what the console and a Playwright kit send). */
async function signed(
  server: InProcessServer,
  options: { key?: string; secret?: string; service?: string; seed?: string } = {},
): Promise<Record<string, string>> {
  const url = new URL(`${server.url}/api/admin/reset`);
  const signer = new SignatureV4({
    service: options.service ?? 'meshconsole',
    region: 'us-west-2',
    sha256: Sha256,
    credentials: { accessKeyId: options.key ?? 'AKIDADMIN', secretAccessKey: options.secret ?? ADMIN_SECRET },
  });
  const request = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'content-type': 'application/json' },
    body: JSON.stringify({ seed: options.seed ?? 'none' }),
  });
  const { host: _host, ...headers } = request.headers as Record<string, string>;
  return headers;
}

describe('test-support endpoints with ACCESS_KEYS secrets', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer(LOCKED_ENV);
  });
  afterAll(async () => {
    await server.close();
  });

  it('when reset carries only the CSRF header, then 403 MissingAuthenticationTokenException and nothing is erased', async () => {
    const before = await meshCount(server);
    expect(before).toBeGreaterThan(0);
    const res = await reset(server);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('MissingAuthenticationTokenException');
    expect(res.body.error.message).toContain('ADMIN_KEYS');
    expect(await meshCount(server)).toBe(before);
  });

  it('when reset is signed by a key that is not an admin key, with the wrong secret or for another service, then 403', async () => {
    const before = await meshCount(server);
    const user = await reset(server, await signed(server, { key: 'AKIDUSER', secret: 'user-secret' }));
    expect([user.status, user.body.error.code]).toEqual([403, 'ForbiddenException']);
    expect(user.body.error.message).toMatch(/^Access key AKIDUSER may not use the test-support endpoints/);
    const plain = await reset(server, await signed(server, { key: 'AKIDPLAIN', secret: 'anything' }));
    expect([plain.status, plain.body.error.code]).toEqual([403, 'ForbiddenException']);
    const wrong = await reset(server, await signed(server, { secret: 'not-it' }));
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'InvalidSignatureException']);
    const service = await reset(server, await signed(server, { service: 'appmesh' }));
    expect([service.status, service.body.error.code]).toEqual([403, 'InvalidSignatureException']);
    const unknown = await reset(server, await signed(server, { key: 'AKIDNOBODY' }));
    expect([unknown.status, unknown.body.error.code]).toEqual([403, 'UnrecognizedClientException']);
    // a signature for {"seed":"none"} does not cover another body
    const other = await call<Envelope>(server.url, 'POST', '/api/admin/reset', {
      rawBody: JSON.stringify({ seed: 'demo' }),
      headers: { 'content-type': 'application/json', ...(await signed(server)) },
    });
    expect([other.status, other.body.error.code]).toEqual([403, 'InvalidSignatureException']);
    expect(await meshCount(server)).toBe(before);
  });

  it('when reset is signed by an ADMIN_KEYS key, then it runs', async () => {
    const res = await reset(server, await signed(server));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await meshCount(server)).toBe(0);
    const again = await reset(server, await signed(server, { seed: 'demo' }), 'demo');
    expect(again.status).toBe(200);
    expect(await meshCount(server)).toBeGreaterThan(0);
  });

  it('when curl signs the reset with --aws-sigv4, then it runs (any SigV4 signer works)', async () => {
    const version = await execFileAsync('curl', ['--version']).then(
      (r) => r.stdout.split('\n')[0] ?? '',
      () => '',
    );
    if (version === '') {
      console.log('curl is not installed: the curl --aws-sigv4 check is not run');
      return;
    }
    const { stdout } = await execFileAsync('curl', [
      '--silent',
      '--show-error',
      '--aws-sigv4',
      'aws:amz:us-west-2:meshconsole',
      '--user',
      `AKIDADMIN:${ADMIN_SECRET}`,
      '-H',
      `${CSRF_HEADER}: 1`,
      '-H',
      'content-type: application/json',
      '--data',
      '{"seed":"demo"}',
      '--write-out',
      '\n%{http_code}',
      `${server.url}/api/admin/reset`,
    ]);
    expect(stdout.trim().split('\n').at(-1), `${version}: ${stdout}`).toBe('200');
  });

  it('when the console asks for the session, then it learns that reset must be signed', async () => {
    const session = await call<Session>(server.url, 'GET', '/api/session');
    expect(session.body.testSupport).toEqual({ enabled: true, signatureRequired: true });
  });
});

describe('test-support endpoints beyond loopback', () => {
  let exposed: InProcessServer;
  let enabled: InProcessServer;
  let off: InProcessServer;
  beforeAll(async () => {
    // The in-process servers listen on 127.0.0.1 whatever HOST says; HOST is what the rule reads.
    exposed = await startTestServer({ SEED: 'demo', HOST: '0.0.0.0' });
    enabled = await startTestServer({ SEED: 'demo', HOST: '0.0.0.0', ADMIN_API: 'on' });
    off = await startTestServer({ SEED: 'demo', ADMIN_API: 'off' });
  });
  afterAll(async () => {
    await Promise.all([exposed.close(), enabled.close(), off.close()]);
  });

  it('when HOST is 0.0.0.0 and ADMIN_API is not on, then reset is a 403 that says how to enable it', async () => {
    const before = await meshCount(exposed);
    const res = await reset(exposed);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ForbiddenException');
    expect(res.body.error.message).toBe(
      'The test-support endpoints are off: this server listens on 0.0.0.0, beyond this machine. Start it with ADMIN_API=on to allow them.',
    );
    expect(await meshCount(exposed)).toBe(before);
    const session = await call<Session>(exposed.url, 'GET', '/api/session');
    expect(session.body.testSupport).toEqual({
      enabled: false,
      signatureRequired: false,
      reason: res.body.error.message,
    });
  });

  it('when a test-support route is added under /admin, then it inherits the rule (403 when off, 404 when on)', async () => {
    expect((await call(exposed.url, 'POST', '/api/admin/not-a-route', { body: {} })).status).toBe(403);
    expect((await call(enabled.url, 'POST', '/api/admin/not-a-route', { body: {} })).status).toBe(404);
    // The seed route (issue 15) lives there: refused beyond loopback, reached (and validating) when on.
    expect((await call(exposed.url, 'POST', '/api/admin/seed', { body: {} })).status).toBe(403);
    expect((await call(enabled.url, 'POST', '/api/admin/seed', { body: {} })).status).toBe(400);
  });

  it('when ADMIN_API=on, then reset runs beyond loopback; when ADMIN_API=off, not even on loopback', async () => {
    expect((await reset(enabled)).status).toBe(200);
    expect(await meshCount(enabled)).toBe(0);
    const refused = await reset(off);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('The test-support endpoints are off on this server (ADMIN_API=off).');
    expect(await meshCount(off)).toBeGreaterThan(0);
  });
});
