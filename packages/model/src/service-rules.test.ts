/**
 * The service-side rules on top of the model, each with an accept case and a reject case that checks the
 * message (for people: console label + what is allowed) and the field path it lands on.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ClientTokenSchema,
  CreateGatewayRouteInputSchema,
  CreateVirtualGatewayInputSchema,
  CreateVirtualServiceInputSchema,
  GatewayRouteSpecSchema,
  ONE_LISTENER_MESSAGE,
  VirtualGatewaySpecSchema,
} from './index';

type Issue = { path: string; message: string };

function issues(schema: z.ZodType, value: unknown): Issue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function expectAccepted(schema: z.ZodType, value: unknown) {
  expect(issues(schema, value)).toEqual([]);
}

function expectIssue(schema: z.ZodType, value: unknown, path: string, message: string | RegExp) {
  const found = issues(schema, value);
  const onPath = found.filter((i) => i.path === path);
  expect(onPath, `issues: ${JSON.stringify(found)}`).not.toEqual([]);
  if (typeof message === 'string') expect(onPath.map((i) => i.message)).toContain(message);
  else
    expect(
      onPath.some((i) => message.test(i.message)),
      `messages: ${JSON.stringify(onPath)}`,
    ).toBe(true);
}

const PCA_ARN = 'arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555';
const ACM_ARN = 'arn:aws:acm:us-west-2:123456789012:certificate/11111111-2222-3333-4444-555555555555';

// ---------- virtual gateways

type Listener = Record<string, unknown>;
const listener = (extra: Listener = {}, protocol = 'http', port = 8080): Listener => ({
  portMapping: { port, protocol },
  ...extra,
});
const vgSpec = (l: Listener = listener(), extra: Record<string, unknown> = {}) => ({ listeners: [l], ...extra });
const clientTls = (validation: Record<string, unknown>) => ({
  backendDefaults: { clientPolicy: { tls: { validation } } },
});
const listenerTls = (tls: Record<string, unknown>) =>
  listener({
    tls: { mode: 'STRICT', certificate: { file: { certificateChain: '/c.pem', privateKey: '/k.pem' } }, ...tls },
  });

describe('virtual gateway: listeners', () => {
  it('when a spec has one listener, then it is accepted', () => {
    expectAccepted(VirtualGatewaySpecSchema, vgSpec());
  });

  it('when a spec has no listener or two, then "exactly one listener" lands on listeners', () => {
    const message = ONE_LISTENER_MESSAGE;
    expect(message).toContain('Create another virtual gateway for another port or protocol.');
    expectIssue(VirtualGatewaySpecSchema, { listeners: [] }, 'listeners', message);
    expectIssue(
      VirtualGatewaySpecSchema,
      { listeners: [listener(), listener({}, 'http', 9090)] },
      'listeners',
      message,
    );
  });

  it('when the listeners member is missing, then it says listeners are required', () => {
    expectIssue(VirtualGatewaySpecSchema, {}, 'listeners', 'Listeners is required.');
  });

  it('when the port or protocol is out of bounds, then the console wording is used', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({}, 'http', 0)),
      'listeners.0.portMapping.port',
      'Port must be between 1 and 65535.',
    );
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({}, 'tcp')),
      'listeners.0.portMapping.protocol',
      'Protocol must be one of http, http2, grpc.',
    );
  });
});

describe('virtual gateway: connection pool matches the listener protocol', () => {
  it('when an http listener has an http pool with maximum connections (and optional pending requests), then it is accepted', () => {
    expectAccepted(VirtualGatewaySpecSchema, vgSpec(listener({ connectionPool: { http: { maxConnections: 10 } } })));
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http: { maxConnections: 10, maxPendingRequests: 2147483647 } } })),
    );
  });

  it('when http2 and grpc listeners have pools of their kind with maximum requests, then they are accepted', () => {
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http2: { maxRequests: 5 } } }, 'http2')),
    );
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { grpc: { maxRequests: 5 } } }, 'grpc')),
    );
  });

  it('when the pool kind differs from the listener protocol, then the pool is flagged and the right kind is named', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { grpc: { maxRequests: 5 } } }, 'http')),
      'listeners.0.connectionPool.grpc',
      /use a http connection pool/,
    );
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http: { maxConnections: 5 } } }, 'http2')),
      'listeners.0.connectionPool.http',
      /use a http2 connection pool \(Maximum requests\)/,
    );
  });

  it('when an http pool lacks maximum connections, then Maximum connections is required', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http: { maxPendingRequests: 5 } } })),
      'listeners.0.connectionPool.http.maxConnections',
      'Maximum connections is required.',
    );
  });

  it('when an http2 pool is given maximum connections instead of maximum requests, then Maximum requests is required', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http2: { maxConnections: 5 } } }, 'http2')),
      'listeners.0.connectionPool.http2.maxRequests',
      'Maximum requests is required.',
    );
  });

  it('when a pool sets two kinds, then the union message lands on the pool', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http: { maxConnections: 1 }, grpc: { maxRequests: 1 } } })),
      'listeners.0.connectionPool',
      'Connection pool must set only one of http, http2 or grpc, not both http and grpc.',
    );
  });

  it('when maximum connections is 0, then it must be at least 1', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ connectionPool: { http: { maxConnections: 0 } } })),
      'listeners.0.connectionPool.http.maxConnections',
      'Maximum connections must be at least 1.',
    );
  });

  it('when a pool size does not fit the 32-bit integer of the model, then it is refused; the largest one fits', () => {
    const pool = (maxConnections: number, maxPendingRequests?: number) =>
      vgSpec(listener({ connectionPool: { http: { maxConnections, maxPendingRequests } } }));
    expectAccepted(VirtualGatewaySpecSchema, pool(2147483647, 2147483647));
    expectIssue(
      VirtualGatewaySpecSchema,
      pool(2147483648),
      'listeners.0.connectionPool.http.maxConnections',
      'Maximum connections must be at most 2147483647.',
    );
    expectIssue(
      VirtualGatewaySpecSchema,
      pool(1, 2 ** 40),
      'listeners.0.connectionPool.http.maxPendingRequests',
      'Maximum pending requests must be at most 2147483647.',
    );
  });
});

describe('virtual gateway: health check', () => {
  const hc = (extra: Record<string, unknown> = {}) => ({
    protocol: 'http',
    healthyThreshold: 2,
    unhealthyThreshold: 2,
    intervalMillis: 5000,
    timeoutMillis: 2000,
    ...extra,
  });

  it('when a grpc health check has a path, then it is accepted and kept', () => {
    const result = VirtualGatewaySpecSchema.parse(
      vgSpec(listener({ healthCheck: hc({ protocol: 'grpc', path: '/ping' }) }, 'grpc')),
    );
    expect(result.listeners[0]?.healthCheck?.path).toBe('/ping');
  });

  it('when the interval or timeout is out of range, then the message gives the range in ms', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ healthCheck: hc({ intervalMillis: 4999 }) })),
      'listeners.0.healthCheck.intervalMillis',
      'Health check interval must be between 5000 and 300000 ms.',
    );
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ healthCheck: hc({ timeoutMillis: 60001 }) })),
      'listeners.0.healthCheck.timeoutMillis',
      'Timeout period must be between 2000 and 60000 ms.',
    );
  });

  it('when the health check port is outside 1..65535, then it is rejected', () => {
    for (const port of [0, 65536]) {
      expectIssue(
        VirtualGatewaySpecSchema,
        vgSpec(listener({ healthCheck: hc({ port }) })),
        'listeners.0.healthCheck.port',
        'Health check port must be between 1 and 65535.',
      );
    }
  });

  it('when the health check port equals the listener port, then it is accepted; otherwise it must match', () => {
    expectAccepted(VirtualGatewaySpecSchema, vgSpec(listener({ healthCheck: hc({ port: 8080 }) })));
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ healthCheck: hc({ port: 9090 }) })),
      'listeners.0.healthCheck.port',
      'Health check port must match the listener port (8080).',
    );
  });

  it('when any health check value is given, then every required one is named', () => {
    const found = issues(VirtualGatewaySpecSchema, vgSpec(listener({ healthCheck: { path: '/' } })));
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'listeners.0.healthCheck.protocol', message: 'Health check protocol is required.' },
        { path: 'listeners.0.healthCheck.healthyThreshold', message: 'Healthy threshold is required.' },
        { path: 'listeners.0.healthCheck.intervalMillis', message: 'Health check interval is required.' },
        { path: 'listeners.0.healthCheck.timeoutMillis', message: 'Timeout period is required.' },
        { path: 'listeners.0.healthCheck.unhealthyThreshold', message: 'Unhealthy threshold is required.' },
      ]),
    );
  });
});

describe('virtual gateway: TLS', () => {
  it('when SANs are DNS names, wildcard names or URIs, then they are accepted', () => {
    const sans = ['www.example.com', '*.example.com', 'svc.local', 'spiffe://cluster.local/ns/app/sa/web'];
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(
        listenerTls({
          validation: { trust: { sds: { secretName: 'ca' } }, subjectAlternativeNames: { match: { exact: sans } } },
        }),
        clientTls({
          trust: { file: { certificateChain: '/ca.pem' } },
          subjectAlternativeNames: { match: { exact: sans } },
        }),
      ),
    );
  });

  it('when a SAN is neither a DNS name nor a URI, then it is rejected on that entry', () => {
    for (const bad of ['not a name', '-bad.example.com', 'a..b', 'foo.*.com']) {
      expectIssue(
        VirtualGatewaySpecSchema,
        vgSpec(
          listener(),
          clientTls({
            trust: { file: { certificateChain: '/ca.pem' } },
            subjectAlternativeNames: { match: { exact: [bad] } },
          }),
        ),
        'backendDefaults.clientPolicy.tls.validation.subjectAlternativeNames.match.exact.0',
        /^Subject Alternative Name must be a DNS name .* or a URI/,
      );
    }
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(
        listenerTls({
          validation: { trust: { sds: { secretName: 'ca' } }, subjectAlternativeNames: { match: { exact: ['x y'] } } },
        }),
      ),
      'listeners.0.tls.validation.subjectAlternativeNames.match.exact.0',
      /^Subject Alternative Name must be/,
    );
  });

  it('when the client policy trusts ACM Private CA ARNs, then they are accepted; other ARNs are rejected', () => {
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(listener(), clientTls({ trust: { acm: { certificateAuthorityArns: [PCA_ARN] } } })),
    );
    for (const bad of [ACM_ARN, 'arn:aws:acm-pca:us-west-2:1234:certificate-authority/x', 'ca-1']) {
      expectIssue(
        VirtualGatewaySpecSchema,
        vgSpec(listener(), clientTls({ trust: { acm: { certificateAuthorityArns: [bad] } } })),
        'backendDefaults.clientPolicy.tls.validation.trust.acm.certificateAuthorityArns.0',
        /^Certificate must be an ACM Private CA ARN/,
      );
    }
  });

  it('when 4 certificate authorities are given, then Certificates must have 1 to 3 items', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(
        listener(),
        clientTls({ trust: { acm: { certificateAuthorityArns: [PCA_ARN, PCA_ARN, PCA_ARN, PCA_ARN] } } }),
      ),
      'backendDefaults.clientPolicy.tls.validation.trust.acm.certificateAuthorityArns',
      'Certificates must have 1 to 3 items.',
    );
  });

  it('when a listener certificate is an ACM certificate ARN, then it is accepted; a PCA ARN is not', () => {
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ tls: { mode: 'PERMISSIVE', certificate: { acm: { certificateArn: ACM_ARN } } } })),
    );
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ tls: { mode: 'PERMISSIVE', certificate: { acm: { certificateArn: PCA_ARN } } } })),
      'listeners.0.tls.certificate.acm.certificateArn',
      /^Certificate must be an ACM certificate ARN/,
    );
  });

  it('when a listener validates client certificates with ACM, then it is told to use a file or SDS', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listenerTls({ validation: { trust: { acm: { certificateAuthorityArns: [PCA_ARN] } } } })),
      'listeners.0.tls.validation.trust.acm',
      'A listener validates client certificates with a local file or SDS, not ACM Private CA.',
    );
    expectAccepted(
      VirtualGatewaySpecSchema,
      vgSpec(listenerTls({ validation: { trust: { file: { certificateChain: '/ca.pem' } } } })),
    );
  });

  it('when a TLS mode is not one of the three, then the modes are listed', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listenerTls({ mode: 'strict' })),
      'listeners.0.tls.mode',
      'Mode must be one of STRICT, PERMISSIVE, DISABLED.',
    );
  });

  it('when a certificate method sets none or two of acm, file, sds, then it says so', () => {
    expectIssue(
      VirtualGatewaySpecSchema,
      vgSpec(listener({ tls: { mode: 'STRICT', certificate: {} } })),
      'listeners.0.tls.certificate',
      'Certificate method must set exactly one of acm, file or sds.',
    );
  });
});

describe('virtual gateway: names and inputs', () => {
  const input = { meshName: 'm1', virtualGatewayName: 'gw', spec: vgSpec() };

  it('when the name is missing, empty or too long, then the console label is used', () => {
    const { virtualGatewayName: _, ...noName } = input;
    expectIssue(CreateVirtualGatewayInputSchema, noName, 'virtualGatewayName', 'Virtual gateway name is required.');
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, virtualGatewayName: '' },
      'virtualGatewayName',
      'Virtual gateway name is required.',
    );
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, virtualGatewayName: 'a'.repeat(256) },
      'virtualGatewayName',
      'Virtual gateway name must be 1 to 255 characters.',
    );
  });

  it('when a name contains "/", then it is rejected (it would break the request URI)', () => {
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, virtualGatewayName: 'a/b' },
      'virtualGatewayName',
      'Virtual gateway name must not contain "/".',
    );
  });

  it('when a name is "." or "..", then it is refused (a request URI cannot address it once normalised)', () => {
    for (const name of ['.', '..']) {
      expectIssue(
        CreateVirtualGatewayInputSchema,
        { ...input, virtualGatewayName: name },
        'virtualGatewayName',
        'Virtual gateway name must not be "." or "..".',
      );
      expectIssue(
        CreateVirtualGatewayInputSchema,
        { ...input, meshName: name },
        'meshName',
        'Mesh name must not be "." or "..".',
      );
      expectIssue(
        CreateVirtualServiceInputSchema,
        { meshName: 'm1', virtualServiceName: name, spec: {} },
        'virtualServiceName',
        'Virtual service name must not be "." or "..".',
      );
    }
    expectAccepted(CreateVirtualGatewayInputSchema, { ...input, virtualGatewayName: '...' });
    expectAccepted(CreateVirtualGatewayInputSchema, { ...input, virtualGatewayName: '.gw' });
  });

  it('when a name, a tag or a spec string holds an unpaired UTF-16 surrogate, then it is refused on that field', () => {
    const message = (label: string) => `${label} must be well-formed Unicode text (it holds an unpaired surrogate).`;
    for (const lone of ['\ud800', 'gw\udfff', '\udc00\ud800']) {
      expectIssue(
        CreateVirtualGatewayInputSchema,
        { ...input, virtualGatewayName: lone },
        'virtualGatewayName',
        message('Virtual gateway name'),
      );
    }
    expectIssue(CreateVirtualGatewayInputSchema, { ...input, meshName: 'm\ud800' }, 'meshName', message('Mesh name'));
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, tags: [{ key: 'k', value: 'v\ud800' }] },
      'tags.0.value',
      message('Tag value'),
    );
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, tags: [{ key: '\udbff', value: '' }] },
      'tags.0.key',
      message('Tag key'),
    );
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, spec: vgSpec(listener(), { logging: { accessLog: { file: { path: '/dev/\ud800' } } } }) },
      'spec.logging.accessLog.file.path',
      message('HTTP access logs path'),
    );
    // Paired surrogates (an emoji) are well-formed.
    expectAccepted(CreateVirtualGatewayInputSchema, { ...input, virtualGatewayName: 'gw-\ud83d\ude80' });
  });

  it('when the client token has up to 36 letters, digits, hyphens and underscores, then it is accepted', () => {
    expectAccepted(ClientTokenSchema, '0b3f7a5e-8d5c-4b8e-9f0e-1c2d3e4f5a6b');
    expectAccepted(ClientTokenSchema, 'a_B-9');
    for (const bad of ['a'.repeat(37), 'has space', 'dot.ted', '']) {
      expect(issues(ClientTokenSchema, bad).map((i) => i.message)).toEqual([
        'Client token must be 1 to 36 letters, digits, hyphens or underscores.',
      ]);
    }
  });

  it('when the mesh owner is not 12 characters, then it is rejected', () => {
    expectIssue(
      CreateVirtualGatewayInputSchema,
      { ...input, meshOwner: '12345' },
      'meshOwner',
      'Mesh owner must be exactly 12 characters.',
    );
  });

  it('when 51 tags are given, then Tags must have at most 50 items', () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expectIssue(CreateVirtualGatewayInputSchema, { ...input, tags }, 'tags', 'Tags must have at most 50 items.');
  });
});

describe('virtual service', () => {
  it('when a virtual service has no provider or one provider, then it is accepted; two providers are not', () => {
    const base = { meshName: 'm1', virtualServiceName: 'svc.local' };
    expectAccepted(CreateVirtualServiceInputSchema, { ...base, spec: {} });
    expectAccepted(CreateVirtualServiceInputSchema, {
      ...base,
      spec: { provider: { virtualNode: { virtualNodeName: 'n' } } },
    });
    expectIssue(
      CreateVirtualServiceInputSchema,
      {
        ...base,
        spec: { provider: { virtualNode: { virtualNodeName: 'n' }, virtualRouter: { virtualRouterName: 'r' } } },
      },
      'spec.provider',
      'Provider must set only one of virtualNode or virtualRouter, not both virtualNode and virtualRouter.',
    );
  });
});

// ---------- gateway routes

const target = { virtualService: { virtualServiceName: 'svc.local' } };
const http = (match: Record<string, unknown>, action: Record<string, unknown> = {}) => ({
  httpRoute: { match, action: { target, ...action } },
});
const grpc = (match: Record<string, unknown>) => ({ grpcRoute: { match, action: { target } } });

describe('gateway route: route type', () => {
  it('when a spec has exactly one of httpRoute, http2Route, grpcRoute, then it is accepted', () => {
    expectAccepted(GatewayRouteSpecSchema, http({ prefix: '/' }));
    expectAccepted(GatewayRouteSpecSchema, { http2Route: { match: { prefix: '/' }, action: { target } }, priority: 0 });
    expectAccepted(GatewayRouteSpecSchema, grpc({ serviceName: 'my.Service' }));
  });

  it('when a spec has no route type or two, then it says exactly one', () => {
    expectIssue(GatewayRouteSpecSchema, { priority: 1 }, '', /exactly one route type/);
    expectIssue(
      GatewayRouteSpecSchema,
      { ...http({ prefix: '/' }), ...grpc({ serviceName: 's' }) },
      'grpcRoute',
      /exactly one route type/,
    );
  });

  it('when the priority is outside 0..1000, then the range is given', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      { ...http({ prefix: '/' }), priority: 1001 },
      'priority',
      'Priority must be between 0 and 1000.',
    );
  });
});

describe('gateway route: http match', () => {
  it('when a prefix does not start with "/", then it is rejected', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: 'api' }),
      'httpRoute.match.prefix',
      'Prefix must start with "/".',
    );
  });

  it('when a prefix uses the reserved /aws-appmesh or /aws-app-mesh, then it is rejected', () => {
    for (const prefix of ['/aws-appmesh', '/aws-app-mesh/x', '/AWS-AppMesh2']) {
      expectIssue(GatewayRouteSpecSchema, http({ prefix }), 'httpRoute.match.prefix', /reserved/);
    }
    expectAccepted(GatewayRouteSpecSchema, http({ prefix: '/aws' }));
  });

  it('when a match has none of prefix, path, hostname, port, then it asks for one', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ method: 'GET' }),
      'httpRoute.match.prefix',
      'Match needs a prefix, a path, a hostname or a port.',
    );
    expectAccepted(GatewayRouteSpecSchema, http({ hostname: { suffix: 'example.com' } }));
    expectAccepted(GatewayRouteSpecSchema, http({ path: { regex: '/a/.*' } }));
  });

  it('when an http or http2 match has only a port (the multiple-listeners walkthrough), then it is accepted', () => {
    // The walkthrough's gateway route: "match": { "port": 1010 }, target port 3030.
    const walkthrough = {
      httpRoute: {
        match: { port: 1010 },
        action: { target: { virtualService: { virtualServiceName: 'my-virtual-service' }, port: 3030 } },
      },
    };
    expect(GatewayRouteSpecSchema.parse(walkthrough)).toEqual(walkthrough);
    expectAccepted(GatewayRouteSpecSchema, { http2Route: walkthrough.httpRoute });
  });

  it('when a match has both a prefix and a path, then it takes one', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/', path: { exact: '/a' } }),
      'httpRoute.match.path',
      'Match takes a prefix or a path, not both.',
    );
  });

  it('when a hostname match sets none or both of exact and suffix, then it says exactly one', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ hostname: {} }),
      'httpRoute.match.hostname',
      'Hostname match must set exactly one of exact or suffix.',
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ hostname: { exact: 'a.com', suffix: 'b.com' } }),
      'httpRoute.match.hostname',
      'Hostname match must set only one of exact or suffix, not both exact and suffix.',
    );
  });

  it('when a path match sets none or both of exact and regex, then it says exactly one', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ path: {} }),
      'httpRoute.match.path',
      'Path match must set exactly one of exact or regex.',
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ path: { exact: '/a', regex: '/b' } }),
      'httpRoute.match.path',
      /only one of exact or regex/,
    );
  });

  it('when a header match sets none or two methods, then it says exactly one', () => {
    expectAccepted(
      GatewayRouteSpecSchema,
      http({ prefix: '/', headers: [{ name: 'x-a', match: { suffix: 'z' } }, { name: 'x-b' }] }),
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/', headers: [{ name: 'x', match: {} }] }),
      'httpRoute.match.headers.0.match',
      /exactly one of exact, prefix, range, regex or suffix/,
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/', headers: [{ name: 'x', match: { exact: 'a', prefix: 'b' } }] }),
      'httpRoute.match.headers.0.match',
      /not both exact and prefix/,
    );
  });

  it('when a range end is not greater than its start, then the end is flagged', () => {
    expectAccepted(
      GatewayRouteSpecSchema,
      http({ prefix: '/', headers: [{ name: 'x', match: { range: { start: 1, end: 2 } } }] }),
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/', headers: [{ name: 'x', match: { range: { start: 5, end: 5 } } }] }),
      'httpRoute.match.headers.0.match.range.end',
      'Range end must be greater than Range start (the end is excluded).',
    );
  });

  it('when a query parameter match has no exact value, then exact is required', () => {
    expectAccepted(
      GatewayRouteSpecSchema,
      http({ prefix: '/', queryParameters: [{ name: 'q', match: { exact: 'v' } }, { name: 'p' }] }),
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/', queryParameters: [{ name: 'q', match: {} }] }),
      'httpRoute.match.queryParameters.0.match.exact',
      'Exact value is required when a query parameter match is given.',
    );
  });

  it('when a method is not an HTTP method, then the methods are listed', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/', method: 'get' }),
      'httpRoute.match.method',
      'Method must be one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH.',
    );
  });
});

describe('gateway route: rewrites', () => {
  it('when an exact or regex path match has a path rewrite, then it is accepted', () => {
    expectAccepted(GatewayRouteSpecSchema, http({ path: { exact: '/a' } }, { rewrite: { path: { exact: '/b' } } }));
    expectAccepted(
      GatewayRouteSpecSchema,
      http(
        { path: { regex: '/a.*' } },
        { rewrite: { path: { exact: '/b' }, hostname: { defaultTargetHostname: 'DISABLED' } } },
      ),
    );
  });

  it('when an exact or regex path match has a prefix rewrite, then it needs a path rewrite instead', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ path: { exact: '/a' } }, { rewrite: { prefix: { defaultPrefix: 'DISABLED' } } }),
      'httpRoute.action.rewrite.prefix',
      'A route that matches an exact path or a path regex needs a path rewrite, not a prefix rewrite.',
    );
  });

  it('when a prefix match has a path rewrite, then it is rejected', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/a' }, { rewrite: { path: { exact: '/b' } } }),
      'httpRoute.action.rewrite.path',
      /A path rewrite needs a path match/,
    );
  });

  it('when a prefix rewrite sets both or neither of defaultPrefix and value, then it says exactly one', () => {
    expectAccepted(GatewayRouteSpecSchema, http({ prefix: '/a' }, { rewrite: { prefix: { value: '/b/' } } }));
    expectAccepted(
      GatewayRouteSpecSchema,
      http({ prefix: '/a' }, { rewrite: { prefix: { defaultPrefix: 'ENABLED' } } }),
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/a' }, { rewrite: { prefix: {} } }),
      'httpRoute.action.rewrite.prefix',
      /one of defaultPrefix or value/,
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/a' }, { rewrite: { prefix: { defaultPrefix: 'DISABLED', value: '/b/' } } }),
      'httpRoute.action.rewrite.prefix.value',
      /one of defaultPrefix or value/,
    );
  });

  it('when a prefix rewrite value does not start and end with "/", then it is rejected', () => {
    for (const value of ['b', '/b', 'b/']) {
      expectIssue(
        GatewayRouteSpecSchema,
        http({ prefix: '/a' }, { rewrite: { prefix: { value } } }),
        'httpRoute.action.rewrite.prefix.value',
        'Prefix rewrite must start and end with "/".',
      );
    }
  });

  it('when a rewrite is empty or sets both path and prefix, then it is rejected', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ prefix: '/a' }, { rewrite: {} }),
      'httpRoute.action.rewrite',
      'Rewrite needs a hostname, path or prefix rewrite.',
    );
    expectIssue(
      GatewayRouteSpecSchema,
      http({ path: { exact: '/a' } }, { rewrite: { path: { exact: '/b' }, prefix: { value: '/' } } }),
      'httpRoute.action.rewrite.path',
      'Rewrite takes a path rewrite or a prefix rewrite, not both.',
    );
  });

  it('when a path rewrite has no exact value, then it is required', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      http({ path: { exact: '/a' } }, { rewrite: { path: {} } }),
      'httpRoute.action.rewrite.path.exact',
      'Path rewrite is required.',
    );
  });
});

describe('gateway route: grpc', () => {
  it('when a grpc match has neither a service name nor a hostname, then it asks for one, even with a port', () => {
    // Documented for grpc: a service name (user guide) or a hostname (controller for Kubernetes); no
    // documented grpc gateway route matches by port alone, unlike http (see the http port-only test).
    expectIssue(
      GatewayRouteSpecSchema,
      grpc({ port: 8080 }),
      'grpcRoute.match.serviceName',
      'Match needs a service name or a hostname.',
    );
    expectAccepted(GatewayRouteSpecSchema, grpc({ serviceName: 'pkg.Svc', port: 8080 }));
    expectAccepted(GatewayRouteSpecSchema, grpc({ hostname: { exact: 'api.example.com' } }));
  });

  it('when the service name starts with aws.app-mesh or aws.appmesh, then it is reserved', () => {
    for (const serviceName of ['aws.appmesh.Foo', 'aws.app-mesh', 'AWS.AppMesh.x']) {
      expectIssue(GatewayRouteSpecSchema, grpc({ serviceName }), 'grpcRoute.match.serviceName', /reserved/);
    }
    expectAccepted(GatewayRouteSpecSchema, grpc({ serviceName: 'aws.s3.Foo' }));
  });

  it('when grpc metadata matches set two methods, then it says exactly one', () => {
    expectIssue(
      GatewayRouteSpecSchema,
      grpc({ serviceName: 's', metadata: [{ name: 'm', match: { exact: 'a', regex: 'b' } }] }),
      'grpcRoute.match.metadata.0.match',
      /not both exact and regex/,
    );
  });

  it('when a target port is outside 1..65535, then the range is given', () => {
    expectIssue(
      CreateGatewayRouteInputSchema,
      {
        meshName: 'm',
        virtualGatewayName: 'g',
        gatewayRouteName: 'r',
        spec: { grpcRoute: { match: { serviceName: 's' }, action: { target: { ...target, port: 0 } } } },
      },
      'spec.grpcRoute.action.target.port',
      'Virtual service provider port must be between 1 and 65535.',
    );
  });
});
