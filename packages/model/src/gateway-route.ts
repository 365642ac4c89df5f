import { z } from 'zod';
import { RefBaseSchema, ResourceMetadataSchema, resourceName, StatusCodeSchema } from './common';
import { bool, exactlyOneMessage, int, label, list, long, oneOf, struct, text, union } from './fields';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
export const DEFAULT_REWRITES = ['ENABLED', 'DISABLED'] as const;
export const RESERVED_PREFIXES = ['/aws-appmesh', '/aws-app-mesh'] as const;
export const RESERVED_GRPC_SERVICE_PREFIXES = ['aws.app-mesh', 'aws.appmesh'] as const;

type RouteKey = 'httpRoute' | 'http2Route' | 'grpcRoute';

// ---------- shared pieces

/** Service-side rule: exactly one of the listed members (the model does not mark these as unions). */
export function exactlyOne<T extends z.ZodType>(schema: T, path: string, keys: readonly string[]) {
  const name = label(path);
  return schema.superRefine((value, ctx) => {
    const set = keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({ code: 'custom', message: exactlyOneMessage(name, keys, set), path: [] });
    }
  });
}

function hostnameMatch(path: string) {
  return exactlyOne(
    struct(path, {
      exact: text(`${path}.exact`, { min: 1, max: 253 }).optional(),
      suffix: text(`${path}.suffix`, { min: 1, max: 253 }).optional(),
    }),
    path,
    ['exact', 'suffix'],
  );
}

