import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AppMeshClient,
  CreateVirtualGatewayCommand,
  DescribeVirtualGatewayCommand,
  ListTagsForResourceCommand,
  ListVirtualGatewaysCommand,
  TagResourceCommand,
} from '@aws-sdk/client-app-mesh';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CapturedRequest, type CaptureServer, startCaptureServer } from '../tests/support/capture-server.js';
import {
  type AccessKey,
  authenticateRequest,
  canonicalPath,
  canonicalQuery,
  parseAuthorization,
  SIGNATURE_MISMATCH_MESSAGE,
  SigV4Error,
  verifySignature,
} from './sigv4.js';

// Real servers, real clients (and child processes): generous limits for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const execFileAsync = promisify(execFile);

const AKID = 'AKIDSIGV4TEST';
const SECRET = 'sigv4-test-secret/with+odd=chars';
const ACCOUNT = '210987654321';
const DEFAULT_ACCOUNT = '123456789012';
const keys = new Map<string, AccessKey>([
  [AKID, { accountId: ACCOUNT, secret: SECRET }],
  ['AKIDNOSECRET', { accountId: '111122223333' }],
]);

let capture: CaptureServer;

function sdkClient(options: { secret?: string; clockOffsetMs?: number; akid?: string } = {}) {
  return new AppMeshClient({
    endpoint: capture.endpoint,
    region: 'us-west-2',
    maxAttempts: 1,
    credentials: { accessKeyId: options.akid ?? AKID, secretAccessKey: options.secret ?? SECRET },
    ...(options.clockOffsetMs === undefined ? {} : { systemClockOffset: options.clockOffsetMs }),
  });
}

/** Sends one command through the real SDK and returns what reached the wire. */
async function signedBySdk(
  send: (client: AppMeshClient) => Promise<unknown>,
  options: Parameters<typeof sdkClient>[0] = {},
): Promise<CapturedRequest> {
  const before = capture.requests.length;
  const client = sdkClient(options);
  try {
    await send(client).catch(() => undefined);
  } finally {
    client.destroy();
  }
  const req = capture.requests[before];
  if (!req) throw new Error('the SDK sent nothing');
  return req;
}

function authOf(req: CapturedRequest) {
  const idx = req.rawHeaders.findIndex((h) => h.toLowerCase() === 'authorization');
  const auth = parseAuthorization(req.rawHeaders[idx + 1] ?? '');
  if (!auth) throw new Error('no SigV4 Authorization header');
  return auth;
}

function expectSigV4Error(fn: () => unknown, name: string, message: RegExp | string) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SigV4Error);
    const e = err as SigV4Error;
    expect(e.name).toBe(name);
    expect(e.status).toBe(403);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    return;
  }
  throw new Error('expected a SigV4Error');
}

beforeAll(async () => {
  capture = await startCaptureServer();
});
afterAll(async () => {
  await capture.close();
});

describe('canonical forms', () => {
  it('when a path label is already percent-encoded, then the canonical path encodes it again', () => {
    expect(canonicalPath('/v20190125/meshes/a%20b/virtualGateways/g%3Aw')).toBe(
      '/v20190125/meshes/a%2520b/virtualGateways/g%253Aw',
    );
    expect(canonicalPath('/v20190125/./meshes//m/../x/')).toBe('/v20190125/meshes/x/');
  });

  it('when the query has encoded and unsorted pairs, then they are re-encoded and sorted', () => {
    expect(canonicalQuery('resourceArn=arn%3Aaws%3Aappmesh%3Aus-west-2%3A1%3Amesh%2Fm&limit=5')).toBe(
      'limit=5&resourceArn=arn%3Aaws%3Aappmesh%3Aus-west-2%3A1%3Amesh%2Fm',
    );
    expect(canonicalQuery('b=2&a=2&a=1&c')).toBe('a=1&a=2&b=2&c=');
  });
});

