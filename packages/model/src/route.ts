import { z } from 'zod';
import { RefBaseSchema, ResourceMetadataSchema, resourceName, StatusCodeSchema } from './common';
import { int, label, list, oneOf, struct, text } from './fields';
import { exactlyOne, fieldMatchList, HTTP_METHODS, oneRouteType } from './gateway-route';
import { duration } from './virtual-node';

export const HTTP_SCHEMES = ['http', 'https'] as const;
export const GRPC_RETRY_EVENTS = [
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
] as const;
export const TCP_RETRY_EVENTS = ['connection-error'] as const;
export const ROUTE_TYPES = ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];

// ---------- shared pieces

function weightedTargets(route: RouteType) {
  const w = `${route}.action.weightedTargets`;
  return struct(`${route}.action`, {
    weightedTargets: list(
      w,
      struct(`${w}.*`, {
        virtualNode: resourceName(`${w}.*.virtualNode`),
        weight: int(`${w}.*.weight`, { min: 0, max: 100 }),
        port: int(`${w}.*.port`, { min: 1, max: 65535 }).optional(),
      }),
      { min: 1, max: 10 },
    ),
  });
}

function retryPolicy(route: Exclude<RouteType, 'tcpRoute'>) {
  const r = `${route}.retryPolicy`;
  const events = ['httpRetryEvents', 'tcpRetryEvents', ...(route === 'grpcRoute' ? ['grpcRetryEvents'] : [])];
  return struct(r, {
    maxRetries: int(`${r}.maxRetries`, { min: 0, width: 'long' }),
    perRetryTimeout: duration(`${r}.perRetryTimeout`),
    httpRetryEvents: list(`${r}.httpRetryEvents`, text(`${r}.httpRetryEvents.*`, { min: 1, max: 25 }), {
      min: 1,
      max: 25,
    }).optional(),
    tcpRetryEvents: list(`${r}.tcpRetryEvents`, oneOf(`${r}.tcpRetryEvents.*`, TCP_RETRY_EVENTS), {
      min: 1,
      max: 1,
    }).optional(),
    ...(route === 'grpcRoute'
      ? {
          grpcRetryEvents: list(`${r}.grpcRetryEvents`, oneOf(`${r}.grpcRetryEvents.*`, GRPC_RETRY_EVENTS), {
            min: 1,
            max: 5,
          }).optional(),
        }
      : {}),
  }).superRefine((policy, ctx) => {
    // HttpRetryPolicy / GrpcRetryPolicy: "Specify at least one value for at least one of the types of RetryEvents".
    if (!events.some((e) => (policy as Record<string, unknown>)[e] !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(r)} needs at least one retry event (${events.map((e) => label(`${r}.${e}`)).join(', ')}).`,
        path: [],
      });
    }
  });
}

function timeout(route: RouteType) {
  const t = `${route}.timeout`;
  return struct(t, {
    idle: duration(`${t}.idle`).optional(),
    ...(route === 'tcpRoute' ? {} : { perRequest: duration(`${t}.perRequest`).optional() }),
  });
}

// ---------- HTTP / HTTP2

function httpRouteMatch(route: 'httpRoute' | 'http2Route') {
  const p = `${route}.match`;
  const prefixLabel = label(`${p}.prefix`);
  return struct(p, {
    prefix: text(`${p}.prefix`)
      .refine((v) => v.startsWith('/'), { error: `${prefixLabel} must start with "/".` })
      .optional(),
    path: exactlyOne(
      struct(`${p}.path`, {
        exact: text(`${p}.path.exact`, { min: 1, max: 255 }).optional(),
        regex: text(`${p}.path.regex`, { min: 1, max: 255 }).optional(),
      }),
      `${p}.path`,
      ['exact', 'regex'],
    ).optional(),
    headers: fieldMatchList(`${p}.headers`).optional(),
    queryParameters: list(
      `${p}.queryParameters`,
      struct(`${p}.queryParameters.*`, {
        name: text(`${p}.queryParameters.*.name`),
        match: struct(`${p}.queryParameters.*.match`, {
          exact: text(`${p}.queryParameters.*.match.exact`).optional(),
        }).optional(),
      }),
      { min: 1, max: 10 },
    ).optional(),
    method: oneOf(`${p}.method`, HTTP_METHODS).optional(),
    scheme: oneOf(`${p}.scheme`, HTTP_SCHEMES).optional(),
    port: int(`${p}.port`, { min: 1, max: 65535 }).optional(),
  }).superRefine((match, ctx) => {
    // HttpRouteMatch.prefix: "This parameter must always start with /"; a route matches a prefix or a path.
    const set = (['prefix', 'path'] as const).filter((k) => match[k] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          set.length === 0
            ? `${label(p)} needs a ${prefixLabel.toLowerCase()} or a path.`
            : `${label(p)} takes a ${prefixLabel.toLowerCase()} or a path, not both.`,
        path: set.length === 0 ? ['prefix'] : ['path'],
      });
    }
  });
}

function httpRoute(route: 'httpRoute' | 'http2Route') {
  return struct(route, {
    match: httpRouteMatch(route),
    action: weightedTargets(route),
    retryPolicy: retryPolicy(route).optional(),
    timeout: timeout(route).optional(),
  });
}

export const HttpRouteSchema = httpRoute('httpRoute');
export type HttpRoute = z.infer<typeof HttpRouteSchema>;
export type WeightedTarget = HttpRoute['action']['weightedTargets'][number];
export type HttpRouteMatch = HttpRoute['match'];

// ---------- GRPC

const G = 'grpcRoute';

export const GrpcRouteSchema = struct(G, {
  match: struct(`${G}.match`, {
    serviceName: text(`${G}.match.serviceName`).optional(),
    methodName: text(`${G}.match.methodName`, { min: 1, max: 50 }).optional(),
    metadata: fieldMatchList(`${G}.match.metadata`).optional(),
    port: int(`${G}.match.port`, { min: 1, max: 65535 }).optional(),
  }).superRefine((match, ctx) => {
    // GrpcRouteMatch.methodName: "If you specify a name, you must also specify a serviceName."
    if (match.methodName !== undefined && match.serviceName === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(`${G}.match.methodName`)} needs a ${label(`${G}.match.serviceName`)}.`,
        path: ['serviceName'],
      });
    }
  }),
  action: weightedTargets(G),
  retryPolicy: retryPolicy(G).optional(),
  timeout: timeout(G).optional(),
});
export type GrpcRoute = z.infer<typeof GrpcRouteSchema>;

