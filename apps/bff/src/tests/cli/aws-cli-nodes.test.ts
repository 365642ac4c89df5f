// The typical App Mesh setup through the real AWS CLI: gateway -> virtual service -> virtual router ->
// route -> virtual nodes, the in-use refusal while the router provides the service, and the teardown
// in dependency order.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AwsCli, awsCli, awsCliVersion } from '../support/aws-cli.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Each CLI run starts Python and botocore (5 to 10 s on a loaded machine); a step runs up to 8 of them.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const ACCOUNT = '123456789012';
const AKID = 'AKIDCLINODES';
const SECRET = 'cli-nodes-secret';
const MESH = 'cli-chain';

const NODE_SPEC = (name: string) => ({
  listeners: [
    {
      portMapping: { port: 8080, protocol: 'http' },
      healthCheck: {
        protocol: 'http',
        path: '/health',
        healthyThreshold: 2,
        unhealthyThreshold: 3,
        timeoutMillis: 2000,
        intervalMillis: 5000,
      },
      connectionPool: { http: { maxConnections: 100, maxPendingRequests: 10 } },
      outlierDetection: {
        maxServerErrors: 5,
        interval: { unit: 's', value: 10 },
        baseEjectionDuration: { unit: 's', value: 30 },
        maxEjectionPercent: 50,
      },
      timeout: { http: { perRequest: { unit: 's', value: 15 }, idle: { unit: 's', value: 300 } } },
    },
  ],
  serviceDiscovery: { dns: { hostname: `${name}.${MESH}.local`, responseType: 'LOADBALANCER' } },
  logging: { accessLog: { file: { path: '/dev/stdout' } } },
});

const ROUTE_SPEC = {
  priority: 10,
  httpRoute: {
    match: { prefix: '/', method: 'GET', headers: [{ name: 'x-canary', match: { exact: 'yes' }, invert: true }] },
    action: {
      weightedTargets: [
        { virtualNode: 'blue', weight: 90 },
        { virtualNode: 'green', weight: 10 },
      ],
    },
    retryPolicy: {
      maxRetries: 3,
      perRetryTimeout: { unit: 'ms', value: 2000 },
      httpRetryEvents: ['server-error', 'gateway-error'],
      tcpRetryEvents: ['connection-error'],
    },
    timeout: { perRequest: { unit: 's', value: 10 } },
  },
};

const probe = await awsCliVersion();

