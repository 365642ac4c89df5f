import type { GatewayShape, GatewaySpecShape } from './gateway.types';

/** A spec that uses every part of VirtualGatewaySpec (test fixture). */
export const fullSpec: GatewaySpecShape = {
  listeners: [
    {
      portMapping: { port: 8443, protocol: 'http' },
      healthCheck: {
        healthyThreshold: 2,
        intervalMillis: 5000,
        path: '/ping',
        port: 8443,
        protocol: 'http',
        timeoutMillis: 2000,
        unhealthyThreshold: 3,
      },
      connectionPool: { http: { maxConnections: 100, maxPendingRequests: 50 } },
      tls: {
        mode: 'STRICT',
        certificate: {
          acm: {
            certificateArn: 'arn:aws:acm:us-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555',
          },
        },
        validation: {
          trust: { file: { certificateChain: '/certs/client-ca.pem' } },
          subjectAlternativeNames: { match: { exact: ['client.example.com'] } },
        },
      },
    },
  ],
  logging: {
    accessLog: {
      file: { path: '/dev/stdout', format: { json: [{ key: 'status', value: '%RESPONSE_CODE%' }] } },
    },
  },
  backendDefaults: {
    clientPolicy: {
      tls: {
        enforce: true,
        ports: [443, 8443],
        certificate: { sds: { secretName: 'gateway-client-cert' } },
        validation: {
          trust: {
            acm: {
              certificateAuthorityArns: [
                'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
              ],
            },
          },
          subjectAlternativeNames: { match: { exact: ['backend.apps.local'] } },
        },
      },
    },
  },
};

export function ownedGateway(overrides: Partial<GatewayShape> = {}): GatewayShape {
  return {
    meshName: 'demo-mesh',
    virtualGatewayName: 'ingress-gw',
    metadata: {
      arn: 'arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw',
      meshOwner: '123456789012',
      resourceOwner: '123456789012',
    },
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    ...overrides,
  };
}

/** A gateway that account 210987654321 created in a mesh that account 123456789012 shared with it. */
export function sharedGateway(overrides: Partial<GatewayShape> = {}): GatewayShape {
  return {
    meshName: 'shared-mesh',
    virtualGatewayName: 'partner-gw',
    metadata: {
      arn: 'arn:aws:appmesh:eu-west-1:210987654321:mesh/shared-mesh/virtualGateway/partner-gw',
      meshOwner: '123456789012',
      resourceOwner: '210987654321',
    },
    spec: { listeners: [{ portMapping: { port: 9080, protocol: 'grpc' } }] },
    ...overrides,
  };
}
