import {
  type CreateGatewayRouteBody,
  type GatewayRouteSpec,
  type HeaderMatchMethod,
  HTTP_METHODS,
  type HttpGatewayRoute,
} from '@meshconsole/model';

/**
 * What the gateway route form holds: values exactly as the user typed them (numbers are strings,
 * optional sections are flags). `buildGatewayRouteBody` turns them into the console API request,
 * which is then validated with the model's schema, so the browser rejects a value exactly when the
 * server would, with the same message.
 */

export const GATEWAY_ROUTE_TYPES = ['http', 'http2', 'grpc'] as const;
export type GatewayRouteType = (typeof GATEWAY_ROUTE_TYPES)[number];

export const PATH_MATCH_TYPES = ['prefix', 'exact', 'regex'] as const;
export type PathMatchType = (typeof PATH_MATCH_TYPES)[number];

export const HOSTNAME_MATCH_TYPES = ['none', 'exact', 'suffix'] as const;
export type HostnameMatchType = (typeof HOSTNAME_MATCH_TYPES)[number];

export const MATCH_METHODS = ['exact', 'prefix', 'suffix', 'regex', 'range', 'present'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

export { HTTP_METHODS };

/** One row of the Headers (http/http2) or Metadata (grpc) editor. */
export interface HeaderMatchRow {
  name: string;
  method: MatchMethod;
  value: string;
  rangeStart: string;
  rangeEnd: string;
  invert: boolean;
}

/** One row of the Query parameters editor. */
export interface QueryParameterRow {
  name: string;
  value: string;
}

export interface GatewayRouteFormValues {
  gatewayRouteName: string;
  routeType: GatewayRouteType;
  virtualServiceName: string;
  /** Virtual service provider port. */
  targetPort: string;
  priority: string;
  /** '' matches any method. */
  method: string;
  matchPort: string;
  hostnameMatchType: HostnameMatchType;
  hostname: string;
  pathMatchType: PathMatchType;
  /** The prefix, the exact path or the path regex, per `pathMatchType`. */
  pathValue: string;
  queryParameters: QueryParameterRow[];
  headers: HeaderMatchRow[];
  /** gRPC service name. */
  serviceName: string;
  metadata: HeaderMatchRow[];
  overrideHostnameRewrite: boolean;
  overridePrefixRewrite: boolean;
  /** Empty keeps the matched prefix as it is; otherwise the prefix is replaced with this value. */
  prefixRewrite: string;
  /** Exact or regex path match: whether the path is rewritten. */
  rewritePath: boolean;
  pathRewrite: string;
}

export const MAX_MATCH_ROWS = 10;

export function emptyHeaderRow(): HeaderMatchRow {
  return { name: '', method: 'exact', value: '', rangeStart: '', rangeEnd: '', invert: false };
}

export function emptyQueryParameterRow(): QueryParameterRow {
  return { name: '', value: '' };
}

export function defaultGatewayRouteFormValues(): GatewayRouteFormValues {
  return {
    gatewayRouteName: '',
    routeType: 'http',
    virtualServiceName: '',
    targetPort: '',
    priority: '',
    method: '',
    matchPort: '',
    hostnameMatchType: 'none',
    hostname: '',
    pathMatchType: 'prefix',
    pathValue: '',
    queryParameters: [],
    headers: [],
    serviceName: '',
    metadata: [],
    overrideHostnameRewrite: false,
    overridePrefixRewrite: false,
    prefixRewrite: '',
    rewritePath: false,
    pathRewrite: '',
  };
}

export function routeKeyOf(type: GatewayRouteType): 'httpRoute' | 'http2Route' | 'grpcRoute' {
  return type === 'http' ? 'httpRoute' : type === 'http2' ? 'http2Route' : 'grpcRoute';
}

/**
 * '' (or blanks) means "not given"; anything else becomes a number, so `abc` or `1.5` reach the
 * schema and get its message ("... must be a number.", "... must be a whole number.").
 */
function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return Number(trimmed);
}

