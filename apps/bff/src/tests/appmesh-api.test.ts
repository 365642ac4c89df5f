// The App Mesh REST API (restJson1) with plain fetch: paths, bodies, headers and errors on the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, exampleSpec } from './http-client.js';
import { type InProcessServer, startTestServer } from './support/server.js';

const ME = '123456789012';
const OTHER = '444455556666';
const V = '/v20190125';

/** An Authorization header as the SDKs send it (the key is mapped to an account; no secret, so not verified). */
function sigv4(accessKeyId: string): Record<string, string> {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261126/us-west-2/appmesh/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
    'x-amz-date': '20261126T000000Z',
  };
}

describe('App Mesh API', () => {
  let server: InProcessServer;
  let base: string;
  const wire = <T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call<T>(base, method, `${V}${path}`, { csrf: false, headers, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    server = await startTestServer({ ACCOUNT_ID: ME, ACCESS_KEYS: `AKIDOTHER:${OTHER}` });
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
  });

  it('when a mesh and gateway are created, then the bodies are the bare data objects with epoch-second times', async () => {
    const mesh = await wire<Record<string, unknown>>('PUT', '/meshes', { meshName: 'wire' });
    expect(mesh.status).toBe(200);
    expect(mesh.body.meshName).toBe('wire');
    expect(mesh.headers.get('x-amzn-requestid')).toBe(mesh.headers.get('x-request-id'));

    const gw = await wire<{ virtualGatewayName: string; metadata: { version: number; createdAt: unknown } }>(
      'PUT',
      '/meshes/wire/virtualGateways',
      { virtualGatewayName: 'gw', spec: exampleSpec() },
    );
    expect(gw.status).toBe(200);
    expect(gw.body.virtualGatewayName).toBe('gw');
    expect(gw.body.metadata.version).toBe(1);
    expect(typeof gw.body.metadata.createdAt).toBe('number');
    expect(gw.body).not.toHaveProperty('virtualGateway');

    const described = await wire('GET', '/meshes/wire/virtualGateways/gw');
    expect(described.body).toEqual(gw.body);
  });

  it('when gateways are listed, then the body is {virtualGateways, nextToken} of refs and limit pages it', async () => {
    await wire('PUT', '/meshes', { meshName: 'listing' });
    for (const name of ['a', 'b']) {
      await wire('PUT', '/meshes/listing/virtualGateways', { virtualGatewayName: name, spec: exampleSpec() });
    }
    const page1 = await wire<{ virtualGateways: Record<string, unknown>[]; nextToken?: string }>(
      'GET',
      '/meshes/listing/virtualGateways?limit=1',
    );
    expect(page1.status).toBe(200);
    expect(page1.body.virtualGateways).toHaveLength(1);
    expect(Object.keys(page1.body.virtualGateways[0] ?? {}).sort()).toEqual([
      'arn',
      'createdAt',
      'lastUpdatedAt',
      'meshName',
      'meshOwner',
      'resourceOwner',
      'version',
      'virtualGatewayName',
    ]);
    const page2 = await wire<{ virtualGateways: unknown[]; nextToken?: string }>(
      'GET',
      `/meshes/listing/virtualGateways?limit=1&nextToken=${encodeURIComponent(page1.body.nextToken ?? '')}`,
    );
    expect(page2.body.virtualGateways).toHaveLength(1);
    expect(page2.body).not.toHaveProperty('nextToken');
  });

  it('when gateway routes are used, then they live under the singular /virtualGateway/{name}/gatewayRoutes', async () => {
    await wire('PUT', '/meshes', { meshName: 'routes' });
    await wire('PUT', '/meshes/routes/virtualServices', { virtualServiceName: 'svc.local', spec: {} });
    await wire('PUT', '/meshes/routes/virtualGateways', { virtualGatewayName: 'gw', spec: exampleSpec() });
    const route = await wire<{ gatewayRouteName: string }>('PUT', '/meshes/routes/virtualGateway/gw/gatewayRoutes', {
      gatewayRouteName: 'r',
      spec: {
        httpRoute: {
          match: { prefix: '/' },
          action: { target: { virtualService: { virtualServiceName: 'svc.local' } } },
        },
      },
    });
    expect(route.status).toBe(200);
    expect(route.body.gatewayRouteName).toBe('r');
    const list = await wire<{ gatewayRoutes: { gatewayRouteName: string }[] }>(
      'GET',
      '/meshes/routes/virtualGateway/gw/gatewayRoutes',
    );
    expect(list.body.gatewayRoutes.map((r) => r.gatewayRouteName)).toEqual(['r']);

    const inUse = await wire<{ message: string }>('DELETE', '/meshes/routes/virtualGateways/gw');
    expect(inUse.status).toBe(409);
    expect(inUse.headers.get('x-amzn-errortype')).toBe('ResourceInUseException');
    expect(inUse.body).toEqual({ message: expect.stringMatching(/r/) });

    const deleted = await wire<{ status: { status: string } }>(
      'DELETE',
      '/meshes/routes/virtualGateway/gw/gatewayRoutes/r',
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.status.status).toBe('DELETED');
  });

  it('when a resource is missing, then the error is the status, X-Amzn-Errortype and {"message"} only', async () => {
    const res = await wire('GET', '/meshes/nope/virtualGateways/none');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    expect(res.headers.get('x-amzn-requestid')).toBeTruthy();
    expect(Object.keys(res.body as object)).toEqual(['message']);
  });

  it('when the body is invalid, then it is a 400 BadRequestException naming the field', async () => {
    await wire('PUT', '/meshes', { meshName: 'invalid' });
    const res = await wire<{ message: string }>('PUT', '/meshes/invalid/virtualGateways', {
      virtualGatewayName: 'gw',
      spec: { listeners: [{ portMapping: { port: 0, protocol: 'http' } }] },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(res.body.message).toMatch(/Port must be between 1 and 65535/);
    expect((await wire('GET', '/meshes/invalid/virtualGateways/gw')).status).toBe(404);

    const notJson = await call(base, 'PUT', `${V}/meshes`, { csrf: false, rawBody: '{"meshName":' });
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('x-amzn-errortype')).toBe('BadRequestException');
  });

  it('when the body has no content type (AWS CLI v1), then it is still read as JSON', async () => {
    const res = await call<{ meshName: string }>(base, 'PUT', `${V}/meshes`, {
      csrf: false,
      rawBody: JSON.stringify({ meshName: 'no-content-type' }),
      headers: { 'content-type': '' },
    });
    expect(res.status).toBe(200);
    expect(res.body.meshName).toBe('no-content-type');
  });

  it('when a GET or DELETE carries an empty JSON body, then it is accepted', async () => {
    await wire('PUT', '/meshes', { meshName: 'empty-body' });
    const res = await call(base, 'GET', `${V}/meshes/empty-body`, {
      csrf: false,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const del = await call(base, 'DELETE', `${V}/meshes/empty-body`, {
      csrf: false,
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(del.status).toBe(200);
  });

  it('when tagging, then tag and untag answer {} and tags lists them', async () => {
    const mesh = await wire<{ metadata: { arn: string } }>('PUT', '/meshes', { meshName: 'tagged' });
    const arn = encodeURIComponent(mesh.body.metadata.arn);
    const tag = await wire('PUT', `/tag?resourceArn=${arn}`, { tags: [{ key: 'k', value: 'v' }] });
    expect(tag.status).toBe(200);
    expect(tag.body).toEqual({});
    const list = await wire<{ tags: unknown[] }>('GET', `/tags?resourceArn=${arn}`);
    expect(list.body.tags).toEqual([{ key: 'k', value: 'v' }]);
    expect((await wire('PUT', `/untag?resourceArn=${arn}`, { tagKeys: ['k'] })).body).toEqual({});
    expect((await wire<{ tags: unknown[] }>('GET', `/tags?resourceArn=${arn}`)).body.tags).toEqual([]);
  });

  it('when the access key maps to another account, then that account is the caller', async () => {
    const mine = await wire<{ metadata: { meshOwner: string } }>('PUT', '/meshes', { meshName: 'whose' });
    expect(mine.body.metadata.meshOwner).toBe(ME);
    const theirs = await wire<{ metadata: { meshOwner: string } }>(
      'PUT',
      '/meshes',
      { meshName: 'whose' },
      sigv4('AKIDOTHER'),
    );
    expect(theirs.status).toBe(200);
    expect(theirs.body.metadata.meshOwner).toBe(OTHER);

    const unknownKey = await wire<{ metadata: { meshOwner: string } }>(
      'GET',
      '/meshes/whose',
      undefined,
      sigv4('AKIDX'),
    );
    expect(unknownKey.body.metadata.meshOwner).toBe(ME);

    // The other account's mesh, read by us with meshOwner: not shared, so refused.
    const foreign = await wire('GET', `/meshes/whose/virtualGateways?meshOwner=${OTHER}`);
    expect([403, 404]).toContain(foreign.status);
    expect(foreign.headers.get('x-amzn-errortype')).toMatch(/ForbiddenException|NotFoundException/);
  });

  it('when no operation matches, then it is a 404 NotFoundException in the App Mesh form', async () => {
    const res = await wire<{ message: string }>('POST', '/meshes');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    expect(res.body).toEqual({ message: expect.any(String) });
  });

  it('when the body names another mesh, then the URI label wins (body members only fill body fields)', async () => {
    await wire('PUT', '/meshes', { meshName: 'label-wins' });
    const res = await wire<{ meshName: string; virtualGatewayName: string }>(
      'PUT',
      '/meshes/label-wins/virtualGateways',
      { meshName: 'elsewhere', virtualGatewayName: 'gw', spec: exampleSpec() },
    );
    expect(res.status).toBe(200);
    expect(res.body.meshName).toBe('label-wins');
  });

  it('when no CSRF header is sent, then the App Mesh API still accepts writes (it is for SDKs)', async () => {
    const res = await wire('PUT', '/meshes', { meshName: 'no-csrf' });
    expect(res.status).toBe(200);
  });
});
