// A mesh with every field the exports map: every trust and certificate kind, both log formats, a pool
// and health check per protocol, mutual TLS, every route match and rewrite, hostile names and tags.
import type { GatewayRouteData, MeshData, VirtualGatewayData, VirtualServiceData } from '@meshconsole/model';
import type { ExportInput } from './types';

const ACCOUNT = '123456789012';
const MESH_ARN = `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/full-mesh`;

function metadata(arn: string) {
  return { arn, createdAt: 1, lastUpdatedAt: 1, meshOwner: ACCOUNT, resourceOwner: ACCOUNT, uid: 'uid', version: 1 };
}

const mesh: MeshData = {
  meshName: 'full-mesh',
  metadata: metadata(MESH_ARN),
  spec: { egressFilter: { type: 'DROP_ALL' }, serviceDiscovery: { ipPreference: 'IPv6_PREFERRED' } },
  status: { status: 'ACTIVE' },
};

function service(name: string, spec: VirtualServiceData['spec'] = {}): VirtualServiceData {
  return {
    meshName: 'full-mesh',
    virtualServiceName: name,
    metadata: metadata(`${MESH_ARN}/virtualService/${name}`),
    spec,
    status: { status: 'ACTIVE' },
  };
}

function gateway(name: string, spec: VirtualGatewayData['spec']): VirtualGatewayData {
  return {
    meshName: 'full-mesh',
    virtualGatewayName: name,
    metadata: metadata(`${MESH_ARN}/virtualGateway/${name}`),
    spec,
    status: { status: 'ACTIVE' },
  };
}

function route(gw: string, name: string, spec: GatewayRouteData['spec']): GatewayRouteData {
  return {
    meshName: 'full-mesh',
    virtualGatewayName: gw,
    gatewayRouteName: name,
    metadata: metadata(`${MESH_ARN}/virtualGateway/${gw}/gatewayRoute/${name}`),
    spec,
    status: { status: 'ACTIVE' },
  };
}

const target = (virtualServiceName: string, port?: number) => ({
  virtualService: { virtualServiceName },
  ...(port ? { port } : {}),
});