function headerMatch(row: HeaderMatchRow): HeaderMatchMethod | undefined {
  if (row.method === 'present') return undefined;
  if (row.method === 'range') {
    return { range: { start: optionalNumber(row.rangeStart) as number, end: optionalNumber(row.rangeEnd) as number } };
  }
  return { [row.method]: row.value } as HeaderMatchMethod;
}

function headerRows(rows: HeaderMatchRow[]) {
  if (rows.length === 0) return undefined;
  return rows.map((row) => {
    const match = headerMatch(row);
    return { name: row.name, ...(match ? { match } : {}), ...(row.invert ? { invert: true } : {}) };
  });
}

function hostnameMatch(values: GatewayRouteFormValues) {
  if (values.hostnameMatchType === 'none') return undefined;
  return values.hostnameMatchType === 'exact' ? { exact: values.hostname } : { suffix: values.hostname };
}

function target(values: GatewayRouteFormValues) {
  const port = optionalNumber(values.targetPort);
  return {
    virtualService: { virtualServiceName: values.virtualServiceName },
    ...(port !== undefined ? { port } : {}),
  };
}

function hostnameRewrite(values: GatewayRouteFormValues) {
  return values.overrideHostnameRewrite ? { defaultTargetHostname: 'DISABLED' as const } : undefined;
}

function httpRoute(values: GatewayRouteFormValues): HttpGatewayRoute {
  const match: HttpGatewayRoute['match'] = {};
  if (values.pathMatchType === 'prefix') {
    if (values.pathValue !== '') match.prefix = values.pathValue;
  } else if (values.pathValue !== '') {
    match.path = values.pathMatchType === 'exact' ? { exact: values.pathValue } : { regex: values.pathValue };
  }
  const hostname = hostnameMatch(values);
  if (hostname) match.hostname = hostname;
  if (values.method !== '') match.method = values.method as NonNullable<HttpGatewayRoute['match']['method']>;
  const port = optionalNumber(values.matchPort);
  if (port !== undefined) match.port = port;
  const headers = headerRows(values.headers);
  if (headers) match.headers = headers;
  if (values.queryParameters.length > 0) {
    match.queryParameters = values.queryParameters.map((q) => ({
      name: q.name,
      ...(q.value !== '' ? { match: { exact: q.value } } : {}),
    }));
  }

  const rewrite: NonNullable<HttpGatewayRoute['action']['rewrite']> = {};
  const hostnameRw = hostnameRewrite(values);
  if (hostnameRw) rewrite.hostname = hostnameRw;
  if (values.pathMatchType === 'prefix') {
    if (values.overridePrefixRewrite) {
      rewrite.prefix = values.prefixRewrite === '' ? { defaultPrefix: 'DISABLED' } : { value: values.prefixRewrite };
    }
  } else if (values.rewritePath) {
    // An empty value is sent as `{}` so the model's own rule reports it ("... is required for a path rewrite.").
    rewrite.path = values.pathRewrite === '' ? {} : { exact: values.pathRewrite };
  }

  return {
    match,
    action: {
      target: target(values),
      ...(Object.keys(rewrite).length > 0 ? { rewrite } : {}),
    },
  };
}

function grpcRoute(values: GatewayRouteFormValues): NonNullable<GatewayRouteSpec['grpcRoute']> {
  const match: NonNullable<GatewayRouteSpec['grpcRoute']>['match'] = {};
  if (values.serviceName !== '') match.serviceName = values.serviceName;
  const hostname = hostnameMatch(values);
  if (hostname) match.hostname = hostname;
  const port = optionalNumber(values.matchPort);
  if (port !== undefined) match.port = port;
  const metadata = headerRows(values.metadata);
  if (metadata) match.metadata = metadata;
  const hostnameRw = hostnameRewrite(values);
  return {
    match,
    action: {
      target: target(values),
      ...(hostnameRw ? { rewrite: { hostname: hostnameRw } } : {}),
    },
  };
}

/** The gateway route spec the form describes (only the chosen route type; disabled options send nothing). */
export function buildGatewayRouteSpec(values: GatewayRouteFormValues): GatewayRouteSpec {
  const spec: GatewayRouteSpec = {};
  if (values.routeType === 'grpc') spec.grpcRoute = grpcRoute(values);
  else spec[routeKeyOf(values.routeType) as 'httpRoute' | 'http2Route'] = httpRoute(values);
  const priority = optionalNumber(values.priority);
  if (priority !== undefined) spec.priority = priority;
  return spec;
}

