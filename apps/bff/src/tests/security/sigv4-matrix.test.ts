// Issue 14, defect 3: once any ACCESS_KEYS entry has a secret, the App Mesh API refuses unsigned requests,
// other schemes (Bearer), unknown keys and presigned URLs whose signature, date or expiry does not hold, with
// the exception names the AWS clients know. Real clients throughout: @aws-sdk/client-app-mesh, the SDK's own
// SigV4 signer (@smithy/signature-v4) for presigned URLs, botocore's presigner and the AWS CLI.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  AppMeshClient,
  type AppMeshServiceException,
  CreateMeshCommand,
  ListMeshesCommand,
} from '@aws-sdk/client-app-mesh';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call } from '../http-client.js';
import { type InProcessServer, startTestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const execFileAsync = promisify(execFile);

const DEFAULT_ACCOUNT = '123456789012';
const SIGNED_ACCOUNT = '111111111111';
const OPEN_ACCOUNT = '222222222222';
const SECRET = 'matrix-secret/with+odd=chars';
const ACCESS_KEYS = `AKIDSIGNED:${SIGNED_ACCOUNT}:${SECRET},AKIDNOSECRET:${OPEN_ACCOUNT}`;

let server: InProcessServer;

function sdk(accessKeyId: string, secretAccessKey: string) {
  return new AppMeshClient({
    endpoint: server.url,
    region: 'us-west-2',
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey },
  });
}

async function sdkError(promise: Promise<unknown>): Promise<AppMeshServiceException> {
  try {
    await promise;
  } catch (err) {
    return err as AppMeshServiceException;
  }
  throw new Error('expected the call to fail');
}

