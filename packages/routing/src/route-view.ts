// A gateway route spec in the terms the gateway evaluates it: one path condition, one host condition,
// header / query / metadata conditions, and the rewrites with their defaults filled in.
import type {
  GatewayRouteSpec,
  GrpcGatewayRouteMetadata,
  HttpGatewayRouteHeader,
  HttpQueryParameter,
  VirtualGatewayPortProtocol,
} from '@meshconsole/model';

/** A gateway route as the routing functions take it: its name and its (schema-valid) spec. */
export interface GatewayRouteEntry {
  gatewayRouteName: string;
  spec: GatewayRouteSpec;
}

/** The virtual gateway's one listener. */
export interface GatewayListener {
  port: number;
  protocol: VirtualGatewayPortProtocol;
}

export type RouteKey = 'httpRoute' | 'http2Route' | 'grpcRoute';

export const PROTOCOL_OF: Readonly<Record<RouteKey, VirtualGatewayPortProtocol>> = {
  httpRoute: 'http',
  http2Route: 'http2',
  grpcRoute: 'grpc',
};

/** The route key a listener's protocol takes (`http` -> `httpRoute`). */
export function routeKeyFor(protocol: VirtualGatewayPortProtocol): RouteKey {
  return (Object.keys(PROTOCOL_OF) as RouteKey[]).find((k) => PROTOCOL_OF[k] === protocol)!;
}

/** An unset priority sorts as 1000, the lowest (the App Mesh controller for Kubernetes: "Default Priority is 1000"). */
export const DEFAULT_PRIORITY = 1000;

export type PathCondition =
  | { kind: 'any' }
  | { kind: 'prefix'; value: string }
  | { kind: 'exact'; value: string }
  | { kind: 'regex'; value: string };

export type HostCondition = { kind: 'any' } | { kind: 'exact'; value: string } | { kind: 'suffix'; value: string };

export type ValueTest =
  | { kind: 'present' }
  | { kind: 'exact' | 'prefix' | 'suffix' | 'regex'; value: string }
  | { kind: 'range'; start: number; end: number };

/** A header (http) or metadata (grpc) condition; `name` is lower case. */
export interface FieldCondition {
  name: string;
  test: ValueTest;
  invert: boolean;
  /** Where it is in the spec, for findings: `httpRoute.match.headers.2`. */
  field: string;
}

export interface QueryCondition {
  name: string;
  test: { kind: 'present' } | { kind: 'exact'; value: string };
  field: string;
}

export type PathRewrite =
  /** Replace the matched prefix (the path's first `/` when the route has no prefix) with `value`. */
  | { kind: 'prefix'; value: string; source: 'default' | 'enabled' | 'value' }
  | { kind: 'keep'; source: 'disabled' | 'path-match' | 'grpc' }
  | { kind: 'exact'; value: string };

export interface RouteView {
  name: string;
  key: RouteKey;
  protocol: VirtualGatewayPortProtocol;
  /** The spec's priority, if set. */
  priority: number | undefined;
  /** The priority it sorts by. */
  rank: number;
  port: number | undefined;
  method: string | undefined;
  path: PathCondition;
  host: HostCondition;
  /** grpc only */
  serviceName: string | undefined;
  /** http headers or grpc metadata */
  fields: FieldCondition[];
  query: QueryCondition[];
  target: { virtualServiceName: string; port: number | undefined };
  hostRewrite: { kind: 'target'; source: 'default' | 'enabled' } | { kind: 'keep' };
  pathRewrite: PathRewrite;
}

export function routeKeyOf(spec: GatewayRouteSpec): RouteKey {
  if (spec.httpRoute) return 'httpRoute';
  if (spec.http2Route) return 'http2Route';
  return 'grpcRoute';
}

export function valueTest(match: HttpGatewayRouteHeader['match']): ValueTest {
  if (!match) return { kind: 'present' };
  if (match.exact !== undefined) return { kind: 'exact', value: match.exact };
  if (match.prefix !== undefined) return { kind: 'prefix', value: match.prefix };
  if (match.suffix !== undefined) return { kind: 'suffix', value: match.suffix };
  if (match.regex !== undefined) return { kind: 'regex', value: match.regex };
  if (match.range !== undefined) return { kind: 'range', start: match.range.start, end: match.range.end };
  return { kind: 'present' };
}

