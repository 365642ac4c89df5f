import type { Operations } from './engine';
import type { ResourceKey } from './store/store';

export interface SeedHost {
  operations(account: string): Operations;
  exists(key: ResourceKey): Promise<boolean>;
  share(ownerAccount: string, meshName: string, withAccount: string): Promise<void>;
}

/** The account that owns the demo's shared mesh (the documentation's example account). */
export const DEMO_SHARING_ACCOUNT = '111122223333';
/** Used instead when the caller itself is `DEMO_SHARING_ACCOUNT`. */
const FALLBACK_SHARING_ACCOUNT = '444455556666';

export const DEMO_MESH = 'demo-mesh';
export const DEMO_SHARED_MESH = 'partner-mesh';

/** Which account shares `DEMO_SHARED_MESH` with `accountId` in the demo data. */
export function demoSharingAccount(accountId: string): string {
  return accountId === DEMO_SHARING_ACCOUNT ? FALLBACK_SHARING_ACCOUNT : DEMO_SHARING_ACCOUNT;
}

/**
 * Demo data, created through the same operations as everything else (so it is valid by
 * construction) inside the caller's transaction. Each item is created only when missing, so
 * seeding again changes nothing.
 *
 * - `demo-mesh` (owned by the caller): virtual services `catalog.demo.local`, `orders.demo.local`,
 *   `payments.demo.local`; virtual gateway `ingress-gw` (http 8080, health check, access log) with
 *   gateway routes `catalog-route` and `orders-route`; virtual gateway `edge-gw` (http2 8443 with TLS,
 *   connection pool) with no gateway routes; virtual nodes `catalog-v1` and `catalog-v2` (http 8080, DNS
 *   discovery, health check) and virtual router `catalog-router` (http 8080) whose route `catalog-split`
 *   sends 80% of requests to catalog-v1 and 20% to catalog-v2. No virtual service names the router as
 *   its provider, so the gateway routes, exports and counts of the services stay as they were.
 * - `partner-mesh`, owned by 111122223333 and shared with the caller: virtual service
 *   `inventory.partner.local`, virtual gateway `partner-gw` (grpc 50051) with gateway route
 *   `inventory-route`. The caller can see these but not update or delete them.
 */