if (!probe.ok) {
  console.log(`AWS CLI suite not run: ${probe.reason}`);
  describe('AWS CLI: virtual nodes, routers and routes', () => {
    it('when aws is not installed, then the suite reports why it did not run', () => {
      expect(probe.reason).toBe('aws not on PATH');
    });
  });
} else {
  describe(`AWS CLI: virtual nodes, routers and routes (${probe.version})`, () => {
    let server: TestServer;
    let cli: AwsCli;

    beforeAll(async () => {
      server = await startTestServer({ ACCESS_KEYS: `${AKID}:${ACCOUNT}:${SECRET}`, ACCOUNT_ID: ACCOUNT });
      cli = awsCli(server.url, AKID, SECRET);
    });
    afterAll(async () => {
      await server?.close();
      cli?.close();
    });

    /** `--cli-input-json file://...` with `document`, which the CLI validates against the model first. */
    function inputFile(name: string, document: unknown): string {
      const path = join(cli.home, `${name}.json`);
      writeFileSync(path, JSON.stringify(document));
      return `file://${path}`;
    }

    async function json<T>(args: string[]): Promise<T> {
      return JSON.parse((await cli.run(args)).stdout) as T;
    }

    it('when the chain gateway -> service -> router -> route -> nodes is built, then each create answers as App Mesh', async () => {
      await cli.run(['create-mesh', '--mesh-name', MESH]);
      for (const name of ['blue', 'green']) {
        const { virtualNode } = await json<{ virtualNode: Record<string, unknown> }>([
          'create-virtual-node',
          '--cli-input-json',
          inputFile(name, { meshName: MESH, virtualNodeName: name, spec: NODE_SPEC(name) }),
        ]);
        expect(virtualNode).toMatchObject({
          meshName: MESH,
          virtualNodeName: name,
          spec: NODE_SPEC(name),
          status: { status: 'ACTIVE' },
          metadata: { arn: `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/${MESH}/virtualNode/${name}`, version: 1 },
        });
      }
      await cli.run([
        'create-virtual-router',
        '--mesh-name',
        MESH,
        '--virtual-router-name',
        'router',
        '--spec',
        JSON.stringify({ listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] }),
      ]);
      const { route } = await json<{ route: { spec: unknown; metadata: { arn: string } } }>([
        'create-route',
        '--cli-input-json',
        inputFile('route', { meshName: MESH, virtualRouterName: 'router', routeName: 'split', spec: ROUTE_SPEC }),
      ]);
      expect(route.spec).toEqual(ROUTE_SPEC);
      expect(route.metadata.arn).toBe(
        `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/${MESH}/virtualRouter/router/route/split`,
      );
      await cli.run([
        'create-virtual-service',
        '--mesh-name',
        MESH,
        '--virtual-service-name',
        'svc.cli-chain.local',
        '--spec',
        JSON.stringify({ provider: { virtualRouter: { virtualRouterName: 'router' } } }),
      ]);
      await cli.run([
        'create-virtual-gateway',
        '--mesh-name',
        MESH,
        '--virtual-gateway-name',
        'gw',
        '--spec',
        JSON.stringify({ listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] }),
      ]);
      await cli.run([
        'create-gateway-route',
        '--mesh-name',
        MESH,
        '--virtual-gateway-name',
        'gw',
        '--gateway-route-name',
        'to-svc',
        '--spec',
        JSON.stringify({
          httpRoute: {
            match: { prefix: '/' },
            action: { target: { virtualService: { virtualServiceName: 'svc.cli-chain.local' } } },
          },
        }),
      ]);

      const listed = await json<{ routes: { routeName: string; virtualRouterName: string }[] }>([
        'list-routes',
        '--mesh-name',
        MESH,
        '--virtual-router-name',
        'router',
      ]);
      expect(listed.routes.map((r) => `${r.virtualRouterName}/${r.routeName}`)).toEqual(['router/split']);
    });

    it('when the router is deleted while it provides the service, then it is ResourceInUseException naming the service', async () => {
      const inUse = await cli.fails(['delete-virtual-router', '--mesh-name', MESH, '--virtual-router-name', 'router']);
      expect(inUse).toContain(
        'An error occurred (ResourceInUseException) when calling the DeleteVirtualRouter operation',
      );
      expect(inUse).toContain('VIRTUAL_SERVICE: [svc.cli-chain.local]');
      const { virtualRouter } = await json<{ virtualRouter: { metadata: { version: number } } }>([
        'describe-virtual-router',
        '--mesh-name',
        MESH,
        '--virtual-router-name',
        'router',
      ]);
      expect(virtualRouter.metadata.version).toBe(1);
    });

    it('when everything is deleted in dependency order, then each delete answers DELETED and the mesh is gone', async () => {
      const teardown: string[][] = [
        ['delete-gateway-route', '--mesh-name', MESH, '--virtual-gateway-name', 'gw', '--gateway-route-name', 'to-svc'],
        ['delete-virtual-gateway', '--mesh-name', MESH, '--virtual-gateway-name', 'gw'],
        ['delete-virtual-service', '--mesh-name', MESH, '--virtual-service-name', 'svc.cli-chain.local'],
        ['delete-route', '--mesh-name', MESH, '--virtual-router-name', 'router', '--route-name', 'split'],
        ['delete-virtual-router', '--mesh-name', MESH, '--virtual-router-name', 'router'],
        ['delete-virtual-node', '--mesh-name', MESH, '--virtual-node-name', 'blue'],
        ['delete-virtual-node', '--mesh-name', MESH, '--virtual-node-name', 'green'],
        ['delete-mesh', '--mesh-name', MESH],
      ];
      for (const step of teardown) {
        const answer = Object.values(await json<Record<string, { status: { status: string } }>>(step))[0];
        expect(answer?.status, step[0]).toEqual({ status: 'DELETED' });
      }
      const { meshes } = await json<{ meshes: { meshName: string }[] }>(['list-meshes']);
      expect(meshes.map((m) => m.meshName)).not.toContain(MESH);
    });
  });
}
