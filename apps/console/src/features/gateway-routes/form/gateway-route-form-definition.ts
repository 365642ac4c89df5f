import {
  type CreateGatewayRouteBody,
  CreateGatewayRouteBodySchema,
  fieldBounds,
  fieldLabel,
  type GatewayRouteSpec,
  GrpcGatewayRouteMatchSchema,
  type HeaderMatchMethod,
  HTTP_METHODS,
  type HttpGatewayRoute,
  HttpGatewayRouteMatchSchema,
} from '@meshconsole/model';
import { defineModelForm, FORM_ERROR, fieldText, type PathRow } from '../../../components/form/model-form';

/**
 * The gateway route form's declaration: what it holds (values exactly as the user typed them:
 * numbers are strings, optional sections are flags), the console API request they become
 * (`buildGatewayRouteBody`, validated with the model's schema so the browser rejects a value exactly
 * when the server would, with the same message), the way back (edit prefill), and where a problem at
 * each request path is shown (`GATEWAY_ROUTE_PATHS`, in page order).
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

/** The model's message for a match with no condition at all: what a match needs, as the service says it. */
function emptyMatchRule(schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }): string {
  const message = schema.safeParse({}).error?.issues[0]?.message;
  if (message === undefined) throw new Error('The model accepts an empty match');
  return message;
}

/** What an http/http2 and a grpc match need (the constraint text under the path and service name fields). */
export const MATCH_RULES = {
  http: emptyMatchRule(HttpGatewayRouteMatchSchema),
  grpc: emptyMatchRule(GrpcGatewayRouteMatchSchema),
} as const;

/** How many headers, metadata entries or query parameters a route may match (the model's list size). */
export const MAX_MATCH_ROWS = maxItems('httpRoute.match.headers');

function maxItems(path: string): number {
  const max = fieldBounds(path)?.max;
  if (max === undefined) throw new Error(`The model sets no size for ${path}`);
  return max;
}

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

/* ------------------------------------------------------------------------------------------------
 * Request paths -> form fields, in page order (`gateway-route-paths.test.tsx` checks every path the
 * model can report for the form's requests).
 * ---------------------------------------------------------------------------------------------- */

type Row = PathRow<GatewayRouteFormValues>;
type V = GatewayRouteFormValues;

/** The label of the path field for the chosen match type (the model's). */
export const PATH_MATCH_LABELS: Record<PathMatchType, string> = {
  prefix: fieldLabel('httpRoute.match.prefix'),
  exact: fieldLabel('httpRoute.match.path.exact'),
  regex: fieldLabel('httpRoute.match.path.regex'),
};

/** Whether the row a path names (its first `*` index) matches a range. */
const isRange =
  (rows: 'headers' | 'metadata') =>
  (v: V, [index]: string[]): boolean =>
    v[rows][Number(index)]?.method === 'range';

/** A header (http) or metadata (grpc) match list: name, one match method (range: start and end). */
function headerPathRows(list: string, rows: 'headers' | 'metadata'): Row[] {
  return [
    { path: list, field: `${rows}.0.name` },
    { path: `${list}.*`, field: `${rows}.$1.name` },
    { path: `${list}.*.name`, field: `${rows}.$1.name` },
    // A checkbox in a row has no message slot; the form sends a boolean.
    { path: `${list}.*.invert`, field: FORM_ERROR },
    // A range is typed in two inputs (start, end) where the other methods have one (value).
    { path: `${list}.*.match`, field: `${rows}.$1.rangeStart`, label: 'Value', when: isRange(rows) },
    { path: `${list}.*.match`, field: `${rows}.$1.value`, label: 'Value' },
    ...(['exact', 'prefix', 'suffix', 'regex'] as const).map(
      (m): Row => ({ path: `${list}.*.match.${m}`, field: `${rows}.$1.value`, label: 'Value' }),
    ),
    // Both ends are typed in the Value column and show their message there.
    { path: `${list}.*.match.range`, field: `${rows}.$1.rangeStart`, label: 'Value' },
    { path: `${list}.*.match.range.start`, field: `${rows}.$1.rangeStart`, label: 'Value' },
    { path: `${list}.*.match.range.end`, field: `${rows}.$1.rangeEnd`, label: 'Value' },
  ];
}

const prefixRewrite = (v: V) => v.pathMatchType === 'prefix' && v.overridePrefixRewrite;
const pathRewrite = (v: V) => v.pathMatchType !== 'prefix' && v.rewritePath;