function matchRange(path: string) {
  return struct(path, { start: long(`${path}.start`), end: long(`${path}.end`) }).superRefine((range, ctx) => {
    if (range.end <= range.start) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(`${path}.end`)} must be greater than ${label(`${path}.start`)} (the end is excluded).`,
        path: ['end'],
      });
    }
  });
}

/** Model unions `HeaderMatchMethod` / `GrpcMetadataMatchMethod`: exactly one of exact, prefix, range, regex, suffix. */
export function headerMatchMethod(path: string) {
  return union(path, {
    exact: text(`${path}.exact`, { min: 1, max: 255 }).optional(),
    prefix: text(`${path}.prefix`, { min: 1, max: 255 }).optional(),
    range: matchRange(`${path}.range`).optional(),
    regex: text(`${path}.regex`, { min: 1, max: 255 }).optional(),
    suffix: text(`${path}.suffix`, { min: 1, max: 255 }).optional(),
  });
}

/** A list of header (http) or metadata (grpc) matches: 1 to 10 of `{ name, invert?, match? }`. */
export function fieldMatchList(path: string) {
  return list(
    path,
    struct(`${path}.*`, {
      name: text(`${path}.*.name`, { min: 1, max: 50 }),
      invert: bool(`${path}.*.invert`).optional(),
      match: headerMatchMethod(`${path}.*.match`).optional(),
    }),
    { min: 1, max: 10 },
  );
}

function target(path: string) {
  return struct(path, {
    virtualService: struct(`${path}.virtualService`, {
      virtualServiceName: resourceName(`${path}.virtualService.virtualServiceName`),
    }),
    port: int(`${path}.port`, { min: 1, max: 65535 }).optional(),
  });
}

function hostnameRewrite(path: string) {
  return struct(path, { defaultTargetHostname: oneOf(`${path}.defaultTargetHostname`, DEFAULT_REWRITES).optional() });
}

// ---------- HTTP / HTTP2

function httpRouteMatch(route: 'httpRoute' | 'http2Route') {
  const p = `${route}.match`;
  const prefixLabel = label(`${p}.prefix`);
  const prefix = text(`${p}.prefix`).superRefine((value, ctx) => {
    if (!value.startsWith('/')) {
      ctx.addIssue({ code: 'custom', message: `${prefixLabel} must start with "/".`, path: [] });
      return;
    }
    const lower = value.toLowerCase();
    const reserved = RESERVED_PREFIXES.find((r) => lower.startsWith(r));
    if (reserved) {
      ctx.addIssue({
        code: 'custom',
        message: `${prefixLabel} must not start with ${reserved}: the /aws-appmesh and /aws-app-mesh prefixes are reserved.`,
        path: [],
      });
    }
  });
  const queryParameter = struct(`${p}.queryParameters.*`, {
    name: text(`${p}.queryParameters.*.name`),
    match: struct(`${p}.queryParameters.*.match`, {
      exact: text(`${p}.queryParameters.*.match.exact`).optional(),
    })
      .superRefine((m, ctx) => {
        if (m.exact === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `${label(`${p}.queryParameters.*.match.exact`)} is required when a query parameter match is given.`,
            path: ['exact'],
          });
        }
      })
      .optional(),
  });
  return struct(p, {
    prefix: prefix.optional(),
    path: exactlyOne(
      struct(`${p}.path`, {
        exact: text(`${p}.path.exact`, { min: 1, max: 255 }).optional(),
        regex: text(`${p}.path.regex`, { min: 1, max: 255 }).optional(),
      }),
      `${p}.path`,
      ['exact', 'regex'],
    ).optional(),
    hostname: hostnameMatch(`${p}.hostname`).optional(),
    headers: fieldMatchList(`${p}.headers`).optional(),
    queryParameters: list(`${p}.queryParameters`, queryParameter, { min: 1, max: 10 }).optional(),
    method: oneOf(`${p}.method`, HTTP_METHODS).optional(),
    port: int(`${p}.port`, { min: 1, max: 65535 }).optional(),
  }).superRefine((match, ctx) => {
    // A match port alone is enough: App Mesh's multiple-listeners walkthrough routes by port only
    // (`"match": { "port": 1010 }`), so the service accepted it.
    if (
      match.prefix === undefined &&
      match.path === undefined &&
      match.hostname === undefined &&
      match.port === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(p)} needs a ${prefixLabel.toLowerCase()}, a path, a hostname or a port.`,
        path: ['prefix'],
      });
    }
    if (match.prefix !== undefined && match.path !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(p)} takes a ${prefixLabel.toLowerCase()} or a path, not both.`,
        path: ['path'],
      });
    }
  });
}

function httpRouteAction(route: 'httpRoute' | 'http2Route') {
  const a = `${route}.action`;
  const r = `${a}.rewrite`;
  const valueLabel = label(`${r}.prefix.value`);
  const prefixRewrite = struct(`${r}.prefix`, {
    defaultPrefix: oneOf(`${r}.prefix.defaultPrefix`, DEFAULT_REWRITES).optional(),
    value: text(`${r}.prefix.value`, { min: 1, max: 255 })
      .refine((v) => v.startsWith('/') && v.endsWith('/'), {
        error: `${valueLabel} must start and end with "/".`,
      })
      .optional(),
  }).superRefine((prefix, ctx) => {
    const keys = ['defaultPrefix', 'value'] as const;
    const set = keys.filter((k) => prefix[k] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: exactlyOneMessage(label(`${r}.prefix`), keys, set),
        path: set.length === 0 ? [] : ['value'],
      });
    }
  });
  const rewrite = struct(r, {
    hostname: hostnameRewrite(`${r}.hostname`).optional(),
    path: struct(`${r}.path`, { exact: text(`${r}.path.exact`, { min: 1, max: 255 }).optional() }).optional(),
    prefix: prefixRewrite.optional(),
  }).superRefine((rw, ctx) => {
    if (rw.hostname === undefined && rw.path === undefined && rw.prefix === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(r)} needs a hostname, path or prefix rewrite.`,
        path: [],
      });
    }
    if (rw.path !== undefined && rw.prefix !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(r)} takes a path rewrite or a prefix rewrite, not both.`,
        path: ['path'],
      });
    }
  });
  return struct(a, { target: target(`${a}.target`), rewrite: rewrite.optional() });
}

function httpGatewayRoute(route: 'httpRoute' | 'http2Route') {
  return struct(route, { match: httpRouteMatch(route), action: httpRouteAction(route) }).superRefine((r, ctx) => {
    const rewrite = r.action.rewrite;
    if (!rewrite) return;
    if (r.match.path !== undefined && rewrite.prefix !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'A route that matches an exact path or a path regex needs a path rewrite, not a prefix rewrite.',
        path: ['action', 'rewrite', 'prefix'],
      });
    }
    if (r.match.path === undefined && rewrite.path !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'A path rewrite needs a path match (exact or regex); a prefix match uses a prefix rewrite.',
        path: ['action', 'rewrite', 'path'],
      });
    }
    if (rewrite.path !== undefined && rewrite.path.exact === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${label('httpRoute.action.rewrite.path.exact')} is required.`,
        path: ['action', 'rewrite', 'path', 'exact'],
      });
    }
  });
}

export const HttpGatewayRouteSchema = httpGatewayRoute('httpRoute');
export type HttpGatewayRoute = z.infer<typeof HttpGatewayRouteSchema>;
export const Http2GatewayRouteSchema = httpGatewayRoute('http2Route');
export const HttpGatewayRouteMatchSchema = httpRouteMatch('httpRoute');
export type HttpGatewayRouteMatch = z.infer<typeof HttpGatewayRouteMatchSchema>;
export const HttpGatewayRouteActionSchema = httpRouteAction('httpRoute');
export type HttpGatewayRouteAction = z.infer<typeof HttpGatewayRouteActionSchema>;
export type HttpGatewayRouteRewrite = NonNullable<HttpGatewayRouteAction['rewrite']>;
export type GatewayRouteTarget = HttpGatewayRouteAction['target'];
export type GatewayRouteHostnameMatch = NonNullable<HttpGatewayRouteMatch['hostname']>;
export type HttpPathMatch = NonNullable<HttpGatewayRouteMatch['path']>;
export type HttpGatewayRouteHeader = NonNullable<HttpGatewayRouteMatch['headers']>[number];
export type HttpQueryParameter = NonNullable<HttpGatewayRouteMatch['queryParameters']>[number];
export type HeaderMatchMethod = NonNullable<HttpGatewayRouteHeader['match']>;
export type MatchRange = NonNullable<HeaderMatchMethod['range']>;