export function fieldConditions(
  list: readonly (HttpGatewayRouteHeader | GrpcGatewayRouteMetadata)[] | undefined,
  at: string,
): FieldCondition[] {
  return (list ?? []).map((h, i) => ({
    name: h.name.toLowerCase(),
    test: valueTest(h.match),
    invert: h.invert === true,
    field: `${at}.${i}`,
  }));
}

function queryConditions(list: readonly HttpQueryParameter[] | undefined, at: string): QueryCondition[] {
  return (list ?? []).map((q, i) => ({
    name: q.name,
    test: q.match?.exact !== undefined ? { kind: 'exact', value: q.match.exact } : { kind: 'present' },
    field: `${at}.${i}`,
  }));
}

function hostCondition(hostname: { exact?: string; suffix?: string } | undefined): HostCondition {
  if (hostname?.exact !== undefined) return { kind: 'exact', value: hostname.exact.toLowerCase() };
  if (hostname?.suffix !== undefined) return { kind: 'suffix', value: hostname.suffix.toLowerCase() };
  return { kind: 'any' };
}

function hostRewrite(defaultTargetHostname: string | undefined): RouteView['hostRewrite'] {
  if (defaultTargetHostname === 'DISABLED') return { kind: 'keep' };
  return { kind: 'target', source: defaultTargetHostname === 'ENABLED' ? 'enabled' : 'default' };
}

/** The route as the gateway evaluates it. The spec must be schema-valid (one route type). */
export function viewOf(entry: GatewayRouteEntry): RouteView {
  const { spec } = entry;
  const key = routeKeyOf(spec);
  // Object literals written out in full, not spread from a shared base: spreading is far slower in V8,
  // and a gateway with 1,000 routes builds 1,000 views per request.
  if (key === 'grpcRoute') {
    const route = spec.grpcRoute!;
    return {
      name: entry.gatewayRouteName,
      key,
      protocol: PROTOCOL_OF[key],
      priority: spec.priority,
      rank: spec.priority ?? DEFAULT_PRIORITY,
      port: route.match.port,
      method: undefined,
      path: { kind: 'any' },
      host: hostCondition(route.match.hostname),
      serviceName: route.match.serviceName,
      fields: fieldConditions(route.match.metadata, `${key}.match.metadata`),
      query: [],
      target: {
        virtualServiceName: route.action.target.virtualService.virtualServiceName,
        port: route.action.target.port,
      },
      hostRewrite: hostRewrite(route.action.rewrite?.hostname?.defaultTargetHostname),
      pathRewrite: { kind: 'keep', source: 'grpc' },
    };
  }
  const route = (key === 'httpRoute' ? spec.httpRoute : spec.http2Route)!;
  const { match, action } = route;
  const path: PathCondition =
    match.prefix !== undefined
      ? { kind: 'prefix', value: match.prefix }
      : match.path?.exact !== undefined
        ? { kind: 'exact', value: match.path.exact }
        : match.path?.regex !== undefined
          ? { kind: 'regex', value: match.path.regex }
          : { kind: 'any' };
  const rewrite = action.rewrite;
  let pathRewrite: PathRewrite;
  if (path.kind === 'exact' || path.kind === 'regex') {
    pathRewrite =
      rewrite?.path?.exact !== undefined
        ? { kind: 'exact', value: rewrite.path.exact }
        : { kind: 'keep', source: 'path-match' };
  } else if (rewrite?.prefix?.value !== undefined) {
    pathRewrite = { kind: 'prefix', value: rewrite.prefix.value, source: 'value' };
  } else if (rewrite?.prefix?.defaultPrefix === 'DISABLED') {
    pathRewrite = { kind: 'keep', source: 'disabled' };
  } else {
    pathRewrite = {
      kind: 'prefix',
      value: '/',
      source: rewrite?.prefix?.defaultPrefix === 'ENABLED' ? 'enabled' : 'default',
    };
  }
  return {
    name: entry.gatewayRouteName,
    key,
    protocol: PROTOCOL_OF[key],
    priority: spec.priority,
    rank: spec.priority ?? DEFAULT_PRIORITY,
    port: match.port,
    method: match.method,
    path,
    host: hostCondition(match.hostname),
    serviceName: undefined,
    fields: fieldConditions(match.headers, `${key}.match.headers`),
    query: queryConditions(match.queryParameters, `${key}.match.queryParameters`),
    target: { virtualServiceName: action.target.virtualService.virtualServiceName, port: action.target.port },
    hostRewrite: hostRewrite(rewrite?.hostname?.defaultTargetHostname),
    pathRewrite,
  };
}
