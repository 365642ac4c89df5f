/**
 * Property tests (fast-check): every spec built by the rules is accepted and parses to an equal value, and
 * its JSON (what `aws appmesh create-virtual-gateway --cli-input-json` reads) parses back to the same value.
 * Fuzzed specs are either accepted unchanged or rejected with messages written for people.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CreateGatewayRouteInputSchema,
  CreateVirtualGatewayJsonSchema,
  GatewayRouteSpecSchema,
  parseOrThrow,
  RESERVED_GRPC_SERVICE_PREFIXES,
  RESERVED_PREFIXES,
  VirtualGatewaySpecSchema,
} from './index';

// ---------- building blocks

/** A record whose optional members are absent (not `undefined`) when not picked, like parsed JSON. */
function rec<T extends Record<string, fc.Arbitrary<unknown>>>(
  required: T,
  optional: Record<string, fc.Arbitrary<unknown>> = {},
) {
  return fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) as never });
}

const port = fc.integer({ min: 1, max: 65535 });
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max });
/** A ResourceName the model accepts: 1 to 255 characters, no "/", not "." or "..". */
const name = text(1, 255).filter((s) => !s.includes('/') && s !== '.' && s !== '..');
const filePath = text(1, 255);
const uuid = fc.uuid();
const acmArn = uuid.map((id) => `arn:aws:acm:us-west-2:123456789012:certificate/${id}`);
const pcaArn = uuid.map((id) => `arn:aws:acm-pca:eu-central-1:210987654321:certificate-authority/${id}`);
const domain = fc.domain().filter((d) => d.length <= 250);
const san = fc.oneof(
  domain,
  domain.map((d) => `*.${d}`),
  fc.webUrl().filter((u) => u.length <= 254 && !/\s/.test(u)),
  domain.map((d) => `spiffe://${d}/ns/default/sa/app`).filter((u) => u.length <= 254),
);
const sans = rec({ match: rec({ exact: fc.array(san, { maxLength: 4 }) }) });
const fileCert = rec({ certificateChain: filePath, privateKey: filePath });
const sdsSecret = rec({ secretName: fc.string() });
const fileTrust = rec({ certificateChain: filePath });

// ---------- virtual gateway

const listener = fc
  .record({ protocol: fc.constantFrom('http', 'http2', 'grpc'), port })
  .chain(({ protocol, port: listenerPort }) =>
    rec(
      { portMapping: fc.constant({ port: listenerPort, protocol }) },
      {
        connectionPool:
          protocol === 'http'
            ? rec({
                http: rec({ maxConnections: fc.integer({ min: 1 }) }, { maxPendingRequests: fc.integer({ min: 1 }) }),
              })
            : protocol === 'http2'
              ? rec({ http2: rec({ maxRequests: fc.integer({ min: 1 }) }) })
              : rec({ grpc: rec({ maxRequests: fc.integer({ min: 1 }) }) }),
        healthCheck: rec(
          {
            protocol: fc.constantFrom('http', 'http2', 'grpc'),
            healthyThreshold: fc.integer({ min: 2, max: 10 }),
            unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
            intervalMillis: fc.integer({ min: 5000, max: 300000 }),
            timeoutMillis: fc.integer({ min: 2000, max: 60000 }),
          },
          { port: fc.constant(listenerPort), path: fc.string() },
        ),
        tls: rec(
          {
            mode: fc.constantFrom('STRICT', 'PERMISSIVE', 'DISABLED'),
            certificate: fc.oneof(
              rec({ acm: rec({ certificateArn: acmArn }) }),
              rec({ file: fileCert }),
              rec({ sds: sdsSecret }),
            ),
          },
          {
            validation: rec(
              { trust: fc.oneof(rec({ file: fileTrust }), rec({ sds: sdsSecret })) },
              { subjectAlternativeNames: sans },
            ),
          },
        ),
      },
    ),
  );

const backendDefaults = rec(
  {},
  {
    clientPolicy: rec(
      {},
      {
        tls: rec(
          {
            validation: rec(
              {
                trust: fc.oneof(
                  rec({ acm: rec({ certificateAuthorityArns: fc.array(pcaArn, { minLength: 1, maxLength: 3 }) }) }),
                  rec({ file: fileTrust }),
                  rec({ sds: sdsSecret }),
                ),
              },
              { subjectAlternativeNames: sans },
            ),
          },
          {
            enforce: fc.boolean(),
            ports: fc.array(port, { maxLength: 5 }),
            certificate: fc.oneof(rec({ file: fileCert }), rec({ sds: sdsSecret })),
          },
        ),
      },
    ),
  },
);

const logging = rec(
  {},
  {
    accessLog: rec({
      file: rec(
        { path: filePath },
        {
          format: fc.oneof(
            rec({ text: text(1, 1000) }),
            rec({ json: fc.array(rec({ key: text(1, 100), value: text(1, 100) }), { maxLength: 5 }) }),
          ),
        },
      ),
    }),
  },
);

const virtualGatewaySpec = rec({ listeners: fc.tuple(listener) }, { backendDefaults, logging });