// ---------- GRPC

const G = 'grpcRoute';
const serviceNameLabel = label(`${G}.match.serviceName`);

export const GrpcGatewayRouteMatchSchema = struct(`${G}.match`, {
  serviceName: text(`${G}.match.serviceName`)
    .superRefine((value, ctx) => {
      const lower = value.toLowerCase();
      const reserved = RESERVED_GRPC_SERVICE_PREFIXES.find((r) => lower.startsWith(r));
      if (reserved) {
        ctx.addIssue({
          code: 'custom',
          message: `${serviceNameLabel} must not start with ${reserved}: aws.app-mesh and aws.appmesh names are reserved.`,
          path: [],
        });
      }
    })
    .optional(),
  hostname: hostnameMatch(`${G}.match.hostname`).optional(),
  metadata: fieldMatchList(`${G}.match.metadata`).optional(),
  port: int(`${G}.match.port`, { min: 1, max: 65535 }).optional(),
}).superRefine((match, ctx) => {
  // Unlike http, a port alone is not enough: the user guide asks for a service name and the App Mesh
  // controller for Kubernetes for "either ServiceName or Hostname"; no documented grpc route matches by port only.
  if (match.serviceName === undefined && match.hostname === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${label(`${G}.match`)} needs a service name or a hostname.`,
      path: ['serviceName'],
    });
  }
});
export type GrpcGatewayRouteMatch = z.infer<typeof GrpcGatewayRouteMatchSchema>;
export type GrpcGatewayRouteMetadata = NonNullable<GrpcGatewayRouteMatch['metadata']>[number];

export const GrpcGatewayRouteActionSchema = struct(`${G}.action`, {
  target: target(`${G}.action.target`),
  rewrite: struct(`${G}.action.rewrite`, {
    hostname: hostnameRewrite(`${G}.action.rewrite.hostname`).optional(),
  }).optional(),
});
export type GrpcGatewayRouteAction = z.infer<typeof GrpcGatewayRouteActionSchema>;

export const GrpcGatewayRouteSchema = struct(G, {
  match: GrpcGatewayRouteMatchSchema,
  action: GrpcGatewayRouteActionSchema,
});
export type GrpcGatewayRoute = z.infer<typeof GrpcGatewayRouteSchema>;

// ---------- spec

/**
 * A route spec sets exactly one of its route types (`keys`): the refinement both gateway route and route
 * specs use. `noun` names the resource in the message ("gateway route", "route").
 */
export function oneRouteType<K extends string>(noun: string, keys: readonly K[]) {
  const a = /^[aeiou]/.test(noun) ? 'An' : 'A';
  const listed = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]}` : keys.join('');
  return (spec: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) => {
    const set = keys.filter((k) => spec[k] !== undefined);
    if (set.length === 1) return;
    ctx.addIssue({
      code: 'custom',
      message:
        set.length === 0
          ? `${a} ${noun} needs exactly one route type: ${listed}.`
          : `${a} ${noun} has exactly one route type, not ${set.join(' and ')}.`,
      path: set.length === 0 ? [] : [set[1]!],
    });
  };
}

const ROUTE_KEYS: readonly RouteKey[] = ['httpRoute', 'http2Route', 'grpcRoute'];

export const GatewayRouteSpecSchema = struct('spec', {
  httpRoute: HttpGatewayRouteSchema.optional(),
  http2Route: Http2GatewayRouteSchema.optional(),
  grpcRoute: GrpcGatewayRouteSchema.optional(),
  priority: int('priority', { min: 0, max: 1000 }).optional(),
}).superRefine(oneRouteType('gateway route', ROUTE_KEYS));
export type GatewayRouteSpec = z.infer<typeof GatewayRouteSpecSchema>;

export const GatewayRouteStatusSchema = z.object({ status: StatusCodeSchema });
export type GatewayRouteStatus = z.infer<typeof GatewayRouteStatusSchema>;

export const GatewayRouteDataSchema = z.object({
  meshName: z.string(),
  virtualGatewayName: z.string(),
  gatewayRouteName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: GatewayRouteSpecSchema,
  status: GatewayRouteStatusSchema,
});
export type GatewayRouteData = z.infer<typeof GatewayRouteDataSchema>;

export const GatewayRouteRefSchema = RefBaseSchema.extend({
  virtualGatewayName: z.string(),
  gatewayRouteName: z.string(),
});
export type GatewayRouteRef = z.infer<typeof GatewayRouteRefSchema>;
