// @aws-sdk/client-app-mesh against the running server's App Mesh API: every operation, the
// paginators, and every error decoded as the SDK's own exception class.
import {
  AppMeshClient,
  AppMeshServiceException,
  BadRequestException,
  ConflictException,
  CreateGatewayRouteCommand,
  CreateMeshCommand,
  CreateVirtualGatewayCommand,
  CreateVirtualServiceCommand,
  DeleteGatewayRouteCommand,
  DeleteMeshCommand,
  DeleteVirtualGatewayCommand,
  DeleteVirtualServiceCommand,
  DescribeGatewayRouteCommand,
  DescribeMeshCommand,
  DescribeVirtualGatewayCommand,
  DescribeVirtualServiceCommand,
  ForbiddenException,
  type GatewayRouteSpec,
  LimitExceededException,
  ListGatewayRoutesCommand,
  ListMeshesCommand,
  ListTagsForResourceCommand,
  ListVirtualGatewaysCommand,
  ListVirtualServicesCommand,
  NotFoundException,
  paginateListGatewayRoutes,
  paginateListMeshes,
  paginateListTagsForResource,
  paginateListVirtualGateways,
  paginateListVirtualServices,
  ResourceInUseException,
  TagResourceCommand,
  TooManyRequestsException,
  TooManyTagsException,
  UntagResourceCommand,
  UpdateGatewayRouteCommand,
  UpdateMeshCommand,
  UpdateVirtualGatewayCommand,
  UpdateVirtualServiceCommand,
  type VirtualGatewaySpec,
} from '@aws-sdk/client-app-mesh';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type InProcessServer, startTestServer } from '../support/server.js';

// Real servers, real clients (and child processes): generous limits for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const OWNER = '111111111111';
const CONSUMER = '222222222222';
const CONSUMER_SECRET = 'consumer-secret';
const GATEWAYS_PER_MESH = 8;
const TAGS_PER_RESOURCE = 6;

const HTTP_9080: VirtualGatewaySpec = { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] };
const routeTo = (service: string, prefix = '/'): GatewayRouteSpec => ({
  httpRoute: { match: { prefix }, action: { target: { virtualService: { virtualServiceName: service } } } },
});

let server: InProcessServer;
const clients: AppMeshClient[] = [];

function client(
  accessKeyId: string,
  secretAccessKey = 'unused',
  extra: { maxAttempts?: number; systemClockOffset?: number; endpoint?: string } = {},
): AppMeshClient {
  const c = new AppMeshClient({
    endpoint: extra.endpoint ?? server.url,
    region: 'us-west-2',
    credentials: { accessKeyId, secretAccessKey },
    ...(extra.maxAttempts ? { maxAttempts: extra.maxAttempts } : {}),
    ...(extra.systemClockOffset ? { systemClockOffset: extra.systemClockOffset } : {}),
  });
  clients.push(c);
  return c;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );
}

/** The error is the SDK's own class for `name`, with the modelled HTTP status and a message. */
function expectSdkError(err: unknown, cls: abstract new (...args: never[]) => Error, name: string, status: number) {
  expect(err).toBeInstanceOf(cls);
  expect(err).toBeInstanceOf(AppMeshServiceException);
  const e = err as AppMeshServiceException;
  expect(e.name).toBe(name);
  expect(e.$metadata.httpStatusCode).toBe(status);
  expect(e.$metadata.requestId).toBeTruthy();
  expect(e.message.length).toBeGreaterThan(10);
}

let owner: AppMeshClient;
let consumer: AppMeshClient;