// ---------- gateway route

const notReserved = (reserved: readonly string[]) => (s: string) =>
  !reserved.some((r) => s.toLowerCase().startsWith(r));
const routePrefix = fc
  .string()
  .map((s) => `/${s}`)
  .filter(notReserved(RESERVED_PREFIXES));
const rewritePrefixValue = fc.string({ maxLength: 253 }).map((s) => `/${s}/`);
const hostnameMatch = fc.oneof(rec({ exact: domain }), rec({ suffix: domain }));
const matchMethod = fc.oneof(
  rec({ exact: text(1, 255) }),
  rec({ prefix: text(1, 255) }),
  rec({ suffix: text(1, 255) }),
  rec({ regex: text(1, 255) }),
  fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }))
    .map(([start, width]) => ({ range: { start, end: start + width } })),
);
const headers = fc.array(rec({ name: text(1, 50) }, { invert: fc.boolean(), match: matchMethod }), {
  minLength: 1,
  maxLength: 10,
});
const target = rec({ virtualService: rec({ virtualServiceName: name }) }, { port });
const hostnameRewrite = rec({}, { defaultTargetHostname: fc.constantFrom('ENABLED', 'DISABLED') });

const httpRoute = fc.constantFrom('prefix', 'path', 'hostname').chain((kind) => {
  const common = {
    headers,
    queryParameters: fc.array(rec({ name: fc.string() }, { match: rec({ exact: fc.string() }) }), {
      minLength: 1,
      maxLength: 10,
    }),
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'),
    port,
  };
  const match =
    kind === 'prefix'
      ? rec({ prefix: routePrefix }, { hostname: hostnameMatch, ...common })
      : kind === 'path'
        ? rec(
            { path: fc.oneof(rec({ exact: text(1, 255) }), rec({ regex: text(1, 255) })) },
            { hostname: hostnameMatch, ...common },
          )
        : rec({ hostname: hostnameMatch }, common);
  const rewrite =
    kind === 'prefix'
      ? fc.oneof(
          rec(
            {
              prefix: fc.oneof(
                rec({ defaultPrefix: fc.constantFrom('ENABLED', 'DISABLED') }),
                rec({ value: rewritePrefixValue }),
              ),
            },
            { hostname: hostnameRewrite },
          ),
          rec({ hostname: hostnameRewrite }),
        )
      : kind === 'path'
        ? rec({ path: rec({ exact: text(1, 255) }) }, { hostname: hostnameRewrite })
        : rec({ hostname: hostnameRewrite });
  return rec({ match, action: rec({ target }, { rewrite }) });
});

const grpcRoute = rec({
  match: fc.oneof(
    rec(
      { serviceName: fc.string().filter(notReserved(RESERVED_GRPC_SERVICE_PREFIXES)) },
      { hostname: hostnameMatch, port, metadata: headers },
    ),
    rec({ hostname: hostnameMatch }, { port, metadata: headers }),
  ),
  action: rec({ target }, { rewrite: rec({}, { hostname: hostnameRewrite }) }),
});

const gatewayRouteSpec = fc.oneof(
  rec({ httpRoute }, { priority: fc.integer({ min: 0, max: 1000 }) }),
  rec({ http2Route: httpRoute }, { priority: fc.integer({ min: 0, max: 1000 }) }),
  rec({ grpcRoute }, { priority: fc.integer({ min: 0, max: 1000 }) }),
);

// ---------- fuzz: valid trees with one value replaced by something arbitrary

type Json = unknown;
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === 'object')
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}
function replaced(value: Json, path: (string | number)[], next: Json): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head] = replaced(copy[head], rest, next);
  return copy;
}
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -70000, max: 400000 }),
  fc.double(),
  fc.string({ maxLength: 300 }),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constantFrom('http', 'grpc', 'STRICT', '/aws-appmesh', 'aws.appmesh.X', 'arn:aws:acm:x'),
);
function fuzzed(arb: fc.Arbitrary<Json>) {
  return arb.chain((valid) => {
    const all = paths(valid);
    return fc.tuple(fc.constant(valid), fc.constantFrom(...all), junk).map(([v, p, j]) => replaced(v, p, j));
  });
}

const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

function roundTrips(schema: z.ZodType, value: Json) {
  const parsed = schema.parse(value);
  expect(parsed).toEqual(value);
  const viaJson = schema.parse(JSON.parse(JSON.stringify(parsed)));
  expect(viaJson).toEqual(parsed);
  return parsed;
}

const RUNS = 300;

