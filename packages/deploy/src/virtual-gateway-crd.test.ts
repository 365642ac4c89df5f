import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fullSpec, ownedGateway } from './gateway.fixtures';
import type { GatewaySpecShape } from './gateway.types';
import { generateBundle } from './generate-bundle';
import { crdSpecParts } from './virtual-gateway-crd';

function crdFromBundle() {
  const bundle = generateBundle(ownedGateway({ spec: fullSpec }), { namespace: 'edge' });
  const vg = bundle.artifacts.find((a) => a.id === 'kubernetes-virtual-gateway');
  return {
    text: vg!.content,
    doc: parse(vg!.content) as { apiVersion: string; kind: string; metadata: object; spec: Record<string, unknown> },
  };
}

/** A spec whose parts have the same field names in the API and in the CRD. */
function oneToOneSpec(): GatewaySpecShape {
  return {
    listeners: [
      {
        portMapping: { port: 9090, protocol: 'grpc' },
        connectionPool: { grpc: { maxRequests: 7 } },
        tls: {
          mode: 'PERMISSIVE',
          certificate: { file: { certificateChain: '/c.pem', privateKey: '/k.pem' } },
          validation: { trust: { sds: { secretName: 'ca' } } },
        },
      },
      { portMapping: { port: 9091, protocol: 'http2' }, connectionPool: { http2: { maxRequests: 3 } } },
    ],
    logging: { accessLog: { file: { path: '/dev/stdout', format: { text: '%START_TIME% %REQ(:METHOD)%' } } } },
    backendDefaults: {
      clientPolicy: {
        tls: {
          certificate: { file: { certificateChain: '/cc.pem', privateKey: '/ck.pem' } },
          validation: { trust: { file: { certificateChain: '/ca.pem' } } },
        },
      },
    },
  };
}

describe('VirtualGateway CRD', () => {
  it('when the spec uses every part, then the CRD carries each one in the CRD field names', () => {
    const { doc, text } = crdFromBundle();
    expect(doc.apiVersion).toBe('appmesh.k8s.aws/v1beta2');
    expect(doc.kind).toBe('VirtualGateway');
    expect(doc.metadata).toMatchObject({ name: 'ingress-gw', namespace: 'edge' });
    expect(doc.spec).toEqual({
      awsName: 'ingress-gw',
      namespaceSelector: { matchLabels: { gateway: 'ingress-gw' } },
      podSelector: { matchLabels: { app: 'ingress-gw' } },
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
                certificateARN: 'arn:aws:acm:us-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555',
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
        accessLog: { file: { path: '/dev/stdout', format: { json: [{ key: 'status', value: '%RESPONSE_CODE%' }] } } },
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
                  certificateAuthorityARNs: [
                    'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
                  ],
                },
              },
              subjectAlternativeNames: { match: { exact: ['backend.apps.local'] } },
            },
          },
        },
      },
    });
    // The API spellings never leak into the CRD body (only the explanatory comment mentions them).
    const body = text
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    expect(body).not.toMatch(/certificateArn\b|certificateAuthorityArns\b/);
    expect(body).not.toMatch(/&\w+|\*\w+/); // no YAML anchors or aliases
  });

  it('when the pool is http2, grpc, the format text and the certificate a file, then those parts map one to one', () => {
    // Built twice so that the expectation is a separate object the mapping cannot have touched.
    expect(crdSpecParts(oneToOneSpec())).toEqual(oneToOneSpec());
  });

  it('when the spec has only a listener, then no empty logging or backendDefaults appear', () => {
    expect(crdSpecParts({ listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] })).toEqual({
      listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
    });
  });
});