beforeAll(async () => {
  server = await startTestServer({
    ACCOUNT_ID: OWNER,
    ACCESS_KEYS: `AKIDOWNER:${OWNER},AKIDCONSUMER:${CONSUMER}:${CONSUMER_SECRET}`,
    QUOTA_VIRTUAL_GATEWAYS_PER_MESH: String(GATEWAYS_PER_MESH),
    QUOTA_TAGS_PER_RESOURCE: String(TAGS_PER_RESOURCE),
  });
  owner = client('AKIDOWNER');
  consumer = client('AKIDCONSUMER', CONSUMER_SECRET);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

describe('every operation through the SDK', () => {
  it('when a mesh is created, described, updated, listed and deleted, then each answer has the service shape', async () => {
    const before = Date.now();
    const created = await owner.send(new CreateMeshCommand({ meshName: 'sdk-mesh', tags: [{ key: 'a', value: '1' }] }));
    expect(created.mesh?.meshName).toBe('sdk-mesh');
    expect(created.mesh?.metadata?.arn).toBe(`arn:aws:appmesh:us-west-2:${OWNER}:mesh/sdk-mesh`);
    expect(created.mesh?.metadata?.version).toBe(1);
    expect(created.mesh?.status?.status).toBe('ACTIVE');
    const createdAt = created.mesh?.metadata?.createdAt;
    expect(createdAt).toBeInstanceOf(Date);
    expect(Math.abs((createdAt?.getTime() ?? 0) - before)).toBeLessThan(60_000);

    const described = await owner.send(new DescribeMeshCommand({ meshName: 'sdk-mesh' }));
    expect(described.mesh?.metadata?.uid).toBe(created.mesh?.metadata?.uid);

    const updated = await owner.send(
      new UpdateMeshCommand({ meshName: 'sdk-mesh', spec: { egressFilter: { type: 'ALLOW_ALL' } } }),
    );
    expect(updated.mesh?.spec?.egressFilter?.type).toBe('ALLOW_ALL');
    expect(updated.mesh?.metadata?.version).toBe(2);

    const listed = await owner.send(new ListMeshesCommand({}));
    expect(listed.meshes?.map((m) => m.meshName)).toContain('sdk-mesh');
    expect(listed.meshes?.find((m) => m.meshName === 'sdk-mesh')?.lastUpdatedAt).toBeInstanceOf(Date);

    const deleted = await owner.send(new DeleteMeshCommand({ meshName: 'sdk-mesh' }));
    expect(deleted.mesh?.status?.status).toBe('DELETED');
    await expect(owner.send(new DescribeMeshCommand({ meshName: 'sdk-mesh' }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it('when virtual services, gateways and gateway routes go through their lifecycle, then versions and statuses follow App Mesh', async () => {
    await owner.send(new CreateMeshCommand({ meshName: 'life' }));
    const vs = await owner.send(
      new CreateVirtualServiceCommand({ meshName: 'life', virtualServiceName: 'svc.life.local', spec: {} }),
    );
    expect(vs.virtualService?.metadata?.version).toBe(1);
    expect(
      (await owner.send(new DescribeVirtualServiceCommand({ meshName: 'life', virtualServiceName: 'svc.life.local' })))
        .virtualService?.virtualServiceName,
    ).toBe('svc.life.local');
    const vsUpdated = await owner.send(
      new UpdateVirtualServiceCommand({ meshName: 'life', virtualServiceName: 'svc.life.local', spec: {} }),
    );
    expect(vsUpdated.virtualService?.metadata?.version).toBe(2);
    expect(
      (await owner.send(new ListVirtualServicesCommand({ meshName: 'life' }))).virtualServices?.map(
        (s) => s.virtualServiceName,
      ),
    ).toEqual(['svc.life.local']);

    const gw = await owner.send(
      new CreateVirtualGatewayCommand({ meshName: 'life', virtualGatewayName: 'gw', spec: HTTP_9080 }),
    );
    expect(gw.virtualGateway).toMatchObject({
      meshName: 'life',
      virtualGatewayName: 'gw',
      spec: HTTP_9080,
      status: { status: 'ACTIVE' },
      metadata: {
        arn: `arn:aws:appmesh:us-west-2:${OWNER}:mesh/life/virtualGateway/gw`,
        meshOwner: OWNER,
        resourceOwner: OWNER,
        version: 1,
      },
    });
    const described = await owner.send(
      new DescribeVirtualGatewayCommand({ meshName: 'life', virtualGatewayName: 'gw' }),
    );
    expect(described.virtualGateway?.metadata?.uid).toBe(gw.virtualGateway?.metadata?.uid);
    const spec2: VirtualGatewaySpec = {
      listeners: [
        {
          portMapping: { port: 8443, protocol: 'http2' },
          connectionPool: { http2: { maxRequests: 64 } },
          healthCheck: {
            protocol: 'http2',
            path: '/ping',
            healthyThreshold: 2,
            unhealthyThreshold: 3,
            intervalMillis: 5000,
            timeoutMillis: 2000,
          },
        },
      ],
      logging: { accessLog: { file: { path: '/dev/stdout' } } },
    };
    const updated = await owner.send(
      new UpdateVirtualGatewayCommand({ meshName: 'life', virtualGatewayName: 'gw', spec: spec2 }),
    );
    expect(updated.virtualGateway?.spec).toEqual(spec2);
    expect(updated.virtualGateway?.metadata?.version).toBe(2);
    const gwList = await owner.send(new ListVirtualGatewaysCommand({ meshName: 'life' }));
    expect(gwList.virtualGateways?.map((g) => [g.virtualGatewayName, g.version])).toEqual([['gw', 2]]);

    const route = await owner.send(
      new CreateGatewayRouteCommand({
        meshName: 'life',
        virtualGatewayName: 'gw',
        gatewayRouteName: 'r1',
        spec: routeTo('svc.life.local'),
      }),
    );
    expect(route.gatewayRoute?.metadata?.arn).toBe(
      `arn:aws:appmesh:us-west-2:${OWNER}:mesh/life/virtualGateway/gw/gatewayRoute/r1`,
    );
    expect(
      (
        await owner.send(
          new DescribeGatewayRouteCommand({ meshName: 'life', virtualGatewayName: 'gw', gatewayRouteName: 'r1' }),
        )
      ).gatewayRoute?.spec,
    ).toMatchObject(routeTo('svc.life.local'));
    const routeUpdated = await owner.send(
      new UpdateGatewayRouteCommand({
        meshName: 'life',
        virtualGatewayName: 'gw',
        gatewayRouteName: 'r1',
        spec: routeTo('svc.life.local', '/v2/'),
      }),
    );
    expect(routeUpdated.gatewayRoute?.spec?.httpRoute?.match?.prefix).toBe('/v2/');
    expect(routeUpdated.gatewayRoute?.metadata?.version).toBe(2);
    expect(
      (
        await owner.send(new ListGatewayRoutesCommand({ meshName: 'life', virtualGatewayName: 'gw' }))
      ).gatewayRoutes?.map((r) => r.gatewayRouteName),
    ).toEqual(['r1']);

    const routeDeleted = await owner.send(
      new DeleteGatewayRouteCommand({ meshName: 'life', virtualGatewayName: 'gw', gatewayRouteName: 'r1' }),
    );
    expect(routeDeleted.gatewayRoute?.status?.status).toBe('DELETED');
    expect(routeDeleted.gatewayRoute?.metadata?.version).toBe(3);
    const gwDeleted = await owner.send(new DeleteVirtualGatewayCommand({ meshName: 'life', virtualGatewayName: 'gw' }));
    expect(gwDeleted.virtualGateway?.status?.status).toBe('DELETED');
    expect(gwDeleted.virtualGateway?.metadata?.version).toBe(3);
    const vsDeleted = await owner.send(
      new DeleteVirtualServiceCommand({ meshName: 'life', virtualServiceName: 'svc.life.local' }),
    );
    expect(vsDeleted.virtualService?.status?.status).toBe('DELETED');
    await owner.send(new DeleteMeshCommand({ meshName: 'life' }));
  });

  it('when tags are added, listed and removed, then the resource carries exactly the remaining tags', async () => {
    const mesh = await owner.send(new CreateMeshCommand({ meshName: 'tagged', tags: [{ key: 'team', value: 'a' }] }));
    const arn = mesh.mesh?.metadata?.arn ?? '';
    expect(
      await owner.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'env', value: 'dev' }] })),
    ).toEqual(expect.objectContaining({ $metadata: expect.objectContaining({ httpStatusCode: 200 }) }));
    const listed = await owner.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    expect(listed.tags?.map((t) => `${t.key}=${t.value}`).sort()).toEqual(['env=dev', 'team=a']);
    await owner.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
    expect((await owner.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([
      { key: 'env', value: 'dev' },
    ]);
  });
});

describe('paginators', () => {
  it('when there are more items than a page, then every paginator walks all pages with the given page size', async () => {
    await owner.send(new CreateMeshCommand({ meshName: 'paged' }));
    const gateways = Array.from({ length: GATEWAYS_PER_MESH - 1 }, (_, i) => `gw-${i}`);
    for (const name of gateways) {
      await owner.send(
        new CreateVirtualGatewayCommand({ meshName: 'paged', virtualGatewayName: name, spec: HTTP_9080 }),
      );
    }
    const services = Array.from({ length: 5 }, (_, i) => `svc-${i}.paged.local`);
    for (const name of services) {
      await owner.send(new CreateVirtualServiceCommand({ meshName: 'paged', virtualServiceName: name, spec: {} }));
    }
    const routes = Array.from({ length: 5 }, (_, i) => `route-${i}`);
    for (const [i, name] of routes.entries()) {
      await owner.send(
        new CreateGatewayRouteCommand({
          meshName: 'paged',
          virtualGatewayName: 'gw-0',
          gatewayRouteName: name,
          spec: routeTo('svc-0.paged.local', `/p${i}/`),
        }),
      );
    }
    const arn = `arn:aws:appmesh:us-west-2:${OWNER}:mesh/paged/virtualGateway/gw-1`;
    const tags = Array.from({ length: TAGS_PER_RESOURCE }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));
    await owner.send(new TagResourceCommand({ resourceArn: arn, tags }));

    async function walk<T>(pages: AsyncIterable<T>, items: (page: T) => string[] | undefined) {
      const sizes: number[] = [];
      const all: string[] = [];
      for await (const page of pages) {
        const got = items(page) ?? [];
        sizes.push(got.length);
        all.push(...got);
      }
      return { sizes, all };
    }

    const gw = await walk(paginateListVirtualGateways({ client: owner, pageSize: 3 }, { meshName: 'paged' }), (p) =>
      p.virtualGateways?.map((g) => g.virtualGatewayName ?? ''),
    );
    expect(gw.all.sort()).toEqual([...gateways].sort());
    expect(gw.sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...gw.sizes)).toBeLessThanOrEqual(3);

    const vs = await walk(paginateListVirtualServices({ client: owner, pageSize: 2 }, { meshName: 'paged' }), (p) =>
      p.virtualServices?.map((s) => s.virtualServiceName ?? ''),
    );
    expect(vs.all.sort()).toEqual([...services].sort());
    expect(vs.sizes.length).toBeGreaterThanOrEqual(3);

    const gr = await walk(
      paginateListGatewayRoutes({ client: owner, pageSize: 2 }, { meshName: 'paged', virtualGatewayName: 'gw-0' }),
      (p) => p.gatewayRoutes?.map((r) => r.gatewayRouteName ?? ''),
    );
    expect(gr.all.sort()).toEqual([...routes].sort());
    expect(Math.max(...gr.sizes)).toBeLessThanOrEqual(2);

    const tg = await walk(paginateListTagsForResource({ client: owner, pageSize: 4 }, { resourceArn: arn }), (p) =>
      p.tags?.map((t) => t.key ?? ''),
    );
    expect(tg.all.sort()).toEqual(tags.map((t) => t.key).sort());
    expect(tg.sizes.length).toBeGreaterThanOrEqual(2);

    const meshes = await walk(paginateListMeshes({ client: owner, pageSize: 1 }, {}), (p) =>
      p.meshes?.map((m) => m.meshName ?? ''),
    );
    expect(meshes.all).toContain('paged');
    expect(Math.max(...meshes.sizes)).toBe(1);
  });
});

describe('errors decoded as the SDK exception classes', () => {
  beforeAll(async () => {
    await owner.send(new CreateMeshCommand({ meshName: 'errs' }));
    await owner.send(new CreateVirtualServiceCommand({ meshName: 'errs', virtualServiceName: 'svc.errs', spec: {} }));
    await owner.send(
      new CreateVirtualGatewayCommand({ meshName: 'errs', virtualGatewayName: 'busy', spec: HTTP_9080 }),
    );
    await owner.send(
      new CreateGatewayRouteCommand({
        meshName: 'errs',
        virtualGatewayName: 'busy',
        gatewayRouteName: 'r',
        spec: routeTo('svc.errs'),
      }),
    );
  });

  it('when the gateway does not exist, then NotFoundException (404)', async () => {
    const err = await rejection(
      owner.send(new DescribeVirtualGatewayCommand({ meshName: 'errs', virtualGatewayName: 'missing' })),
    );
    expectSdkError(err, NotFoundException, 'NotFoundException', 404);
  });

  it('when the name is taken or a client token is reused for another request, then ConflictException (409)', async () => {
    const dup = await rejection(
      owner.send(new CreateVirtualGatewayCommand({ meshName: 'errs', virtualGatewayName: 'busy', spec: HTTP_9080 })),
    );
    expectSdkError(dup, ConflictException, 'ConflictException', 409);
    const token = 'token-reused-0001';
    const first = await owner.send(
      new CreateVirtualGatewayCommand({
        meshName: 'errs',
        virtualGatewayName: 'tok',
        spec: HTTP_9080,
        clientToken: token,
      }),
    );
    const replay = await owner.send(
      new CreateVirtualGatewayCommand({
        meshName: 'errs',
        virtualGatewayName: 'tok',
        spec: HTTP_9080,
        clientToken: token,
      }),
    );
    expect(replay.virtualGateway?.metadata?.uid).toBe(first.virtualGateway?.metadata?.uid);
    const other = await rejection(
      owner.send(
        new CreateVirtualGatewayCommand({
          meshName: 'errs',
          virtualGatewayName: 'tok2',
          spec: HTTP_9080,
          clientToken: token,
        }),
      ),
    );
    expectSdkError(other, ConflictException, 'ConflictException', 409);
  });

  it('when a gateway with gateway routes is deleted, then ResourceInUseException (409)', async () => {
    const err = await rejection(
      owner.send(new DeleteVirtualGatewayCommand({ meshName: 'errs', virtualGatewayName: 'busy' })),
    );
    expectSdkError(err, ResourceInUseException, 'ResourceInUseException', 409);
    expect((err as Error).message).toContain('r');
  });

  it('when another account acts on a shared mesh beyond its rights, then ForbiddenException (403)', async () => {
    await owner.send(new CreateMeshCommand({ meshName: 'shared' }));
    await owner.send(
      new CreateVirtualGatewayCommand({ meshName: 'shared', virtualGatewayName: 'owned', spec: HTTP_9080 }),
    );
    await server.backend.engine?.shareMesh(OWNER, 'shared', CONSUMER);
    // the consumer (a key verified with its secret) sees the shared mesh ...
    const seen = await consumer.send(
      new DescribeVirtualGatewayCommand({ meshName: 'shared', virtualGatewayName: 'owned', meshOwner: OWNER }),
    );
    expect(seen.virtualGateway?.metadata).toMatchObject({ meshOwner: OWNER, resourceOwner: OWNER });
    // ... but cannot create a gateway in it, nor delete or update the owner's
    const create = await rejection(
      consumer.send(
        new CreateVirtualGatewayCommand({
          meshName: 'shared',
          virtualGatewayName: 'mine',
          spec: HTTP_9080,
          meshOwner: OWNER,
        }),
      ),
    );
    expectSdkError(create, ForbiddenException, 'ForbiddenException', 403);
    const del = await rejection(
      consumer.send(
        new DeleteVirtualGatewayCommand({ meshName: 'shared', virtualGatewayName: 'owned', meshOwner: OWNER }),
      ),
    );
    expectSdkError(del, ForbiddenException, 'ForbiddenException', 403);
    const update = await rejection(
      consumer.send(
        new UpdateVirtualGatewayCommand({
          meshName: 'shared',
          virtualGatewayName: 'owned',
          spec: HTTP_9080,
          meshOwner: OWNER,
        }),
      ),
    );
    expectSdkError(update, ForbiddenException, 'ForbiddenException', 403);
  });

  it('when the spec breaks the model, then BadRequestException (400) names the field', async () => {
    const err = await rejection(
      owner.send(
        new CreateVirtualGatewayCommand({
          meshName: 'errs',
          virtualGatewayName: 'bad-port',
          spec: { listeners: [{ portMapping: { port: 70000, protocol: 'http' } }] },
        }),
      ),
    );
    expectSdkError(err, BadRequestException, 'BadRequestException', 400);
    expect((err as Error).message).toMatch(/Port/);
    await expect(
      owner.send(new DescribeVirtualGatewayCommand({ meshName: 'errs', virtualGatewayName: 'bad-port' })),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it('when the mesh already holds its quota of gateways, then LimitExceededException (400)', async () => {
    await owner.send(new CreateMeshCommand({ meshName: 'full' }));
    for (let i = 0; i < GATEWAYS_PER_MESH; i++) {
      await owner.send(
        new CreateVirtualGatewayCommand({ meshName: 'full', virtualGatewayName: `g${i}`, spec: HTTP_9080 }),
      );
    }
    // The SDK counts LimitExceededException among throttling errors and would retry it twice.
    const once = client('AKIDOWNER', 'unused', { maxAttempts: 1 });
    const err = await rejection(
      once.send(new CreateVirtualGatewayCommand({ meshName: 'full', virtualGatewayName: 'one-more', spec: HTTP_9080 })),
    );
    expectSdkError(err, LimitExceededException, 'LimitExceededException', 400);
  });

  it('when a tag would pass the per-resource limit, then TooManyTagsException (400) and no tag is applied', async () => {
    const mesh = await owner.send(new CreateMeshCommand({ meshName: 'many-tags' }));
    const arn = mesh.mesh?.metadata?.arn ?? '';
    const tags = Array.from({ length: TAGS_PER_RESOURCE }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await owner.send(new TagResourceCommand({ resourceArn: arn, tags }));
    const err = await rejection(
      owner.send(
        new TagResourceCommand({
          resourceArn: arn,
          tags: [
            { key: 'k0', value: 'changed' },
            { key: 'extra', value: 'v' },
          ],
        }),
      ),
    );
    expectSdkError(err, TooManyTagsException, 'TooManyTagsException', 400);
    const after = await owner.send(new ListTagsForResourceCommand({ resourceArn: arn }));
    expect(after.tags).toHaveLength(TAGS_PER_RESOURCE);
    expect(after.tags?.find((t) => t.key === 'k0')?.value).toBe('v');
  });

  it('when the rate limit is exceeded, then TooManyRequestsException (429)', async () => {
    const limited = await startTestServer({ RATE_LIMIT: '3' });
    try {
      const c = client('AKIDANY', 'x', { endpoint: limited.url, maxAttempts: 1 });
      let err: unknown;
      for (let i = 0; i < 10 && err === undefined; i++) {
        err = await c.send(new ListMeshesCommand({})).then(
          () => undefined,
          (e: unknown) => e,
        );
      }
      expectSdkError(err, TooManyRequestsException, 'TooManyRequestsException', 429);
    } finally {
      await limited.close();
    }
  });
});

describe('signatures through the SDK', () => {
  it('when a key configured with a secret signs with another secret, then 403 InvalidSignatureException', async () => {
    const wrong = client('AKIDCONSUMER', 'not-the-secret', { maxAttempts: 1 });
    const err = await rejection(wrong.send(new ListMeshesCommand({})));
    expect(err).toBeInstanceOf(AppMeshServiceException);
    expect((err as AppMeshServiceException).name).toBe('InvalidSignatureException');
    expect((err as AppMeshServiceException).$metadata.httpStatusCode).toBe(403);
    expect((err as Error).message).toMatch(/^The request signature we calculated does not match/);
  });

  it('when the signing clock is 20 minutes behind, then the signature is stale, and the SDK corrects its clock from the Date header', async () => {
    const behind = -20 * 60 * 1000;
    const once = client('AKIDCONSUMER', CONSUMER_SECRET, { maxAttempts: 1, systemClockOffset: behind });
    const err = await rejection(once.send(new ListMeshesCommand({})));
    expect((err as AppMeshServiceException).name).toBe('InvalidSignatureException');
    expect((err as Error).message).toMatch(/^Signature expired: /);
    const retrying = client('AKIDCONSUMER', CONSUMER_SECRET, { maxAttempts: 3, systemClockOffset: behind });
    const out = await retrying.send(new ListMeshesCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.attempts).toBe(2);
  });
});