/** `POST /api/meshes/:mesh/virtual-gateways/:name/gateway-routes` body. */
export function buildGatewayRouteBody(values: GatewayRouteFormValues): CreateGatewayRouteBody {
  return { gatewayRouteName: values.gatewayRouteName, spec: buildGatewayRouteSpec(values) };
}

// ---------------------------------------------------------------------------------------------
// The other way: an existing gateway route's spec -> form values (the edit page).

function headerRowOf(h: { name: string; invert?: boolean; match?: HeaderMatchMethod }): HeaderMatchRow {
  const row = { ...emptyHeaderRow(), name: h.name, invert: h.invert === true };
  const m = h.match;
  if (!m) return { ...row, method: 'present' };
  if (m.range) return { ...row, method: 'range', rangeStart: String(m.range.start), rangeEnd: String(m.range.end) };
  for (const method of ['exact', 'prefix', 'suffix', 'regex'] as const) {
    const value = m[method];
    if (value !== undefined) return { ...row, method, value };
  }
  return row;
}

function str(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

export function gatewayRouteFormValuesOf(name: string, spec: GatewayRouteSpec): GatewayRouteFormValues {
  const values: GatewayRouteFormValues = {
    ...defaultGatewayRouteFormValues(),
    gatewayRouteName: name,
    priority: str(spec.priority),
  };
  const http = spec.httpRoute ?? spec.http2Route;
  if (http) {
    values.routeType = spec.httpRoute ? 'http' : 'http2';
    const { match, action } = http;
    if (match.path?.exact !== undefined) {
      values.pathMatchType = 'exact';
      values.pathValue = match.path.exact;
    } else if (match.path?.regex !== undefined) {
      values.pathMatchType = 'regex';
      values.pathValue = match.path.regex;
    } else {
      values.pathMatchType = 'prefix';
      values.pathValue = match.prefix ?? '';
    }
    values.method = match.method ?? '';
    values.matchPort = str(match.port);
    values.headers = (match.headers ?? []).map(headerRowOf);
    values.queryParameters = (match.queryParameters ?? []).map((q) => ({ name: q.name, value: q.match?.exact ?? '' }));
    if (match.hostname?.exact !== undefined) {
      values.hostnameMatchType = 'exact';
      values.hostname = match.hostname.exact;
    } else if (match.hostname?.suffix !== undefined) {
      values.hostnameMatchType = 'suffix';
      values.hostname = match.hostname.suffix;
    }
    values.virtualServiceName = action.target.virtualService.virtualServiceName;
    values.targetPort = str(action.target.port);
    const rw = action.rewrite;
    values.overrideHostnameRewrite = rw?.hostname?.defaultTargetHostname === 'DISABLED';
    if (rw?.prefix) {
      values.overridePrefixRewrite = rw.prefix.defaultPrefix !== 'ENABLED';
      values.prefixRewrite = rw.prefix.value ?? '';
    }
    if (rw?.path) {
      values.rewritePath = true;
      values.pathRewrite = rw.path.exact ?? '';
    }
    return values;
  }
  const grpc = spec.grpcRoute;
  if (grpc) {
    values.routeType = 'grpc';
    values.serviceName = grpc.match.serviceName ?? '';
    values.matchPort = str(grpc.match.port);
    values.metadata = (grpc.match.metadata ?? []).map(headerRowOf);
    if (grpc.match.hostname?.exact !== undefined) {
      values.hostnameMatchType = 'exact';
      values.hostname = grpc.match.hostname.exact;
    } else if (grpc.match.hostname?.suffix !== undefined) {
      values.hostnameMatchType = 'suffix';
      values.hostname = grpc.match.hostname.suffix;
    }
    values.virtualServiceName = grpc.action.target.virtualService.virtualServiceName;
    values.targetPort = str(grpc.action.target.port);
    values.overrideHostnameRewrite = grpc.action.rewrite?.hostname?.defaultTargetHostname === 'DISABLED';
  }
  return values;
}
