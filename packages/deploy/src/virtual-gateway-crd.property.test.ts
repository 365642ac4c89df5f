import { spawnSync } from 'node:child_process';
import { VirtualGatewaySpecSchema } from '@meshconsole/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DeployOptionsError } from './deploy-options.schema';
import { ownedGateway } from './gateway.fixtures';
import type { GatewaySpecShape, ListenerShape } from './gateway.types';
import { generateBundle } from './generate-bundle';
import { crdSpecParts } from './virtual-gateway-crd';

/** The API spelling of every CRD key that differs; everything else must be the same on both sides. */
const API_NAMES: Record<string, string> = {
  certificateARN: 'certificateArn',
  certificateAuthorityARNs: 'certificateAuthorityArns',
};

function toApiNames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toApiNames);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [API_NAMES[k] ?? k, toApiNames(v)]));
  }
  return value;
}

const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' });
const filePath = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `/${s}`.slice(0, 255));
const dnsName = fc.domain();
const sans = fc.record({ match: fc.record({ exact: fc.array(dnsName, { minLength: 1, maxLength: 3 }) }) });
const acmArn = fc.uuid().map((id) => `arn:aws:acm:us-west-2:123456789012:certificate/${id}`);
const pcaArn = fc.uuid().map((id) => `arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/${id}`);
const protocol = fc.constantFrom('http' as const, 'http2' as const, 'grpc' as const);
const port = fc.integer({ min: 1, max: 65535 });

// The model wants the health check port (when given) to be the listener's and the pool to match the protocol.
const listener: fc.Arbitrary<ListenerShape> = fc.tuple(protocol, port).chain(([p, listenerPort]) =>
  fc.record(
    {
      portMapping: fc.constant({ port: listenerPort, protocol: p }),
      connectionPool:
        p === 'http'
          ? fc.record({
              http: fc.record(
                { maxConnections: fc.integer({ min: 1 }), maxPendingRequests: fc.integer({ min: 1 }) },
                { requiredKeys: ['maxConnections'] },
              ),
            })
          : p === 'http2'
            ? fc.record({ http2: fc.record({ maxRequests: fc.integer({ min: 1 }) }) })
            : fc.record({ grpc: fc.record({ maxRequests: fc.integer({ min: 1 }) }) }),
      healthCheck: fc.record(
        {
          healthyThreshold: fc.integer({ min: 2, max: 10 }),
          intervalMillis: fc.integer({ min: 5000, max: 300000 }),
          path: text(30).map((s) => `/${s}`),
          port: fc.constant(listenerPort),
          protocol,
          timeoutMillis: fc.integer({ min: 2000, max: 60000 }),
          unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
        },
        { requiredKeys: ['healthyThreshold', 'intervalMillis', 'protocol', 'timeoutMillis', 'unhealthyThreshold'] },
      ),
      tls: fc.record(
        {
          mode: fc.constantFrom('STRICT' as const, 'PERMISSIVE' as const, 'DISABLED' as const),
          certificate: fc.oneof(
            fc.record({ acm: fc.record({ certificateArn: acmArn }) }),
            fc.record({ file: fc.record({ certificateChain: filePath, privateKey: filePath }) }),
            fc.record({ sds: fc.record({ secretName: text(40) }) }),
          ),
          validation: fc.record(
            {
              trust: fc.oneof(
                fc.record({ file: fc.record({ certificateChain: filePath }) }),
                fc.record({ sds: fc.record({ secretName: text(40) }) }),
              ),
              subjectAlternativeNames: sans,
            },
            { requiredKeys: ['trust'] },
          ),
        },
        { requiredKeys: ['mode', 'certificate'] },
      ),
    },
    { requiredKeys: ['portMapping'] },
  ),
);

const spec: fc.Arbitrary<GatewaySpecShape> = fc.record(
  {
    listeners: fc.tuple(listener),
    logging: fc.record({
      accessLog: fc.record({
        file: fc.record(
          {
            path: filePath,
            format: fc.oneof(
              fc.record({ text: text(100) }),
              fc.record({
                json: fc.array(fc.record({ key: text(20), value: text(40) }), { minLength: 1, maxLength: 3 }),
              }),
            ),
          },
          { requiredKeys: ['path'] },
        ),
      }),
    }),
    backendDefaults: fc.record({
      clientPolicy: fc.record({
        tls: fc.record(
          {
            enforce: fc.boolean(),
            ports: fc.array(port, { minLength: 1, maxLength: 3 }),
            certificate: fc.oneof(
              fc.record({ file: fc.record({ certificateChain: filePath, privateKey: filePath }) }),
              fc.record({ sds: fc.record({ secretName: text(40) }) }),
            ),
            validation: fc.record(
              {
                trust: fc.oneof(
                  fc.record({
                    acm: fc.record({ certificateAuthorityArns: fc.array(pcaArn, { minLength: 1, maxLength: 3 }) }),
                  }),
                  fc.record({ file: fc.record({ certificateChain: filePath }) }),
                  fc.record({ sds: fc.record({ secretName: text(40) }) }),
                ),
                subjectAlternativeNames: sans,
              },
              { requiredKeys: ['trust'] },
            ),
          },
          { requiredKeys: ['validation'] },
        ),
      }),
    }),
  },
  { requiredKeys: ['listeners'] },
) as fc.Arbitrary<GatewaySpecShape>;

describe('VirtualGateway CRD (properties)', () => {
  it('when any spec is converted, then the CRD holds exactly the spec, only certificateArn(s) respelled', () => {
    fc.assert(
      fc.property(spec, (s) => {
        expect(toApiNames(crdSpecParts(s))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('when any valid gateway is deployed, then the VirtualGateway YAML parses back to the same spec and every artifact parses (shell scripts included)', () => {
    fc.assert(
      fc.property(
        spec.filter((s) => VirtualGatewaySpecSchema.safeParse(s).success),
        (s) => {
          const gateway = ownedGateway({ spec: s });
          const ports = [s.listeners[0]!.portMapping.port, s.listeners[0]!.healthCheck?.port];
          if (ports.includes(9901)) {
            expect(() => generateBundle(gateway)).toThrow(DeployOptionsError);
            return;
          }
          const bundle = generateBundle(gateway);
          for (const a of bundle.artifacts) {
            if (a.mediaType === 'application/json') JSON.parse(a.content);
            if (a.mediaType === 'application/yaml') parse(a.content);
            if (a.mediaType === 'text/x-shellscript') {
              const check = spawnSync('bash', ['-n'], { input: a.content, encoding: 'utf8' });
              expect(check.status, `${a.id}: ${check.stderr}`).toBe(0);
            }
          }
          const vg = parse(bundle.artifacts.find((a) => a.id === 'kubernetes-virtual-gateway')!.content) as {
            spec: Record<string, unknown>;
          };
          const { awsName, namespaceSelector, podSelector, ...parts } = vg.spec;
          expect(awsName).toBe('ingress-gw');
          expect(namespaceSelector).toEqual({ matchLabels: { gateway: 'ingress-gw' } });
          expect(podSelector).toEqual({ matchLabels: { app: 'ingress-gw' } });
          expect(toApiNames(parts)).toEqual(s);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
