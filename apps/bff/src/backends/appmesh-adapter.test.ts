import { once } from 'node:events';
import { createServer } from 'node:net';
import { AppMeshError } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../appmesh-api/operations.js';
import {
  type CannedResponse,
  type CapturedRequest,
  type CaptureServer,
  startCaptureServer,
} from '../tests/support/capture-server.js';
import { ADAPTER_METHODS, createAppMeshAdapter, toAppMeshError } from './appmesh-adapter.js';

// A stand-in for a remote App Mesh endpoint: canned wire responses, so these tests pin the adapter's
// own conversions. The contract suite runs the adapter against a real second meshconsole server.
const METADATA = {
  arn: 'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualGateway/gw',
  createdAt: 1764163800.125,
  lastUpdatedAt: 1764163860.5,
  meshOwner: '123456789012',
  resourceOwner: '123456789012',
  uid: 'a1b2c3d4-5678-90ab-cdef-11111EXAMPLE',
  version: 1,
};
const GATEWAY = {
  meshName: 'm1',
  virtualGatewayName: 'gw',
  metadata: METADATA,
  spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
  status: { status: 'ACTIVE' },
};

function respond(req: CapturedRequest): CannedResponse {
  const path = req.url.split('?')[0] ?? '';
  if (path.endsWith('/virtualGateways/missing')) {
    return {
      status: 404,
      headers: { 'x-amzn-errortype': 'NotFoundException' },
      body: JSON.stringify({ message: 'VirtualGateway with name missing is not present under mesh m1' }),
    };
  }
  if (path.endsWith('/virtualGateways/bad')) {
    return {
      status: 400,
      headers: { 'x-amzn-errortype': 'BadRequestException' },
      body: JSON.stringify({
        message: 'Port must be between 1 and 65535.',
        fieldErrors: { 'spec.listeners.0.portMapping.port': ['Port must be between 1 and 65535.'] },
      }),
    };
  }
  if (path.endsWith('/virtualGateways/full')) {
    return {
      status: 400,
      headers: { 'x-amzn-errortype': 'LimitExceededException' },
      body: JSON.stringify({ message: 'Mesh m1 already has 3 virtual gateways, the quota.' }),
    };
  }
  if (req.method === 'GET' && path === '/v20190125/meshes/m1/virtualGateways') {
    const { arn, createdAt, lastUpdatedAt, meshOwner, resourceOwner, version } = METADATA;
    const ref = { arn, createdAt, lastUpdatedAt, meshOwner, resourceOwner, version, meshName: 'm1' };
    return {
      status: 200,
      body: JSON.stringify({ virtualGateways: [{ ...ref, virtualGatewayName: 'gw' }], nextToken: 'tok' }),
    };
  }
  if (path.startsWith('/v20190125/meshes/m1/virtualGateways')) return { status: 200, body: JSON.stringify(GATEWAY) };
  return { status: 200, body: '{}' };
}

let remote: CaptureServer;
let adapter: ReturnType<typeof createAppMeshAdapter>;

beforeAll(async () => {
  remote = await startCaptureServer(respond);
  adapter = createAppMeshAdapter({
    region: 'us-west-2',
    endpoint: remote.endpoint,
    credentials: { accessKeyId: 'AKIDADAPTER', secretAccessKey: 'secret' },
  });
});
afterAll(async () => {
  adapter.close();
  await remote.close();
});