// Hundreds of generated specs per test: more than the default 5 s on a busy machine.
describe('round trip', { timeout: 30_000 }, () => {
  it('when a virtual gateway spec follows the rules, then it is accepted, unchanged, and its JSON reads back equal', () => {
    fc.assert(
      fc.property(virtualGatewaySpec, (spec) => {
        const parsed = roundTrips(VirtualGatewaySpecSchema, spec);
        // the create-virtual-gateway.json the console offers for the CLI
        const cliJson = JSON.parse(JSON.stringify({ meshName: 'm1', virtualGatewayName: 'gw', spec: parsed }));
        expect(CreateVirtualGatewayJsonSchema.parse(cliJson)).toEqual(cliJson);
      }),
      { numRuns: RUNS },
    );
  });

  it('when a gateway route spec follows the rules, then it is accepted, unchanged, and its JSON reads back equal', () => {
    fc.assert(
      fc.property(gatewayRouteSpec, (spec) => {
        roundTrips(GatewayRouteSpecSchema, spec);
        const input = { meshName: 'm1', virtualGatewayName: 'gw', gatewayRouteName: 'r', spec };
        expect(CreateGatewayRouteInputSchema.parse(JSON.parse(JSON.stringify(input)))).toEqual(input);
      }),
      { numRuns: RUNS },
    );
  });

  for (const [label, schema, arb] of [
    ['virtual gateway', VirtualGatewaySpecSchema, virtualGatewaySpec],
    ['gateway route', GatewayRouteSpecSchema, gatewayRouteSpec],
  ] as const) {
    it(`when one value of a ${label} spec is replaced by junk, then it is accepted unchanged or rejected with messages for people`, () => {
      let rejected = 0;
      fc.assert(
        fc.property(fuzzed(arb as fc.Arbitrary<Json>), (spec) => {
          const result = (schema as z.ZodType).safeParse(spec);
          if (result.success) {
            expect(JSON.parse(JSON.stringify(result.data))).toEqual(JSON.parse(JSON.stringify(spec)));
            return;
          }
          rejected++;
          for (const issue of result.error.issues) {
            expect(issue.message, JSON.stringify(issue)).not.toMatch(ZOD_DEFAULT_MESSAGE);
            expect(issue.message).toMatch(/[.]$/);
          }
          expect(() => parseOrThrow(schema as z.ZodType, spec)).toThrow(/./);
        }),
        { numRuns: RUNS },
      );
      expect(rejected).toBeGreaterThan(RUNS / 4);
    });
  }

  it('when any single value of generated specs is replaced by null, 0, "", {}, [] or removed, then parsing answers and never throws', () => {
    const junkValues: Json[] = [undefined, null, 0, -1, '', 'x', {}, [], true];
    let attempts = 0;
    for (const [schema, arb] of [
      [VirtualGatewaySpecSchema, virtualGatewaySpec],
      [GatewayRouteSpecSchema, gatewayRouteSpec],
    ] as const) {
      for (const spec of fc.sample(arb as fc.Arbitrary<Json>, { numRuns: 8, seed: 7 })) {
        for (const path of paths(spec)) {
          for (const j of junkValues) {
            attempts++;
            const candidate = replaced(spec, path, j);
            expect(
              () => (schema as z.ZodType).safeParse(candidate),
              `${path.join('.')} = ${JSON.stringify(j)}`,
            ).not.toThrow();
          }
        }
      }
    }
    expect(attempts).toBeGreaterThan(500);
  });

  it('when the CLI example of the product document is read, then it is a valid create-virtual-gateway.json', () => {
    const example = { spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] } };
    expect(CreateVirtualGatewayJsonSchema.parse(example)).toEqual(example);
  });
});

// ---------- cross-check with the AWS CLI's own validator (botocore), when it is installed

const BOTOCORE_CHECK = `
import json, sys
import botocore.session
from botocore.validate import ParamValidator
model = botocore.session.get_session().get_service_model('appmesh')
docs = json.load(sys.stdin)
validator = ParamValidator()
errors = []
for op, items in docs.items():
    shape = model.operation_model(op).input_shape
    for doc in items:
        report = validator.validate(doc, shape)
        if report.has_errors():
            errors.append(op + ': ' + report.generate_report())
print(json.dumps({'checked': sum(len(v) for v in docs.values()), 'errors': errors}))
`;

const botocoreAvailable = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0;
if (!botocoreAvailable) console.warn('botocore (AWS CLI v1) is not installed: the CLI cross-check does not run here');

describe('AWS CLI cross-check', { timeout: 30_000 }, () => {
  it.runIf(botocoreAvailable)(
    'when generated inputs are serialised to JSON, then the AWS CLI validator (botocore) accepts every one',
    () => {
      const docs = {
        CreateVirtualGateway: fc
          .sample(virtualGatewaySpec, { numRuns: 150 })
          .map((spec) => ({ meshName: 'm1', virtualGatewayName: 'gw', spec: VirtualGatewaySpecSchema.parse(spec) })),
        CreateGatewayRoute: fc.sample(gatewayRouteSpec, { numRuns: 150 }).map((spec) => ({
          meshName: 'm1',
          virtualGatewayName: 'gw',
          gatewayRouteName: 'r1',
          spec: GatewayRouteSpecSchema.parse(spec),
        })),
      };
      const run = spawnSync('python3', ['-c', BOTOCORE_CHECK], { input: JSON.stringify(docs), encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as { checked: number; errors: string[] };
      expect(result.errors).toEqual([]);
      expect(result.checked).toBe(300);
    },
  );
});
