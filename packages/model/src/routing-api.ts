// The console API's gateway routing endpoints (docs/architecture.md, "Console API"):
//   POST /api/meshes/:mesh/virtual-gateways/:name/test-request   body: a test request, answer: TestRequestAnswer
//   GET  /api/meshes/:mesh/virtual-gateways/:name/route-checks    answer: RouteChecksAnswer
// The evaluation itself is packages/routing; these are the shapes both sides share.
import { z } from 'zod';
import { HTTP_METHODS } from './gateway-route';
import type { VirtualGatewayPortProtocol } from './virtual-gateway';

// ---------- the request

/** Header and metadata names: an HTTP token (RFC 9110), so a name that cannot be sent is refused. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Header values: any text without control characters (tab allowed). */
const hasControlCharacter = (value: string) =>
  [...value].some((c) => {
    const code = c.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09) || code === 0x7f;
  });
/** A request target's path and query: visible ASCII (a client percent-encodes the rest), no fragment. */
const PATH = /^\/[\x21-\x22\x24-\x7e]*$/;
/** A Host header: a name or address, optionally `:port` (IPv6 in brackets). */
const HOST = /^[A-Za-z0-9._~\-[\]:]+$/;
/** A gRPC service or method name as it appears in `/<service>/<method>`. */
const GRPC_NAME = /^[A-Za-z0-9_.$-]+$/;

const MAX_FIELDS = 50;

function fields(label: string, singular: string) {
  return z
    .record(
      z.string(),
      z
        .string({ error: `Each ${singular} value must be text.` })
        .max(8192, { error: `A ${singular} value must be at most 8192 characters.` })
        .refine((v) => !hasControlCharacter(v), { error: `A ${singular} value must not contain control characters.` }),
      { error: `${label} must be an object of ${singular} names to values.` },
    )
    .superRefine((record, ctx) => {
      const names = Object.keys(record);
      if (names.length > MAX_FIELDS) {
        ctx.addIssue({ code: 'custom', message: `${label} must have at most ${MAX_FIELDS} entries.`, path: [] });
      }
      const seen = new Set<string>();
      for (const name of names) {
        const lower = name.toLowerCase();
        if (!TOKEN.test(name) || name.length > 100) {
          ctx.addIssue({
            code: 'custom',
            message: `The ${singular} name "${name.slice(0, 100)}" is not valid: use 1 to 100 letters, digits and !#$%&'*+.^_\`|~- (no spaces or colons).`,
            path: [name],
          });
        } else if (lower === 'host') {
          ctx.addIssue({ code: 'custom', message: 'Give the host in Host, not as a header.', path: [name] });
        } else if (seen.has(lower)) {
          ctx.addIssue({
            code: 'custom',
            message: `The ${singular} ${lower} is given twice (names are not case-sensitive).`,
            path: [name],
          });
        }
        seen.add(lower);
      }
    });
}

const host = z
  .string({ error: 'Host must be text.' })
  .min(1, { error: 'Host must not be empty: leave it out for a request without one.' })
  .max(255, { error: 'Host must be at most 255 characters.' })
  .regex(HOST, { error: 'Host must be a host name or address, optionally with ":port".' });

function grpcName(label: string) {
  return z
    .string({ error: (i) => (i.input === undefined ? `${label} is required.` : `${label} must be text.`) })
    .min(1, { error: `${label} is required.` })
    .max(255, { error: `${label} must be at most 255 characters.` })
    .regex(GRPC_NAME, { error: `${label} may contain only letters, digits and . _ $ -.` });
}

/** Members of the other protocol's request, refused with a message that says which gateway takes them. */
function refuseOther(keys: readonly string[], protocol: string, instead: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const key of keys) {
      if (value[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `This gateway's listener is ${protocol}: its requests have ${instead}, not ${key}.`,
          path: [key],
        });
      }
    }
  };
}

const OBJECT_ERROR = 'The request must be a JSON object.';

/** A test request for an http or http2 gateway: `{ method?, path, host?, headers? }`. */
export const HttpTestRequestSchema = z
  .object(
    {
      method: z.enum(HTTP_METHODS, { error: `Method must be one of ${HTTP_METHODS.join(', ')}.` }).default('GET'),
      path: z
        .string({ error: (i) => (i.input === undefined ? 'Path is required.' : 'Path must be text.') })
        .max(4096, { error: 'Path must be at most 4096 characters.' })
        .regex(PATH, {
          error:
            'Path must start with "/" and contain only visible ASCII characters (percent-encode others), without "#".',
        }),
      host: host.optional(),
      headers: fields('Headers', 'header').optional(),
      serviceName: z.unknown().optional(),
      metadata: z.unknown().optional(),
    },
    { error: OBJECT_ERROR },
  )
  .superRefine(refuseOther(['serviceName', 'metadata'], 'http', 'a method, a path, a host and headers'))
  .transform(({ serviceName: _s, metadata: _m, ...request }) => request);
export type HttpTestRequest = z.output<typeof HttpTestRequestSchema>;