/** A presigned URL made by the AWS SDK's SigV4 signer (the logic of @aws-sdk/s3-request-presigner). */
async function presign(
  path: string,
  options: { accessKeyId?: string; secret?: string; expiresIn?: number; signingDate?: Date } = {},
): Promise<string> {
  const url = new URL(`${server.url}${path}`);
  const signer = new SignatureV4({
    service: 'appmesh',
    region: 'us-west-2',
    sha256: Sha256,
    credentials: { accessKeyId: options.accessKeyId ?? 'AKIDSIGNED', secretAccessKey: options.secret ?? SECRET },
  });
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query,
      headers: { host: url.host },
    },
    { expiresIn: options.expiresIn ?? 300, ...(options.signingDate ? { signingDate: options.signingDate } : {}) },
  );
  const qs = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${url.pathname}?${qs}`;
}

const get = (path: string, headers: Record<string, string> = {}) =>
  call<{ message?: string; meshName?: string; meshes?: Array<{ meshName: string; meshOwner: string }> }>(
    server.url,
    'GET',
    path,
    { csrf: false, headers },
  );

function expectRefused(res: { status: number; headers: Headers }, name: string) {
  expect(res.status).toBe(403);
  expect(res.headers.get('x-amzn-errortype')).toBe(name);
}

beforeAll(async () => {
  server = await startTestServer({ ACCOUNT_ID: DEFAULT_ACCOUNT, ACCESS_KEYS });
  const client = sdk('AKIDSIGNED', SECRET);
  await client.send(new CreateMeshCommand({ meshName: 'signed-mesh' }));
  client.destroy();
});
afterAll(async () => {
  await server.close();
});

describe('when a key has a secret: who may call the App Mesh API', () => {
  it('when a request is unsigned, then 403 MissingAuthenticationTokenException, even on a path with no operation', async () => {
    const res = await get('/v20190125/meshes');
    expectRefused(res, 'MissingAuthenticationTokenException');
    expect(res.body.message).toBe('Request is missing Authentication Token');
    expectRefused(await get('/v20190125/no-such-operation'), 'MissingAuthenticationTokenException');
    const write = await call(server.url, 'PUT', '/v20190125/meshes', { csrf: false, body: { meshName: 'x' } });
    expectRefused(write, 'MissingAuthenticationTokenException');
  });

  it('when the Authorization header is a Bearer token, then 403 IncompleteSignatureException without echoing it', async () => {
    const res = await get('/v20190125/meshes', { authorization: 'Bearer s3cr3t-token' });
    expectRefused(res, 'IncompleteSignatureException');
    expect(res.body.message).toContain('AWS4-HMAC-SHA256');
    expect(res.text).not.toContain('s3cr3t-token');
  });

  it('when the SDK signs with a key that is not configured, then UnrecognizedClientException (403)', async () => {
    const client = sdk('AKIDNOBODY', 'whatever');
    const err = await sdkError(client.send(new ListMeshesCommand({})));
    client.destroy();
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.$metadata.httpStatusCode).toBe(403);
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it('when the SDK signs with the wrong secret, then InvalidSignatureException; with the right one, its account', async () => {
    const wrong = sdk('AKIDSIGNED', 'not-the-secret');
    expect((await sdkError(wrong.send(new ListMeshesCommand({})))).name).toBe('InvalidSignatureException');
    wrong.destroy();
    const right = sdk('AKIDSIGNED', SECRET);
    const out = await right.send(new ListMeshesCommand({}));
    right.destroy();
    expect(out.meshes?.map((m) => [m.meshName, m.meshOwner])).toEqual([['signed-mesh', SIGNED_ACCOUNT]]);
  });

  it('when a key is configured without a secret, then it still selects its account (documented: no secret, no proof)', async () => {
    const client = sdk('AKIDNOSECRET', 'anything');
    const out = await client.send(new CreateMeshCommand({ meshName: 'open-mesh' }));
    client.destroy();
    expect(out.mesh?.metadata?.meshOwner).toBe(OPEN_ACCOUNT);
  });
});

describe('when a key has a secret: presigned requests', () => {
  it('when the SDK signer presigns a describe, then the URL works once, as the key account', async () => {
    const res = await get(await presign('/v20190125/meshes/signed-mesh'));
    expect(res.status, res.text).toBe(200);
    expect(res.body.meshName).toBe('signed-mesh');
  });

  it('when X-Amz-Signature, X-Amz-Expires or the path is changed after signing, then InvalidSignatureException', async () => {
    const url = await presign('/v20190125/meshes/signed-mesh');
    const signature = /X-Amz-Signature=([0-9a-f]{64})/.exec(url)?.[1] as string;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    expectRefused(await get(url.replace(signature, flipped)), 'InvalidSignatureException');
    expectRefused(await get(url.replace('X-Amz-Expires=300', 'X-Amz-Expires=3600')), 'InvalidSignatureException');
    expectRefused(await get(url.replace('/meshes/signed-mesh', '/meshes/open-mesh')), 'InvalidSignatureException');
    expectRefused(await get(url.replace(signature, 'ab'.repeat(32))), 'InvalidSignatureException');
  });

  it('when the presigned URL is past X-Amz-Date + X-Amz-Expires, then InvalidSignatureException "Signature expired"', async () => {
    const url = await presign('/v20190125/meshes/signed-mesh', {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 5 * 60 * 1000),
    });
    const res = await get(url);
    expectRefused(res, 'InvalidSignatureException');
    expect(res.body.message).toMatch(/^Signature expired: the presigned request signed at \d{8}T\d{6}Z for 60 seconds/);
    const fresh = await presign('/v20190125/meshes/signed-mesh', {
      expiresIn: 600,
      signingDate: new Date(Date.now() - 5 * 60 * 1000),
    });
    expect((await get(fresh)).status).toBe(200);
  });

  it('when a presign parameter is missing, repeated or out of range, then IncompleteSignatureException', async () => {
    const url = await presign('/v20190125/meshes/signed-mesh');
    const withoutSignature = url.replace(/&?X-Amz-Signature=[0-9a-f]{64}/, '');
    const missing = await get(withoutSignature);
    expectRefused(missing, 'IncompleteSignatureException');
    expect(missing.body.message).toContain("'X-Amz-Signature'");
    expectRefused(await get(`${url}&X-Amz-Date=20260101T000000Z`), 'IncompleteSignatureException');
    const week = await get(url.replace('X-Amz-Expires=300', 'X-Amz-Expires=604801'));
    expectRefused(week, 'IncompleteSignatureException');
    expect(week.body.message).toMatch(/from 1 to 604800/);
    expectRefused(
      await get(url, { authorization: 'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=x' }),
      'IncompleteSignatureException',
    );
  });

  it('when the presigned URL names an unknown key, then UnrecognizedClientException', async () => {
    const res = await get(await presign('/v20190125/meshes/signed-mesh', { accessKeyId: 'AKIDNOBODY' }));
    expectRefused(res, 'UnrecognizedClientException');
  });

  it('when botocore (the AWS CLI library) presigns a describe, then it works; with another secret it does not', async () => {
    const script = [
      'import botocore.session, sys',
      "c = botocore.session.Session().create_client('appmesh', region_name='us-west-2', endpoint_url=sys.argv[1],",
      '    aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])',
      "print(c.generate_presigned_url('describe_mesh', Params={'meshName': 'signed-mesh'}, ExpiresIn=120))",
    ].join('\n');
    const env = { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
    const made = async (secret: string) =>
      new URL(
        (await execFileAsync('python3', ['-c', script, server.url, 'AKIDSIGNED', secret], { env })).stdout.trim(),
      );
    const good = await made(SECRET);
    expect(good.searchParams.get('X-Amz-Expires')).toBe('120');
    const res = await get(`${good.pathname}${good.search}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.meshName).toBe('signed-mesh');
    const bad = await made(`${SECRET}x`);
    expectRefused(await get(`${bad.pathname}${bad.search}`), 'InvalidSignatureException');
  });
});