describe('signatures made by @aws-sdk/client-app-mesh', () => {
  it('when a create with a JSON body is signed with the configured secret, then it verifies', async () => {
    const req = await signedBySdk((c) =>
      c.send(
        new CreateVirtualGatewayCommand({
          meshName: 'mesh-1',
          virtualGatewayName: 'gw-1',
          spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
        }),
      ),
    );
    expect(req.body.length).toBeGreaterThan(0);
    const result = authenticateRequest(req, keys, { defaultAccountId: DEFAULT_ACCOUNT });
    expect(result).toEqual({ accountId: ACCOUNT, accessKeyId: AKID, verified: true });
  });

  it('when labels hold spaces, colons and percent signs, then the double-encoded path verifies', async () => {
    const req = await signedBySdk((c) =>
      c.send(
        new DescribeVirtualGatewayCommand({
          meshName: 'my mesh:1',
          virtualGatewayName: "gw%41(é)*'!",
          meshOwner: '123456789012',
        }),
      ),
    );
    expect(req.url).toContain('%20');
    expect(() => verifySignature(req, authOf(req), SECRET)).not.toThrow();
  });

  it('when the query carries an ARN, a limit and a token, then the canonical query verifies', async () => {
    const arn = 'arn:aws:appmesh:us-west-2:123456789012:mesh/m 1/virtualGateway/g+w';
    const list = await signedBySdk((c) =>
      c.send(new ListVirtualGatewaysCommand({ meshName: 'm', limit: 7, nextToken: 'a+b/c=d e' })),
    );
    const tags = await signedBySdk((c) => c.send(new ListTagsForResourceCommand({ resourceArn: arn, limit: 3 })));
    const tag = await signedBySdk((c) =>
      c.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'ünï', value: 'v=1&2' }] })),
    );
    for (const req of [list, tags, tag]) {
      expect(req.url).toContain('?');
      expect(() => verifySignature(req, authOf(req), SECRET)).not.toThrow();
    }
  });

  it('when the secret is wrong, then the signature is refused as InvalidSignatureException', async () => {
    const req = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm' })), {
      secret: 'not-the-secret',
    });
    expectSigV4Error(
      () => authenticateRequest(req, keys, { defaultAccountId: DEFAULT_ACCOUNT }),
      'InvalidSignatureException',
      SIGNATURE_MISMATCH_MESSAGE,
    );
  });

  it('when the body or the query is altered after signing, then the signature is refused', async () => {
    const req = await signedBySdk((c) =>
      c.send(
        new CreateVirtualGatewayCommand({
          meshName: 'm',
          virtualGatewayName: 'gw',
          spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
        }),
      ),
    );
    const body = Buffer.from(req.body.toString('utf8').replace('9080', '9081'));
    expectSigV4Error(
      () => verifySignature({ ...req, body }, authOf(req), SECRET),
      'InvalidSignatureException',
      /x-amz-content-sha256|does not match/,
    );
    const withoutHashHeader = {
      ...req,
      body,
      rawHeaders: req.rawHeaders.filter(
        (_, i, all) => (all[i - (i % 2)] ?? '').toLowerCase() !== 'x-amz-content-sha256',
      ),
    };
    expectSigV4Error(
      () => verifySignature(withoutHashHeader, authOf(req), SECRET),
      'InvalidSignatureException',
      SIGNATURE_MISMATCH_MESSAGE,
    );
    const listed = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm', limit: 5 })));
    expectSigV4Error(
      () => verifySignature({ ...listed, url: listed.url.replace('limit=5', 'limit=6') }, authOf(listed), SECRET),
      'InvalidSignatureException',
      SIGNATURE_MISMATCH_MESSAGE,
    );
  });

  it('when a body is declared UNSIGNED-PAYLOAD, then it is refused: the body of a signed request is always signed', async () => {
    const req = await signedBySdk((c) =>
      c.send(
        new CreateVirtualGatewayCommand({
          meshName: 'm',
          virtualGatewayName: 'gw',
          spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
        }),
      ),
    );
    const rawHeaders = req.rawHeaders.map((h, i, all) =>
      i % 2 === 1 && (all[i - 1] ?? '').toLowerCase() === 'x-amz-content-sha256' ? 'UNSIGNED-PAYLOAD' : h,
    );
    expect(rawHeaders).toContain('UNSIGNED-PAYLOAD');
    expectSigV4Error(
      () => verifySignature({ ...req, rawHeaders }, authOf(req), SECRET),
      'InvalidSignatureException',
      /UNSIGNED-PAYLOAD is not accepted for a request with a body/,
    );
  });

  it('when the signing clock is 20 minutes behind or ahead, then it is refused as stale or not yet current', async () => {
    const past = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm' })), {
      clockOffsetMs: -20 * 60 * 1000,
    });
    expectSigV4Error(
      () => verifySignature(past, authOf(past), SECRET),
      'InvalidSignatureException',
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    const future = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm' })), {
      clockOffsetMs: 20 * 60 * 1000,
    });
    expectSigV4Error(
      () => verifySignature(future, authOf(future), SECRET),
      'InvalidSignatureException',
      /^Signature not yet current: /,
    );
    const recent = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm' })), {
      clockOffsetMs: -10 * 60 * 1000,
    });
    expect(() => verifySignature(recent, authOf(recent), SECRET)).not.toThrow();
  });
});

