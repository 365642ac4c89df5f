// History and delete plans over HTTP: the real app, a real SQLite file, the console API and the real
// AWS CLI writing the same gateway.
import { type DeletePlan, type DeletePlanRun, diffSpecs, type HistoryPage } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, type Envelope, exampleSpec } from './http-client.js';
import { type AwsCli, awsCli } from './support/aws-cli.js';
import { type InProcessServer, startTestServer } from './support/server.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ME = '123456789012';
const PARTNER = '111122223333';
const AKID = 'AKIDHISTORY';
const SECRET = 'history-test-secret';

function routeSpec(virtualServiceName: string, prefix: string) {
  return { httpRoute: { match: { prefix }, action: { target: { virtualService: { virtualServiceName } } } } };
}

describe('history and delete plans over the console API', () => {
  let server: InProcessServer;
  let cli: AwsCli;
  const api = <T = unknown>(method: string, path: string, body?: unknown) =>
    call<T>(server.url, method, path, body === undefined ? {} : { body });

  beforeAll(async () => {
    server = await startTestServer({ ACCESS_KEYS: `${AKID}:${ME}:${SECRET}`, ACCOUNT_ID: ME });
    cli = awsCli(server.url, AKID, SECRET);
    expect((await api('POST', '/api/meshes', { meshName: 'm' })).status).toBe(201);
    expect((await api('POST', '/api/meshes/m/virtual-services', { virtualServiceName: 'svc', spec: {} })).status).toBe(
      201,
    );
  });
  afterAll(async () => {
    await server?.close();
    cli?.close();
  });

  it('when a gateway is created and updated three times through the console and the AWS CLI, then its history holds four entries with the right via, and the diff of 1 and 4 names exactly the changed fields', async () => {
    const base = '/api/meshes/m/virtual-gateways';
    expect((await api('POST', base, { virtualGatewayName: 'gw', spec: exampleSpec(8080) })).status).toBe(201);
    await cli.run([
      'update-virtual-gateway',
      '--mesh-name',
      'm',
      '--virtual-gateway-name',
      'gw',
      '--spec',
      JSON.stringify(exampleSpec(8081)),
    ]);
    const withLogging = { ...exampleSpec(8081), logging: { accessLog: { file: { path: '/dev/stdout' } } } };
    expect((await api('PUT', `${base}/gw`, { spec: withLogging })).status).toBe(200);
    const { stdout } = await cli.run([
      'update-virtual-gateway',
      '--mesh-name',
      'm',
      '--virtual-gateway-name',
      'gw',
      '--spec',
      JSON.stringify({ ...withLogging, listeners: [{ portMapping: { port: 9090, protocol: 'http2' } }] }),
    ]);
    expect(JSON.parse(stdout).virtualGateway.metadata.version).toBe(4);

    const history = await api<HistoryPage>('GET', `${base}/gw/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e) => [e.version, e.by.via, e.by.accountId, e.status])).toEqual([
      [4, 'api', ME, 'ACTIVE'],
      [3, 'console', ME, 'ACTIVE'],
      [2, 'api', ME, 'ACTIVE'],
      [1, 'console', ME, 'ACTIVE'],
    ]);
    const v1 = history.body.items[3]?.spec;
    const v4 = history.body.items[0]?.spec;
    expect(diffSpecs(v1, v4).map((c) => [c.path, c.label, c.old, c.new])).toEqual([
      ['listeners.0.portMapping.port', 'Port', 8080, 9090],
      ['listeners.0.portMapping.protocol', 'Protocol', 'http', 'http2'],
      ['logging.accessLog.file.path', 'HTTP access logs path', undefined, '/dev/stdout'],
    ]);

    const page = await api<HistoryPage>('GET', `${base}/gw/history?limit=3`);
    expect(page.body.items.map((e) => e.version)).toEqual([4, 3, 2]);
    const rest = await api<HistoryPage>(
      'GET',
      `${base}/gw/history?limit=3&nextToken=${encodeURIComponent(page.body.nextToken ?? '')}`,
    );
    expect(rest.body.items.map((e) => e.version)).toEqual([1]);
    expect(rest.body.nextToken).toBeUndefined();
  });

  it('when the history is asked badly or of nothing, then the answer names the problem', async () => {
    const bad = await api<Envelope>('GET', '/api/meshes/m/virtual-gateways/gw/history?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors?.limit?.[0]).toBe('Limit must be between 1 and 100.');
    const missing = await api<Envelope>('GET', '/api/meshes/m/virtual-gateways/never/history');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NotFoundException');
    const routes = await api<HistoryPage>('GET', '/api/meshes/m/virtual-services/svc/history');
    expect(routes.body.items.map((e) => [e.version, e.by.via])).toEqual([[1, 'console']]);
  });

  it('when a gateway with three routes is deleted through its plan, then one POST deletes all four and history ends with the deletion', async () => {
    const base = '/api/meshes/m/virtual-gateways';
    expect((await api('POST', base, { virtualGatewayName: 'doomed', spec: exampleSpec() })).status).toBe(201);
    for (const name of ['a', 'b', 'c']) {
      const created = await api('POST', `${base}/doomed/gateway-routes`, {
        gatewayRouteName: name,
        spec: routeSpec('svc', `/${name}/`),
      });
      expect(created.status).toBe(201);
    }
    const plan = await api<DeletePlan>('GET', `${base}/doomed/delete-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.blocked).toBe(false);
    expect(plan.body.steps.map((s) => `${s.resourceType}:${s.name}`)).toEqual([
      'gatewayRoute:a',
      'gatewayRoute:b',
      'gatewayRoute:c',
      'virtualGateway:doomed',
    ]);
    // A write without the CSRF header is refused and changes nothing.
    const forged = await call(server.url, 'POST', `${base}/doomed/delete-plan`, { body: {}, csrf: false });
    expect(forged.status).toBe(403);
    const run = await api<DeletePlanRun>('POST', `${base}/doomed/delete-plan`, {
      expect: plan.body.steps.map((s) => s.arn),
    });
    expect(run.status).toBe(200);
    expect(run.body.done).toBe(true);
    expect(run.body.steps.map((s) => s.outcome)).toEqual(['deleted', 'deleted', 'deleted', 'deleted']);
    expect((await api('GET', `${base}/doomed`)).status).toBe(404);
    const history = await api<HistoryPage>('GET', `${base}/doomed/history`);
    expect(history.body.items[0]).toMatchObject({ version: 2, status: 'DELETED', by: { via: 'console' } });
    const routeHistory = await api<HistoryPage>('GET', `${base}/doomed/gateway-routes/a/history`);
    expect(routeHistory.body.items.map((e) => e.status)).toEqual(['DELETED', 'ACTIVE']);
  });

  it('when a plan includes a resource owned by another account, then GET shows it blocked and POST deletes nothing', async () => {
    const engine = server.backend.engine!;
    const partner = server.backend.meshApiFor(PARTNER, 'api');
    await partner.createMesh({ meshName: 'theirs' });
    await engine.shareMesh(PARTNER, 'theirs', ME);
    const q = `?meshOwner=${PARTNER}`;
    const created = await api('POST', `/api/meshes/theirs/virtual-services${q}`, {
      virtualServiceName: 'mine',
      spec: {},
    });
    expect(created.status).toBe(201);
    await partner.createVirtualGateway({ meshName: 'theirs', virtualGatewayName: 'pgw', spec: exampleSpec() });
    await partner.createGatewayRoute({
      meshName: 'theirs',
      virtualGatewayName: 'pgw',
      gatewayRouteName: 'to-mine',
      spec: routeSpec('mine', '/'),
    });
    const path = `/api/meshes/theirs/virtual-services/mine/delete-plan${q}`;
    const plan = await api<DeletePlan>('GET', path);
    expect(plan.body.blocked).toBe(true);
    expect(plan.body.steps.map((s) => [s.name, s.allowed])).toEqual([
      ['to-mine', false],
      ['mine', true],
    ]);
    const run = await api<Envelope>('POST', path, {});
    expect(run.status).toBe(403);
    expect(run.body.error.code).toBe('ForbiddenException');
    expect(run.body.error.message).toMatch(/^Nothing was deleted/);
    expect((await api('GET', `/api/meshes/theirs/virtual-services/mine${q}`)).status).toBe(200);
    const theirRoutes = await partner.listGatewayRoutes({ meshName: 'theirs', virtualGatewayName: 'pgw' });
    expect(theirRoutes.gatewayRoutes).toHaveLength(1);
    // Nor may the consumer plan the partner's mesh away.
    const mesh = await api<Envelope>('GET', `/api/meshes/theirs/delete-plan${q}`);
    expect(mesh.status).toBe(403);
  });

  it('when the body of a plan run is not what it should be, then it is a 400 naming the field', async () => {
    const res = await api<Envelope>('POST', '/api/meshes/m/virtual-gateways/gw/delete-plan', { expect: 'all' });
    expect(res.status).toBe(400);
    expect(res.body.error.fieldErrors?.expect?.[0]).toBe('Expected steps must be a list of ARNs.');
    expect((await api('GET', '/api/meshes/m/virtual-gateways/gw')).status).toBe(200);
  });
});