describe('createAppMeshAdapter', () => {
  it('when describing a gateway, then the output is the wire data with epoch-second timestamps and no $metadata', async () => {
    const out = await adapter.describeVirtualGateway({ meshName: 'm1', virtualGatewayName: 'gw' });
    expect(out).toEqual({ virtualGateway: GATEWAY });
    expect(JSON.stringify(out)).not.toContain('$metadata');
  });

  it('when listing, then refs keep numeric timestamps and the nextToken', async () => {
    const out = await adapter.listVirtualGateways({ meshName: 'm1', limit: 1 });
    expect(out.nextToken).toBe('tok');
    expect(out.virtualGateways[0]?.createdAt).toBe(1764163800.125);
    expect(remote.requests.at(-1)?.url).toBe('/v20190125/meshes/m1/virtualGateways?limit=1');
  });

  it('when the endpoint answers NotFoundException, then an AppMeshError with that name, status and message is thrown', async () => {
    const err = await adapter.describeVirtualGateway({ meshName: 'm1', virtualGatewayName: 'missing' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppMeshError);
    expect(err).toMatchObject({
      name: 'NotFoundException',
      status: 404,
      message: 'VirtualGateway with name missing is not present under mesh m1',
    });
  });

  it('when the endpoint answers BadRequestException with fieldErrors, then they are kept', async () => {
    const err = await adapter.describeVirtualGateway({ meshName: 'm1', virtualGatewayName: 'bad' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppMeshError);
    expect(err).toMatchObject({
      name: 'BadRequestException',
      status: 400,
      fieldErrors: { 'spec.listeners.0.portMapping.port': ['Port must be between 1 and 65535.'] },
    });
  });

  it('when the endpoint answers LimitExceededException, then it is thrown at once, without SDK retries', async () => {
    const before = remote.requests.length;
    const err = await adapter
      .updateVirtualGateway({ meshName: 'm1', virtualGatewayName: 'full', spec: GATEWAY.spec as never })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(AppMeshError);
    expect(err).toMatchObject({ name: 'LimitExceededException', status: 400 });
    expect(remote.requests.length - before).toBe(1);
  });

  it('when the endpoint is unreachable, then it is a ServiceUnavailableException without internals', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const offline = createAppMeshAdapter({
      region: 'us-west-2',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const err = await offline.listMeshes({}).then(
      () => undefined,
      (e: unknown) => e,
    );
    offline.close();
    expect(err).toBeInstanceOf(AppMeshError);
    expect(err).toMatchObject({ name: 'ServiceUnavailableException', status: 503 });
    expect((err as Error).message).not.toMatch(/127\.0\.0\.1|ECONN/);
  });

  it('when the endpoint refuses the signature, then it is a ForbiddenException naming the real error', () => {
    const err = Object.assign(new Error('The request signature we calculated does not match'), {
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
    const mapped = toAppMeshError(err);
    expect(mapped).toMatchObject({ name: 'ForbiddenException', status: 403 });
    expect(mapped.message).toBe('InvalidSignatureException: The request signature we calculated does not match');
  });

  it('when an unexpected non-service error is mapped, then it is an InternalServerErrorException', () => {
    const mapped = toAppMeshError(new TypeError('boom at /srv/app.js:1'));
    expect(mapped.name).toBe('InternalServerErrorException');
    expect(mapped.message).not.toContain('/srv');
  });

  it('when each method is called, then the SDK sends the method and path the App Mesh API routes', async () => {
    expect([...ADAPTER_METHODS].sort()).toEqual(
      OPERATIONS.map((op) => op.name.charAt(0).toLowerCase() + op.name.slice(1)).sort(),
    );
    const labels: Record<string, string> = {
      meshName: 'm2',
      virtualGatewayName: 'g2',
      gatewayRouteName: 'r2',
      virtualServiceName: 's2',
      virtualNodeName: 'n2',
      virtualRouterName: 'vr2',
      routeName: 'rt2',
    };
    for (const op of OPERATIONS) {
      const method = op.name.charAt(0).toLowerCase() + op.name.slice(1);
      const input: Record<string, unknown> = {};
      for (const [, label] of op.path.matchAll(/:(\w+)/g)) if (label) input[label] = labels[label];
      if (op.body.includes('spec')) input.spec = {};
      if (op.body.includes('meshName')) input.meshName = 'm2';
      if (op.body.includes('virtualGatewayName')) input.virtualGatewayName = 'g2';
      if (op.body.includes('gatewayRouteName')) input.gatewayRouteName = 'r2';
      if (op.body.includes('virtualServiceName')) input.virtualServiceName = 's2';
      if (op.body.includes('tags')) input.tags = [];
      if (op.body.includes('tagKeys')) input.tagKeys = [];
      if (op.query.includes('resourceArn')) input.resourceArn = 'arn:aws:appmesh:us-west-2:123456789012:mesh/m2';
      const call = (adapter as unknown as Record<string, (i: unknown) => Promise<unknown>>)[method];
      expect(call, method).toBeTypeOf('function');
      await call?.(input).catch(() => undefined);
      const sent = remote.requests.at(-1);
      const expectedPath = `/v20190125${op.path.replace(/:(\w+)/g, (_, l: string) => labels[l] ?? l)}`;
      expect(`${sent?.method} ${sent?.url.split('?')[0]}`, op.name).toBe(`${op.method} ${expectedPath}`);
    }
  });
});