describe('when a key has a secret: the AWS CLI', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'meshconsole-cli-matrix-'));
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
  });

  async function aws(args: string[], key: string, secret: string) {
    return execFileAsync('aws', [...args, '--endpoint-url', server.url, '--output', 'json'], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        AWS_ACCESS_KEY_ID: key,
        AWS_SECRET_ACCESS_KEY: secret,
        AWS_DEFAULT_REGION: 'us-west-2',
        AWS_CONFIG_FILE: join(home, 'none'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'),
        AWS_EC2_METADATA_DISABLED: 'true',
        PYTHONWARNINGS: 'ignore',
      },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? 1,
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
      }),
    );
  }

  it('when the CLI sends unsigned (--no-sign-request) or with an unknown key, then it reports the service exception', async () => {
    const unsigned = await aws(['appmesh', 'list-meshes', '--no-sign-request'], 'AKIDSIGNED', SECRET);
    expect(unsigned.code).not.toBe(0);
    expect(unsigned.stderr).toContain(
      'An error occurred (MissingAuthenticationTokenException) when calling the ListMeshes operation',
    );
    const unknown = await aws(['appmesh', 'list-meshes'], 'AKIDNOBODY', 'x');
    expect(unknown.stderr).toContain(
      'An error occurred (UnrecognizedClientException) when calling the ListMeshes operation',
    );
    const signed = await aws(['appmesh', 'list-meshes'], 'AKIDSIGNED', SECRET);
    expect(signed.code, signed.stderr).toBe(0);
    expect((JSON.parse(signed.stdout) as { meshes: unknown[] }).meshes).toHaveLength(1);
  });
});

describe('when no key has a secret: the open local API of the README', () => {
  let open: InProcessServer;
  beforeAll(async () => {
    open = await startTestServer({ ACCOUNT_ID: DEFAULT_ACCOUNT, ACCESS_KEYS: `AKIDNOSECRET:${OPEN_ACCOUNT}` });
  });
  afterAll(async () => {
    await open.close();
  });

  it('when a request is unsigned, a Bearer token or an unknown key, then it acts as ACCOUNT_ID', async () => {
    const created = await call<{ metadata: { meshOwner: string } }>(open.url, 'PUT', '/v20190125/meshes', {
      csrf: false,
      body: { meshName: 'plain' },
      headers: { authorization: 'Bearer anything' },
    });
    expect(created.status).toBe(200);
    expect(created.body.metadata.meshOwner).toBe(DEFAULT_ACCOUNT);
    const client = new AppMeshClient({
      endpoint: open.url,
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' },
    });
    const out = await client.send(new ListMeshesCommand({}));
    client.destroy();
    expect(out.meshes?.map((m) => m.meshOwner)).toEqual([DEFAULT_ACCOUNT]);
  });
});