// ---------- TCP

export const TcpRouteSchema = struct('tcpRoute', {
  match: struct('tcpRoute.match', { port: int('tcpRoute.match.port', { min: 1, max: 65535 }).optional() }).optional(),
  action: weightedTargets('tcpRoute'),
  timeout: timeout('tcpRoute').optional(),
});
export type TcpRoute = z.infer<typeof TcpRouteSchema>;

// ---------- spec

export const RouteSpecSchema = struct('spec', {
  httpRoute: HttpRouteSchema.optional(),
  http2Route: httpRoute('http2Route').optional(),
  grpcRoute: GrpcRouteSchema.optional(),
  tcpRoute: TcpRouteSchema.optional(),
  priority: int('priority', { min: 0, max: 1000 }).optional(),
  // RouteSpec: "Specify one route type."
}).superRefine(oneRouteType('route', ROUTE_TYPES));
export type RouteSpec = z.infer<typeof RouteSpecSchema>;

/** The route type a spec sets, and its weighted targets. */
export function routeTargets(spec: RouteSpec): { type: RouteType; targets: WeightedTarget[] } | undefined {
  for (const type of ROUTE_TYPES) {
    const route = spec[type];
    if (route) return { type, targets: route.action.weightedTargets };
  }
  return undefined;
}

export const RouteStatusSchema = z.object({ status: StatusCodeSchema });
export type RouteStatus = z.infer<typeof RouteStatusSchema>;

export const RouteDataSchema = z.object({
  meshName: z.string(),
  virtualRouterName: z.string(),
  routeName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: RouteSpecSchema,
  status: RouteStatusSchema,
});
export type RouteData = z.infer<typeof RouteDataSchema>;

export const RouteRefSchema = RefBaseSchema.extend({ virtualRouterName: z.string(), routeName: z.string() });
export type RouteRef = z.infer<typeof RouteRefSchema>;