export const FULL_MESH: ExportInput = {
  mesh: { data: mesh, tags: [{ key: 'env', value: 'test' }] },
  virtualServices: [
    { data: service('svc.local'), tags: [{ key: 'k: v', value: '- [not, a, list]' }] },
    { data: service('node.svc.local', { provider: { virtualNode: { virtualNodeName: 'node-a' } } }), tags: [] },
  ],
  virtualGateways: [
    {
      data: gateway('gw-http', {
        listeners: [
          {
            portMapping: { port: 8080, protocol: 'http' },
            connectionPool: { http: { maxConnections: 100, maxPendingRequests: 50 } },
            healthCheck: {
              protocol: 'http',
              port: 8080,
              path: '/ping',
              healthyThreshold: 2,
              unhealthyThreshold: 3,
              intervalMillis: 5000,
              timeoutMillis: 2000,
            },
            tls: {
              mode: 'STRICT',
              certificate: { acm: { certificateArn: `arn:aws:acm:us-west-2:${ACCOUNT}:certificate/abc` } },
              validation: {
                trust: { file: { certificateChain: '/certs/ca.pem' } },
                subjectAlternativeNames: { match: { exact: ['client.example.com'] } },
              },
            },
          },
        ],
        backendDefaults: {
          clientPolicy: {
            tls: {
              enforce: true,
              ports: [443, 8443],
              certificate: { file: { certificateChain: '/certs/client.pem', privateKey: '/certs/client.key' } },
              validation: {
                trust: {
                  acm: { certificateAuthorityArns: [`arn:aws:acm-pca:us-west-2:${ACCOUNT}:certificate-authority/abc`] },
                },
                subjectAlternativeNames: { match: { exact: ['svc.local', 'spiffe://example.com/app'] } },
              },
            },
          },
        },
        logging: {
          accessLog: { file: { path: '/dev/stdout', format: { text: '[%START_TIME%] "%REQ(:METHOD)%"\n' } } },
        },
      }),
      tags: [{ key: 'tier', value: 'public' }],
    },
    {
      data: gateway('gw-http2', {
        listeners: [
          {
            portMapping: { port: 8443, protocol: 'http2' },
            connectionPool: { http2: { maxRequests: 512 } },
            healthCheck: {
              protocol: 'http2',
              path: '/health',
              healthyThreshold: 3,
              unhealthyThreshold: 4,
              intervalMillis: 10000,
              timeoutMillis: 3000,
            },
            tls: {
              mode: 'PERMISSIVE',
              certificate: { file: { certificateChain: '/certs/gw.pem', privateKey: '/certs/gw.key' } },
              validation: { trust: { sds: { secretName: 'ca-secret' } } },
            },
          },
        ],
        backendDefaults: {
          clientPolicy: {
            tls: {
              certificate: { sds: { secretName: 'client-secret' } },
              validation: { trust: { file: { certificateChain: '/certs/ca.pem' } } },
            },
          },
        },
        logging: {
          accessLog: {
            file: {
              path: '/var/log/access.log',
              format: {
                json: [
                  { key: 'start', value: '%START_TIME%' },
                  { key: 'method', value: '%REQ(:METHOD)%' },
                ],
              },
            },
          },
        },
      }),
      tags: [],
    },
    {
      data: gateway('gw-grpc', {
        listeners: [
          {
            portMapping: { port: 50051, protocol: 'grpc' },
            connectionPool: { grpc: { maxRequests: 64 } },
            healthCheck: {
              protocol: 'grpc',
              healthyThreshold: 2,
              unhealthyThreshold: 2,
              intervalMillis: 6000,
              timeoutMillis: 2500,
            },
            tls: { mode: 'DISABLED', certificate: { sds: { secretName: 'gw-secret' } } },
          },
        ],
        backendDefaults: {
          clientPolicy: { tls: { enforce: false, validation: { trust: { sds: { secretName: 'trust-secret' } } } } },
        },
      }),
      tags: [],
    },
  ],
  gatewayRoutes: [
    {
      data: route('gw-http', 'chapter', {
        httpRoute: { match: { prefix: '/chapter' }, action: { target: target('svc.local') } },
      }),
      tags: [],
    },
    {
      data: route('gw-http', 'prefix', {
        priority: 10,
        httpRoute: {
          match: {
            prefix: '/api/',
            port: 8080,
            method: 'POST',
            hostname: { exact: 'www.example.com' },
            headers: [
              { name: 'x-exact', match: { exact: 'a' } },
              { name: 'x-prefix', invert: true, match: { prefix: 'b' } },
              { name: 'x-range', match: { range: { start: 1, end: 10 } } },
              { name: 'x-regex', match: { regex: '^c.*$' } },
              { name: 'x-suffix', match: { suffix: 'd.e' } },
            ],
            queryParameters: [{ name: 'q', match: { exact: '1' } }],
          },
          action: {
            target: target('svc.local', 8080),
            rewrite: { prefix: { value: '/new/' }, hostname: { defaultTargetHostname: 'DISABLED' } },
          },
        },
      }),
      tags: [{ key: 'route', value: 'yes: "quoted"' }],
    },
    {
      data: route('gw-http', 'path', {
        httpRoute: {
          match: { path: { exact: '/exact' }, hostname: { suffix: '.example.com' } },
          action: { target: target('svc.local'), rewrite: { path: { exact: '/rewritten' } } },
        },
      }),
      tags: [],
    },
    {
      data: route('gw-http', 'regex', {
        httpRoute: {
          match: { path: { regex: '/items/[0-9]+' } },
          action: { target: target('svc.local'), rewrite: { prefix: { defaultPrefix: 'DISABLED' } } },
        },
      }),
      tags: [],
    },
    {
      data: route('gw-http2', 'h2', {
        http2Route: {
          match: { prefix: '/', headers: [{ name: 'x-h', match: { exact: 'v' } }] },
          action: { target: target('svc.local'), rewrite: { hostname: { defaultTargetHostname: 'ENABLED' } } },
        },
      }),
      tags: [],
    },
    {
      data: route('gw-grpc', 'grpc', {
        grpcRoute: {
          match: {
            serviceName: 'pkg.Service',
            port: 50051,
            hostname: { exact: 'grpc.example.com' },
            metadata: [
              { name: 'x-tenant', match: { exact: 'a' } },
              { name: 'x-not', invert: true, match: { suffix: 'z' } },
            ],
          },
          action: { target: target('svc.local', 50051), rewrite: { hostname: { defaultTargetHostname: 'DISABLED' } } },
        },
      }),
      tags: [],
    },
    {
      data: route('gw-grpc', 'grpc-host', {
        grpcRoute: { match: { hostname: { suffix: 'example.org' } }, action: { target: target('node.svc.local') } },
      }),
      tags: [],
    },
  ],
};