function routeRows(route: 'httpRoute' | 'http2Route' | 'grpcRoute'): Row[] {
  const r = `spec.${route}`;
  const general: Row[] = [
    { path: r, field: 'routeType' },
    { path: `${r}.action`, field: 'virtualServiceName' },
    { path: `${r}.action.target`, field: 'virtualServiceName' },
    { path: `${r}.action.target.virtualService`, field: 'virtualServiceName' },
    { path: `${r}.action.target.virtualService.virtualServiceName`, field: 'virtualServiceName' },
    { path: `${r}.action.target.port`, field: 'targetPort' },
  ];
  const hostname: Row[] = [
    { path: `${r}.match.hostname`, field: 'hostname' },
    { path: `${r}.match.hostname.exact`, field: 'hostname' },
    { path: `${r}.match.hostname.suffix`, field: 'hostname' },
  ];
  // Rewrites the form sends: a hostname override is a checkbox (no message slot).
  const hostnameRewrite: Row[] = [
    { path: `${r}.action.rewrite.hostname`, field: FORM_ERROR },
    { path: `${r}.action.rewrite.hostname.defaultTargetHostname`, field: FORM_ERROR },
  ];
  if (route === 'grpcRoute') {
    return [
      ...general,
      { path: `${r}.match`, field: 'serviceName' },
      { path: `${r}.match.serviceName`, field: 'serviceName' },
      ...hostname,
      { path: `${r}.match.port`, field: 'matchPort' },
      ...headerPathRows(`${r}.match.metadata`, 'metadata'),
      { path: `${r}.action.rewrite`, field: FORM_ERROR },
      ...hostnameRewrite,
    ];
  }
  return [
    ...general,
    { path: `${r}.match`, field: 'pathValue' },
    { path: `${r}.match.method`, field: 'method' },
    { path: `${r}.match.port`, field: 'matchPort' },
    ...hostname,
    { path: `${r}.match.prefix`, field: 'pathValue' },
    { path: `${r}.match.path`, field: 'pathValue' },
    { path: `${r}.match.path.exact`, field: 'pathValue' },
    { path: `${r}.match.path.regex`, field: 'pathValue' },
    { path: `${r}.match.queryParameters`, field: 'queryParameters.0.name' },
    { path: `${r}.match.queryParameters.*`, field: 'queryParameters.$1.name' },
    { path: `${r}.match.queryParameters.*.name`, field: 'queryParameters.$1.name' },
    { path: `${r}.match.queryParameters.*.match`, field: 'queryParameters.$1.value' },
    { path: `${r}.match.queryParameters.*.match.exact`, field: 'queryParameters.$1.value' },
    ...headerPathRows(`${r}.match.headers`, 'headers'),
    // A rewrite the form sends is shown at its input; one without an input of its own (only the
    // hostname override) goes to the form error.
    { path: `${r}.action.rewrite`, field: 'prefixRewrite', when: prefixRewrite },
    { path: `${r}.action.rewrite`, field: 'pathRewrite', when: pathRewrite },
    { path: `${r}.action.rewrite`, field: FORM_ERROR },
    ...hostnameRewrite,
    { path: `${r}.action.rewrite.prefix`, field: 'prefixRewrite' },
    { path: `${r}.action.rewrite.prefix.value`, field: 'prefixRewrite' },
    { path: `${r}.action.rewrite.prefix.defaultPrefix`, field: 'prefixRewrite', label: 'Prefix rewrite' },
    { path: `${r}.action.rewrite.path`, field: 'pathRewrite' },
    { path: `${r}.action.rewrite.path.exact`, field: 'pathRewrite' },
  ];
}

export const GATEWAY_ROUTE_PATHS: ReadonlyArray<Row> = [
  { path: 'gatewayRouteName', field: 'gatewayRouteName' },
  // A spec without exactly one route kind: the route type chooses the kind.
  { path: 'spec', field: 'routeType', label: 'Gateway route type' },
  { path: 'spec.priority', field: 'priority' },
  ...routeRows('httpRoute'),
  ...routeRows('http2Route'),
  ...routeRows('grpcRoute'),
  // Sent by neither the create nor the edit page (tags live on the Tags tab; the console makes its own token).
  { path: 'tags', field: FORM_ERROR },
  { path: 'clientToken', field: FORM_ERROR },
];

/** `POST /api/meshes/:mesh/virtual-gateways/:name/gateway-routes` (the edit page sends its spec). */
export const GATEWAY_ROUTE_FORM = defineModelForm({
  schema: CreateGatewayRouteBodySchema,
  toRequest: buildGatewayRouteBody,
  paths: GATEWAY_ROUTE_PATHS,
  conflictField: 'gatewayRouteName',
});

/** A field's label and constraint text from the model (see `fieldText`). */
export function routeField(name: Parameters<typeof fieldText<V>>[1], ...more: string[]) {
  return fieldText(GATEWAY_ROUTE_FORM, name, ...more);
}
