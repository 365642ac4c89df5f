// The console's JSON views print a resource exactly as `aws appmesh describe-<kind>` does: the model's
// printer (packages/model, cli-output.ts) against the real AWS CLI's stdout, byte for byte, for each
// kind, with the data the console API answers for the same resource.
import { type CliDescribeKey, CSRF_HEADER, describeCliJson } from '@meshconsole/model';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AwsCli, awsCli, awsCliVersion } from '../support/aws-cli.js';
import { type InProcessServer, startTestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const ACCOUNT = '123456789012';
const AKID = 'AKIDCLIOUTPUT';
const SECRET = 'cli-output-secret';
const MESH = 'cli-output';

// A full node: every listener member, Cloud Map discovery, backends with client policies, and a log
// path with quotes, a backslash and non-ASCII text (how the CLI escapes strings).
const NODE_SPEC = {
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
      timeout: { http: { perRequest: { unit: 's', value: 15 }, idle: { unit: 'ms', value: 300000 } } },
    },
    { portMapping: { port: 9090, protocol: 'tcp' }, timeout: { tcp: { idle: { unit: 's', value: 60 } } } },
  ],
  serviceDiscovery: {
    awsCloudMap: {
      namespaceName: 'catalog.local',
      serviceName: 'catalog',
      attributes: [{ key: 'stage', value: 'blue' }],
      ipPreference: 'IPv4_PREFERRED',
    },
  },
  backends: [{ virtualService: { virtualServiceName: 'orders.cli-output.local' } }],
  backendDefaults: {
    clientPolicy: {
      tls: { enforce: true, ports: [443], validation: { trust: { file: { certificateChain: '/certs/ca.pem' } } } },
    },
  },
  logging: { accessLog: { file: { path: '/var/log/é "envoy" \\ café.log', format: { text: '%START_TIME% ñ' } } } },
};

const ROUTE_SPEC = {
  priority: 10,
  httpRoute: {
    match: { prefix: '/', method: 'GET', headers: [{ name: 'x-canary', match: { exact: 'yes' }, invert: true }] },
    action: {
      weightedTargets: [
        { virtualNode: 'catalog-v1', weight: 80 },
        { virtualNode: 'catalog-v2', weight: 20, port: 8080 },
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
  describe('describe JSON as the AWS CLI prints it', () => {
    it('when aws is not installed, then the suite reports why it did not run', () => {
      expect(probe.reason).toBe('aws not on PATH');
    });
  });
} else {
  describe(`describe JSON as the AWS CLI prints it (${probe.version})`, () => {
    let server: InProcessServer;
    let cli: AwsCli;

    async function consoleApi(path: string): Promise<{ metadata: { createdAt: number; lastUpdatedAt: number } }> {
      const res = await fetch(`${server.url}/api/meshes/${MESH}/${path}`, { headers: { [CSRF_HEADER]: '1' } });
      expect(res.status, path).toBe(200);
      return (await res.json()) as { metadata: { createdAt: number; lastUpdatedAt: number } };
    }

    async function expectSameAsCli(key: CliDescribeKey, apiPath: string, args: string[]) {
      const { stdout } = await cli.run(args);
      expect(stdout).toBe(`${describeCliJson(key, await consoleApi(apiPath))}\n`);
    }

    beforeAll(async () => {
      server = await startTestServer({ ACCESS_KEYS: `${AKID}:${ACCOUNT}:${SECRET}`, ACCOUNT_ID: ACCOUNT });
      cli = awsCli(server.url, AKID, SECRET);
      const api = server.backend.meshApiFor(ACCOUNT, 'api');
      await api.createMesh({ meshName: MESH });
      await api.createVirtualService({ meshName: MESH, virtualServiceName: 'orders.cli-output.local', spec: {} });
      await api.createVirtualNode({ meshName: MESH, virtualNodeName: 'catalog-v1', spec: NODE_SPEC as never });
      await api.createVirtualNode({
        meshName: MESH,
        virtualNodeName: 'catalog-v2',
        spec: {
          listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
          serviceDiscovery: { dns: { hostname: 'catalog-v2.cli-output.local', responseType: 'ENDPOINTS' } },
        },
      });
      await api.createVirtualRouter({
        meshName: MESH,
        virtualRouterName: 'catalog-router',
        spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
      });
      await api.createRoute({
        meshName: MESH,
        virtualRouterName: 'catalog-router',
        routeName: 'split',
        spec: ROUTE_SPEC as never,
      });
      // a second version, so the timestamps differ and the version is 2
      await api.updateRoute({
        meshName: MESH,
        virtualRouterName: 'catalog-router',
        routeName: 'split',
        spec: { ...ROUTE_SPEC, priority: 20 } as never,
      });
      await api.createVirtualGateway({
        meshName: MESH,
        virtualGatewayName: 'gw',
        spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
      });
      await api.createVirtualService({
        meshName: MESH,
        virtualServiceName: 'catalog.cli-output.local',
        spec: { provider: { virtualRouter: { virtualRouterName: 'catalog-router' } } },
      });
      await api.createGatewayRoute({
        meshName: MESH,
        virtualGatewayName: 'gw',
        gatewayRouteName: 'to-catalog',
        spec: {
          httpRoute: {
            match: { prefix: '/catalog' },
            action: { target: { virtualService: { virtualServiceName: 'catalog.cli-output.local' } } },
          },
        },
      });
    });
    afterAll(async () => {
      await server?.close();
      cli?.close();
    });

    it('when a full virtual node is described, then the printer gives the CLI bytes', async () => {
      await expectSameAsCli('virtualNode', 'virtual-nodes/catalog-v1', [
        'describe-virtual-node',
        '--mesh-name',
        MESH,
        '--virtual-node-name',
        'catalog-v1',
      ]);
    });

    it('when a DNS virtual node is described, then the printer gives the CLI bytes', async () => {
      await expectSameAsCli('virtualNode', 'virtual-nodes/catalog-v2', [
        'describe-virtual-node',
        '--mesh-name',
        MESH,
        '--virtual-node-name',
        'catalog-v2',
      ]);
    });

    it('when a virtual router and its updated route are described, then the printer gives the CLI bytes', async () => {
      await expectSameAsCli('virtualRouter', 'virtual-routers/catalog-router', [
        'describe-virtual-router',
        '--mesh-name',
        MESH,
        '--virtual-router-name',
        'catalog-router',
      ]);
      await expectSameAsCli('route', 'virtual-routers/catalog-router/routes/split', [
        'describe-route',
        '--mesh-name',
        MESH,
        '--virtual-router-name',
        'catalog-router',
        '--route-name',
        'split',
      ]);
    });

    it('when a virtual gateway and its gateway route are described, then the printer gives the CLI bytes', async () => {
      await expectSameAsCli('virtualGateway', 'virtual-gateways/gw', [
        'describe-virtual-gateway',
        '--mesh-name',
        MESH,
        '--virtual-gateway-name',
        'gw',
      ]);
      await expectSameAsCli('gatewayRoute', 'virtual-gateways/gw/gateway-routes/to-catalog', [
        'describe-gateway-route',
        '--mesh-name',
        MESH,
        '--virtual-gateway-name',
        'gw',
        '--gateway-route-name',
        'to-catalog',
      ]);
    });
  });
}
