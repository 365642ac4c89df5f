import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { VirtualGatewaySpec } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { type CoverageScenario, checkPathCoverage } from '../../../../test/path-coverage';
import { renderWithApp } from '../../../../test/render';
import { specToFormValues, VIRTUAL_GATEWAY_CREATE_FORM, type VirtualGatewayFormValues } from './form-definition';
import { VirtualGatewayEditForm } from './virtual-gateway-edit-form';

const CA = 'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555';
const CERT = 'arn:aws:acm:us-west-2:123456789012:certificate/66666666-7777-8888-9999-000000000000';

function scenario(name: string, spec: VirtualGatewaySpec, tags = false): CoverageScenario<VirtualGatewayFormValues> {
  const values = specToFormValues(spec, 'gw');
  if (tags) values.tags = [{ key: 'team', value: 'edge' }];
  return { name, values };
}

/** Every section open, each union by each of its options across the three. */
const SCENARIOS = [
  scenario(
    'ACM trust, SDS client certificate, http listener, JSON logs',
    {
      backendDefaults: {
        clientPolicy: {
          tls: {
            enforce: true,
            ports: [443],
            certificate: { sds: { secretName: 'client' } },
            validation: {
              trust: { acm: { certificateAuthorityArns: [CA] } },
              subjectAlternativeNames: { match: { exact: ['svc.example.com'] } },
            },
          },
        },
      },
      logging: {
        accessLog: { file: { path: '/dev/stdout', format: { json: [{ key: 'status', value: '%RESPONSE_CODE%' }] } } },
      },
      listeners: [
        {
          portMapping: { port: 8443, protocol: 'http' },
          connectionPool: { http: { maxConnections: 100, maxPendingRequests: 10 } },
          healthCheck: {
            protocol: 'http',
            port: 8443,
            healthyThreshold: 2,
            intervalMillis: 5000,
            path: '/ping',
            timeoutMillis: 2000,
            unhealthyThreshold: 2,
          },
          tls: {
            mode: 'STRICT',
            certificate: { acm: { certificateArn: CERT } },
            validation: {
              trust: { sds: { secretName: 'ca' } },
              subjectAlternativeNames: { match: { exact: ['client.example.com'] } },
            },
          },
        },
      ],
    },
    true,
  ),
  scenario('SDS trust, file client certificate, http2 listener, text logs', {
    backendDefaults: {
      clientPolicy: {
        tls: {
          certificate: { file: { certificateChain: '/c.pem', privateKey: '/k.pem' } },
          validation: { trust: { sds: { secretName: 'trust' } } },
        },
      },
    },
    logging: { accessLog: { file: { path: '/var/log/envoy', format: { text: '%START_TIME%' } } } },
    listeners: [
      {
        portMapping: { port: 8080, protocol: 'http2' },
        connectionPool: { http2: { maxRequests: 5 } },
        healthCheck: {
          protocol: 'grpc',
          healthyThreshold: 3,
          intervalMillis: 6000,
          timeoutMillis: 3000,
          unhealthyThreshold: 3,
        },
        tls: {
          mode: 'PERMISSIVE',
          certificate: { sds: { secretName: 'server' } },
          validation: { trust: { file: { certificateChain: '/ca.pem' } } },
        },
      },
    ],
  }),
  scenario('file trust, grpc listener, default log format', {
    backendDefaults: {
      clientPolicy: { tls: { validation: { trust: { file: { certificateChain: '/trust.pem' } } } } },
    },
    logging: { accessLog: { file: { path: '/dev/stdout' } } },
    listeners: [
      {
        portMapping: { port: 50051, protocol: 'grpc' },
        connectionPool: { grpc: { maxRequests: 7 } },
        healthCheck: {
          protocol: 'http2',
          healthyThreshold: 4,
          intervalMillis: 7000,
          path: '/health',
          timeoutMillis: 4000,
          unhealthyThreshold: 4,
        },
        tls: { mode: 'DISABLED', certificate: { file: { certificateChain: '/s.pem', privateKey: '/s.key' } } },
      },
    ],
  }),
];

describe('virtual gateway form: every path the model reports reaches its field', () => {
  it('when the server reports a problem at any path of a create request, then it shows at the visible field of that name, or in the form error', async () => {
    const report = await checkPathCoverage({
      definition: VIRTUAL_GATEWAY_CREATE_FORM,
      scenarios: SCENARIOS,
      // The edit page shows every section at once; the wizard places with the same map (its own test
      // checks that it opens the step of the field).
      render: (values, send) => {
        const utils = renderWithApp(
          <VirtualGatewayEditForm
            mesh="demo-mesh"
            meshOwner={undefined}
            initialValues={values}
            onSubmit={send}
            onCancel={() => {}}
          />,
          { path: '/meshes/demo-mesh/virtual-gateways/gw/edit', pattern: '/meshes/:mesh/virtual-gateways/:name/edit' },
        );
        return {
          submit: () => createWrapper(utils.container).findButton('[data-testid="save-changes"]')?.click(),
          unmount: utils.unmount,
        };
      },
    });
    expect(report.problems).toEqual([]);
    // Every path the three requests can carry was probed; what is left the form never sends.
    const unprobed = report.paths.filter((p) => !report.seen.has(p));
    expect(unprobed).toEqual([
      // Refused by the model for a listener; the form offers a file or SDS only.
      'spec.listeners.*.tls.validation.trust.acm',
      // The page adds its own client token to the parsed request.
      'clientToken',
    ]);
  }, 120_000);
});
