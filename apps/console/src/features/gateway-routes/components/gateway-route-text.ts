import {
  describeCliJson,
  type GatewayRouteData,
  type GatewayRouteSpec,
  type HeaderMatchMethod,
} from '@meshconsole/model';

/** Console texts for a gateway route, shared by the table and the details page. */

export type RouteType = 'http' | 'http2' | 'grpc';

export function routeTypeOf(spec: GatewayRouteSpec): RouteType | undefined {
  if (spec.httpRoute) return 'http';
  if (spec.http2Route) return 'http2';
  if (spec.grpcRoute) return 'grpc';
  return undefined;
}

export function headerMatchText(match: HeaderMatchMethod | undefined, invert?: boolean): string {
  let text = 'is present';
  if (match?.exact !== undefined) text = `equals "${match.exact}"`;
  else if (match?.prefix !== undefined) text = `starts with "${match.prefix}"`;
  else if (match?.suffix !== undefined) text = `ends with "${match.suffix}"`;
  else if (match?.regex !== undefined) text = `matches regex "${match.regex}"`;
  else if (match?.range !== undefined)
    text = `is in the range ${match.range.start} to ${match.range.end} (end excluded)`;
  return invert ? `not (${text})` : text;
}

function hostnameText(hostname: { exact?: string; suffix?: string } | undefined): string | undefined {
  if (hostname?.exact !== undefined) return `host ${hostname.exact}`;
  if (hostname?.suffix !== undefined) return `host *${hostname.suffix}`;
  return undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One line for the table: "Prefix /color · GET · host api.example.com · 2 headers". */
export function matchSummary(spec: GatewayRouteSpec): string {
  const parts: string[] = [];
  const http = spec.httpRoute ?? spec.http2Route;
  if (http) {
    const m = http.match;
    if (m.prefix !== undefined) parts.push(`Prefix ${m.prefix}`);
    if (m.path?.exact !== undefined) parts.push(`Exact path ${m.path.exact}`);
    if (m.path?.regex !== undefined) parts.push(`Path regex ${m.path.regex}`);
    if (m.method) parts.push(m.method);
    const host = hostnameText(m.hostname);
    if (host) parts.push(host);
    if (m.port !== undefined) parts.push(`port ${m.port}`);
    if (m.headers?.length) parts.push(plural(m.headers.length, 'header'));
    if (m.queryParameters?.length) parts.push(plural(m.queryParameters.length, 'query parameter'));
  }
  const grpc = spec.grpcRoute;
  if (grpc) {
    const m = grpc.match;
    if (m.serviceName !== undefined) parts.push(`Service ${m.serviceName}`);
    const host = hostnameText(m.hostname);
    if (host) parts.push(host);
    if (m.port !== undefined) parts.push(`port ${m.port}`);
    if (m.metadata?.length) parts.push(plural(m.metadata.length, 'metadata entry').replace('entrys', 'entries'));
  }
  return parts.length > 0 ? parts.join(' · ') : '-';
}

export function targetOf(spec: GatewayRouteSpec): { virtualServiceName: string; port?: number } | undefined {
  const route = spec.httpRoute ?? spec.http2Route ?? spec.grpcRoute;
  if (!route) return undefined;
  return { virtualServiceName: route.action.target.virtualService.virtualServiceName, port: route.action.target.port };
}

/** What happens to the request's host and path on the way to the target, in console terms. */
export function rewriteTexts(spec: GatewayRouteSpec): { hostname: string; path?: string } {
  const target = targetOf(spec)?.virtualServiceName ?? 'the target virtual service';
  const http = spec.httpRoute ?? spec.http2Route;
  const rewrite = http?.action.rewrite ?? spec.grpcRoute?.action.rewrite;
  const hostname =
    rewrite?.hostname?.defaultTargetHostname === 'DISABLED'
      ? 'Kept as the client sent it (automatic rewrite overridden).'
      : `Rewritten to ${target} (default).`;
  if (!http) return { hostname };
  const rw = http.action.rewrite;
  if (http.match.prefix !== undefined) {
    let path = `The matched prefix ${http.match.prefix} is rewritten to / (default).`;
    if (rw?.prefix?.value !== undefined)
      path = `The matched prefix ${http.match.prefix} is rewritten to ${rw.prefix.value}.`;
    else if (rw?.prefix?.defaultPrefix === 'DISABLED')
      path = 'Kept as the client sent it (automatic rewrite overridden).';
    return { hostname, path };
  }
  if (http.match.path !== undefined) {
    return {
      hostname,
      path: rw?.path?.exact !== undefined ? `Rewritten to ${rw.path.exact}.` : 'Kept as the client sent it.',
    };
  }
  return { hostname, path: 'Kept as the client sent it.' };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Whether two JSON values are equal regardless of key order (an edit that changes nothing). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

/** `aws appmesh describe-gateway-route` output, as the CLI prints it (the model's printer). */
export function describeGatewayRouteJson(route: GatewayRouteData): string {
  return describeCliJson('gatewayRoute', route);
}