describe('mapping access keys to accounts', () => {
  it('when a key has no secret, then it maps without verification; an unknown key is refused once a key has a secret', async () => {
    const noSecret = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm' })), {
      akid: 'AKIDNOSECRET',
      secret: 'anything',
    });
    expect(authenticateRequest(noSecret, keys, { defaultAccountId: DEFAULT_ACCOUNT })).toEqual({
      accountId: '111122223333',
      accessKeyId: 'AKIDNOSECRET',
      verified: false,
    });
    const unknown = await signedBySdk((c) => c.send(new ListVirtualGatewaysCommand({ meshName: 'm' })), {
      akid: 'AKIDUNKNOWN',
      secret: 'anything',
    });
    expectSigV4Error(
      () => authenticateRequest(unknown, keys, { defaultAccountId: DEFAULT_ACCOUNT }),
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
    const openKeys = new Map([...keys].filter(([, k]) => k.secret === undefined));
    expect(authenticateRequest(unknown, openKeys, { defaultAccountId: DEFAULT_ACCOUNT }).accountId).toBe(
      DEFAULT_ACCOUNT,
    );
  });

  it('when the request is unsigned, then it is the default account while no key has a secret, and refused after', () => {
    const req = { method: 'GET', url: '/v20190125/meshes', rawHeaders: ['Host', 'x'] };
    const openKeys = new Map([...keys].filter(([, k]) => k.secret === undefined));
    expect(authenticateRequest(req, openKeys, { defaultAccountId: DEFAULT_ACCOUNT })).toEqual({
      accountId: DEFAULT_ACCOUNT,
      verified: false,
    });
    expectSigV4Error(
      () => authenticateRequest(req, keys, { defaultAccountId: DEFAULT_ACCOUNT }),
      'MissingAuthenticationTokenException',
      'Request is missing Authentication Token',
    );
  });

  it('when the SigV4 header lacks its parts, then it is refused as IncompleteSignatureException', () => {
    const req = {
      method: 'GET',
      url: '/v20190125/meshes',
      rawHeaders: ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-west-2/appmesh/aws4_request'],
    };
    expectSigV4Error(
      () => authenticateRequest(req, keys, { defaultAccountId: DEFAULT_ACCOUNT }),
      'IncompleteSignatureException',
      /'SignedHeaders', 'Signature'/,
    );
    const bare = { ...req, rawHeaders: ['Authorization', 'AWS4-HMAC-SHA256'] };
    expectSigV4Error(
      () => authenticateRequest(bare, keys, { defaultAccountId: DEFAULT_ACCOUNT }),
      'IncompleteSignatureException',
      /'Credential', 'SignedHeaders', 'Signature'/,
    );
  });
});

describe('signatures made by botocore (the AWS CLI v1 signer)', async () => {
  const probe = await execFileAsync('python3', ['-c', 'import botocore; print(botocore.__version__)']).then(
    (r) => ({ ok: true as const, version: r.stdout.trim() }),
    () => ({ ok: false as const, reason: 'python3 with botocore not available' }),
  );
  if (!probe.ok) {
    console.log(`botocore signature checks not run: ${probe.reason}`);
    it('when botocore is missing, then the reason is reported', () => {
      expect(probe.reason).toBe('python3 with botocore not available');
    });
    return;
  }

  it(`when botocore ${probe.version} signs describe and tag calls, then they verify`, async () => {
    const before = capture.requests.length;
    const script = [
      'import botocore.session, sys',
      's = botocore.session.Session()',
      "c = s.create_client('appmesh', region_name='us-west-2', endpoint_url=sys.argv[1],",
      '    aws_access_key_id=sys.argv[2], aws_secret_access_key=sys.argv[3])',
      "c.describe_virtual_gateway(meshName='my mesh:1', virtualGatewayName='gw%41(x)*')",
      "c.tag_resource(resourceArn='arn:aws:appmesh:us-west-2:123456789012:mesh/m 1', tags=[{'key': 'k', 'value': 'v=1&2'}])",
      "c.list_virtual_gateways(meshName='m', limit=3, nextToken='a+b/c')",
    ].join('\n');
    await execFileAsync('python3', ['-c', script, capture.endpoint, AKID, SECRET], {
      env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
    });
    const sent = capture.requests.slice(before);
    expect(sent).toHaveLength(3);
    for (const req of sent) {
      expect(authenticateRequest(req, keys, { defaultAccountId: DEFAULT_ACCOUNT })).toMatchObject({
        accountId: ACCOUNT,
        verified: true,
      });
      expectSigV4Error(
        () => verifySignature(req, authOf(req), `${SECRET}x`),
        'InvalidSignatureException',
        SIGNATURE_MISMATCH_MESSAGE,
      );
    }
  });
});