/** A test request for a grpc gateway: `{ serviceName, methodName?, host?, metadata? }`. */
export const GrpcTestRequestSchema = z
  .object(
    {
      serviceName: grpcName('gRPC service name'),
      methodName: grpcName('Method name').optional(),
      host: host.optional(),
      metadata: fields('Metadata', 'metadata').optional(),
      path: z.unknown().optional(),
      headers: z.unknown().optional(),
      method: z.unknown().optional(),
    },
    { error: OBJECT_ERROR },
  )
  .superRefine(refuseOther(['path', 'headers', 'method'], 'grpc', 'a service name, a host and metadata'))
  .transform(({ path: _p, headers: _h, method: _m, ...request }) => request);
export type GrpcTestRequest = z.output<typeof GrpcTestRequestSchema>;

export type TestRequest = HttpTestRequest | GrpcTestRequest;

/** The body schema for a gateway whose listener speaks `protocol`. */
export function testRequestSchemaFor(protocol: VirtualGatewayPortProtocol) {
  return protocol === 'grpc' ? GrpcTestRequestSchema : HttpTestRequestSchema;
}

// ---------- the answer

export const TEST_REQUEST_OUTCOMES = ['matched', 'not-matched', 'lower-priority'] as const;
export type TestRequestOutcome = (typeof TEST_REQUEST_OUTCOMES)[number];

/**
 * What provides the target virtual service, and where the request goes from there: a virtual node takes it;
 * a virtual router's route (the first, in priority order, whose match holds) splits it over weighted nodes.
 * `null` when no route matched; absent from answers that do not follow the service.
 */
export const ServiceHopSchema = z.object({
  virtualServiceName: z.string(),
  /** `none`: the virtual service does not exist or has no provider. */
  provider: z.enum(['virtualNode', 'virtualRouter', 'none']),
  virtualNodeName: z.string().optional(),
  virtualRouterName: z.string().optional(),
  /** The router's route that takes the request (null when none of its routes matches). */
  route: z.object({ routeName: z.string(), priority: z.number().int().nullable() }).nullable().optional(),
  /** The nodes the route sends to, with the share of requests each receives (percent, weights normalised). */
  weightedTargets: z
    .array(z.object({ virtualNode: z.string(), weight: z.number().int(), percent: z.number() }))
    .optional(),
  reason: z.string(),
});
export type ServiceHop = z.infer<typeof ServiceHopSchema>;

export const TestRequestAnswerSchema = z.object({
  /** The gateway route that takes the request; `priority` is the spec's (null when not set). */
  matched: z.object({ gatewayRouteName: z.string(), priority: z.number().int().nullable() }).nullable(),
  target: z.object({ virtualServiceName: z.string(), port: z.number().int().nullable() }).nullable(),
  /** What the virtual service receives; `rewrites` says, one sentence each, what changed the host and the path. */
  forwarded: z.object({ host: z.string().nullable(), path: z.string(), rewrites: z.array(z.string()) }).nullable(),
  /** Every gateway route of the gateway, in the order the gateway tries them. */
  routes: z.array(
    z.object({ gatewayRouteName: z.string(), outcome: z.enum(TEST_REQUEST_OUTCOMES), reason: z.string() }),
  ),
  /** Beyond the gateway: the target virtual service's provider and, for a router, its route and nodes. */
  service: ServiceHopSchema.nullable().optional(),
});
export type TestRequestAnswer = z.infer<typeof TestRequestAnswerSchema>;

// ---------- route checks

export const ROUTE_CHECK_SEVERITIES = ['error', 'warning'] as const;
export type RouteCheckSeverity = (typeof ROUTE_CHECK_SEVERITIES)[number];

/** The codes, in packages/routing/README.md ("Route checks") with the reason for each. */
export const ROUTE_CHECK_CODES = [
  'duplicate',
  'shadowed',
  'port-mismatch',
  'protocol-mismatch',
  'reserved',
  'invalid-regex',
  'regex-too-complex',
  'unmatchable-path',
  'unmatchable-hostname',
  'host-header',
  'contradiction',
  'rewrite-path',
] as const;
export type RouteCheckCode = (typeof ROUTE_CHECK_CODES)[number];

export const RouteFindingSchema = z.object({
  gatewayRouteName: z.string(),
  severity: z.enum(ROUTE_CHECK_SEVERITIES),
  code: z.enum(ROUTE_CHECK_CODES),
  message: z.string(),
  /** The other route involved (the one that wins before a shadowed or duplicate route). */
  otherRoute: z.string().optional(),
  /** The spec field the finding is about, as a label path (`httpRoute.match.prefix`), for a form to show it there. */
  field: z.string().optional(),
});
export type RouteFinding = z.infer<typeof RouteFindingSchema>;

export const RouteChecksAnswerSchema = z.object({ findings: z.array(RouteFindingSchema) });
export type RouteChecksAnswer = z.infer<typeof RouteChecksAnswerSchema>;
