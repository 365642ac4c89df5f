import { type RouteData, type RouteSpec, routeTargets, type WeightedTarget } from '@meshconsole/model';

/** Console texts for a virtual router's routes. */

const TYPE_TEXT = { httpRoute: 'HTTP', http2Route: 'HTTP2', grpcRoute: 'gRPC', tcpRoute: 'TCP' } as const;

export function routeTypeText(spec: RouteSpec): string {
  const found = routeTargets(spec);
  return found ? TYPE_TEXT[found.type] : '-';
}

/** What a route matches: `prefix /`, `path /a (exact)`, `GET`, headers, a gRPC service and method, a port. */
export function routeMatchText(spec: RouteSpec): string {
  const http = spec.httpRoute ?? spec.http2Route;
  const parts: string[] = [];
  if (http) {
    const m = http.match;
    if (m.prefix !== undefined) parts.push(`prefix ${m.prefix}`);
    if (m.path?.exact !== undefined) parts.push(`path ${m.path.exact}`);
    if (m.path?.regex !== undefined) parts.push(`path regex ${m.path.regex}`);
    if (m.method) parts.push(`method ${m.method}`);
    if (m.scheme) parts.push(`scheme ${m.scheme}`);
    for (const h of m.headers ?? []) parts.push(`header ${h.name}${h.invert ? ' (inverted)' : ''}`);
    for (const q of m.queryParameters ?? []) parts.push(`query ${q.name}`);
    if (m.port !== undefined) parts.push(`port ${m.port}`);
  }
  const grpc = spec.grpcRoute;
  if (grpc) {
    const m = grpc.match;
    if (m.serviceName !== undefined) parts.push(`service ${m.serviceName}${m.methodName ? `/${m.methodName}` : ''}`);
    for (const md of m.metadata ?? []) parts.push(`metadata ${md.name}${md.invert ? ' (inverted)' : ''}`);
    if (m.port !== undefined) parts.push(`port ${m.port}`);
  }
  if (spec.tcpRoute?.match?.port !== undefined) parts.push(`port ${spec.tcpRoute.match.port}`);
  return parts.length > 0 ? parts.join(', ') : 'Any request';
}

export interface TargetShare extends WeightedTarget {
  /** The share of requests, rounded to a whole percent (0 when every weight is 0). */
  percent: number;
}

/** The weighted targets with each one's share of the requests. */
export function targetShares(spec: RouteSpec): TargetShare[] {
  const targets = routeTargets(spec)?.targets ?? [];
  const total = targets.reduce((sum, t) => sum + t.weight, 0);
  return targets.map((t) => ({ ...t, percent: total === 0 ? 0 : Math.round((t.weight / total) * 100) }));
}

/** `catalog-v1 (weight 80, 80%), catalog-v2 (weight 20, 20%)` */
export function targetsText(spec: RouteSpec): string {
  return targetShares(spec)
    .map((t) => `${t.virtualNode}${t.port === undefined ? '' : `:${t.port}`} (weight ${t.weight}, ${t.percent}%)`)
    .join(', ');
}

/** Routes in the order App Mesh tries them: priority (0 first; none last), then name. */
export function byPriority(a: RouteData, b: RouteData): number {
  const pa = a.spec.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.spec.priority ?? Number.POSITIVE_INFINITY;
  return pa === pb ? a.routeName.localeCompare(b.routeName) : pa - pb;
}