export async function seedDemoData(host: SeedHost, accountId: string): Promise<void> {
  const owner = demoSharingAccount(accountId);
  const mine = host.operations(accountId);
  const theirs = host.operations(owner);

  const meshExists = (meshOwner: string, meshName: string) =>
    host.exists({ kind: 'mesh', meshOwner, meshName, parent: '', name: meshName });
  const childExists = (
    kind: 'virtualService' | 'virtualGateway' | 'gatewayRoute' | 'virtualNode' | 'virtualRouter' | 'route',
    meshOwner: string,
    meshName: string,
    name: string,
    parent = '',
  ) => host.exists({ kind, meshOwner, meshName, parent, name });

  // ---- the caller's mesh -------------------------------------------------------------------
  if (!(await meshExists(accountId, DEMO_MESH))) {
    await mine.createMesh({
      meshName: DEMO_MESH,
      spec: { egressFilter: { type: 'ALLOW_ALL' }, serviceDiscovery: { ipPreference: 'IPv4_PREFERRED' } },
      tags: [
        { key: 'environment', value: 'demo' },
        { key: 'team', value: 'platform' },
      ],
    });
  }
  for (const virtualServiceName of ['catalog.demo.local', 'orders.demo.local', 'payments.demo.local']) {
    if (!(await childExists('virtualService', accountId, DEMO_MESH, virtualServiceName))) {
      await mine.createVirtualService({ meshName: DEMO_MESH, virtualServiceName, spec: {} });
    }
  }
  if (!(await childExists('virtualGateway', accountId, DEMO_MESH, 'ingress-gw'))) {
    await mine.createVirtualGateway({
      meshName: DEMO_MESH,
      virtualGatewayName: 'ingress-gw',
      spec: {
        listeners: [
          {
            portMapping: { port: 8080, protocol: 'http' },
            healthCheck: {
              protocol: 'http',
              port: 8080,
              path: '/ping',
              healthyThreshold: 2,
              unhealthyThreshold: 3,
              intervalMillis: 5000,
              timeoutMillis: 2000,
            },
            connectionPool: { http: { maxConnections: 1024, maxPendingRequests: 2048 } },
          },
        ],
        logging: { accessLog: { file: { path: '/dev/stdout' } } },
      },
      tags: [{ key: 'tier', value: 'public' }],
    });
  }
  for (const [gatewayRouteName, prefix, virtualServiceName] of [
    ['catalog-route', '/catalog/', 'catalog.demo.local'],
    ['orders-route', '/orders/', 'orders.demo.local'],
  ] as const) {
    if (!(await childExists('gatewayRoute', accountId, DEMO_MESH, gatewayRouteName, 'ingress-gw'))) {
      await mine.createGatewayRoute({
        meshName: DEMO_MESH,
        virtualGatewayName: 'ingress-gw',
        gatewayRouteName,
        spec: {
          httpRoute: {
            match: { prefix },
            action: { target: { virtualService: { virtualServiceName } } },
          },
        },
      });
    }
  }
  if (!(await childExists('virtualGateway', accountId, DEMO_MESH, 'edge-gw'))) {
    await mine.createVirtualGateway({
      meshName: DEMO_MESH,
      virtualGatewayName: 'edge-gw',
      spec: {
        listeners: [
          {
            portMapping: { port: 8443, protocol: 'http2' },
            connectionPool: { http2: { maxRequests: 512 } },
            tls: {
              mode: 'STRICT',
              certificate: {
                file: { certificateChain: '/etc/envoy/certs/edge.pem', privateKey: '/etc/envoy/certs/edge.key' },
              },
            },
          },
        ],
        logging: {
          accessLog: {
            file: { path: '/dev/stdout', format: { text: '[%START_TIME%] %REQ(:METHOD)% %RESPONSE_CODE%' } },
          },
        },
      },
    });
  }

  for (const virtualNodeName of ['catalog-v1', 'catalog-v2']) {
    if (!(await childExists('virtualNode', accountId, DEMO_MESH, virtualNodeName))) {
      await mine.createVirtualNode({
        meshName: DEMO_MESH,
        virtualNodeName,
        spec: {
          listeners: [
            {
              portMapping: { port: 8080, protocol: 'http' },
              healthCheck: {
                protocol: 'http',
                path: '/health',
                healthyThreshold: 2,
                unhealthyThreshold: 3,
                intervalMillis: 5000,
                timeoutMillis: 2000,
              },
            },
          ],
          serviceDiscovery: { dns: { hostname: `${virtualNodeName}.demo.local` } },
          backends: [{ virtualService: { virtualServiceName: 'orders.demo.local' } }],
          logging: { accessLog: { file: { path: '/dev/stdout' } } },
        },
      });
    }
  }
  if (!(await childExists('virtualRouter', accountId, DEMO_MESH, 'catalog-router'))) {
    await mine.createVirtualRouter({
      meshName: DEMO_MESH,
      virtualRouterName: 'catalog-router',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
  }
  if (!(await childExists('route', accountId, DEMO_MESH, 'catalog-split', 'catalog-router'))) {
    await mine.createRoute({
      meshName: DEMO_MESH,
      virtualRouterName: 'catalog-router',
      routeName: 'catalog-split',
      spec: {
        priority: 10,
        httpRoute: {
          match: { prefix: '/' },
          action: {
            weightedTargets: [
              { virtualNode: 'catalog-v1', weight: 80 },
              { virtualNode: 'catalog-v2', weight: 20 },
            ],
          },
        },
      },
    });
  }

  // ---- the mesh another account shares with the caller -------------------------------------
  if (!(await meshExists(owner, DEMO_SHARED_MESH))) {
    await theirs.createMesh({ meshName: DEMO_SHARED_MESH, spec: { egressFilter: { type: 'DROP_ALL' } } });
  }
  await host.share(owner, DEMO_SHARED_MESH, accountId);
  if (!(await childExists('virtualService', owner, DEMO_SHARED_MESH, 'inventory.partner.local'))) {
    await theirs.createVirtualService({
      meshName: DEMO_SHARED_MESH,
      virtualServiceName: 'inventory.partner.local',
      spec: {},
    });
  }
  if (!(await childExists('virtualGateway', owner, DEMO_SHARED_MESH, 'partner-gw'))) {
    await theirs.createVirtualGateway({
      meshName: DEMO_SHARED_MESH,
      virtualGatewayName: 'partner-gw',
      spec: { listeners: [{ portMapping: { port: 50051, protocol: 'grpc' } }] },
    });
  }
  if (!(await childExists('gatewayRoute', owner, DEMO_SHARED_MESH, 'inventory-route', 'partner-gw'))) {
    await theirs.createGatewayRoute({
      meshName: DEMO_SHARED_MESH,
      virtualGatewayName: 'partner-gw',
      gatewayRouteName: 'inventory-route',
      spec: {
        grpcRoute: {
          match: { serviceName: 'partner.inventory.v1.Inventory' },
          action: { target: { virtualService: { virtualServiceName: 'inventory.partner.local' } } },
        },
      },
    });
  }
}
