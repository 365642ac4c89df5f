import {
  type GatewayRouteHostnameMatch,
  type GatewayRouteSpec,
  type HttpGatewayRouteHeader,
  type TestRequest,
  testRequestSchemaFor,
  type VirtualGatewayPortProtocol,
} from '@meshconsole/model';
import { fullMatch, literalPrefix } from '@meshconsole/routing';

/**
 * A request the route form's preview sends through its own route: one that the match describes (the
 * guide's example for a prefix: `/chapter` gives `/chapter/1`), on the gateway's listener protocol. Undefined
 * when the console cannot make one up (a regex path with no literal that matches it).
 */

const ANY_HOST = 'www.example.com';

function hostFor(hostname: GatewayRouteHostnameMatch | undefined): string {
  if (hostname?.exact !== undefined) return hostname.exact;
  if (hostname?.suffix !== undefined)
    return hostname.suffix.startsWith('.') ? `www${hostname.suffix}` : `www.${hostname.suffix}`;
  return ANY_HOST;
}

/** A value that passes a header (or metadata) match, or undefined to leave the header out (an inverted match). */
function fieldValue(header: HttpGatewayRouteHeader): string | undefined {
  if (header.invert) return undefined;
  const m = header.match;
  if (!m) return '1';
  if (m.exact !== undefined) return m.exact;
  if (m.prefix !== undefined) return `${m.prefix}x`;
  if (m.suffix !== undefined) return `x${m.suffix}`;
  if (m.range !== undefined) return String(m.range.start);
  if (m.regex !== undefined) return fullMatch(m.regex, literalPrefix(m.regex)) ? literalPrefix(m.regex) : undefined;
  return '1';
}

function fields(headers: readonly HttpGatewayRouteHeader[] | undefined): Record<string, string> | undefined {
  const entries = (headers ?? []).flatMap((h) => {
    const value = fieldValue(h);
    return value === undefined ? [] : [[h.name, value] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function samplePath(match: NonNullable<GatewayRouteSpec['httpRoute']>['match']): string | undefined {
  if (match.path?.exact !== undefined) return match.path.exact;
  if (match.path?.regex !== undefined) {
    const literal = literalPrefix(match.path.regex);
    return literal.startsWith('/') && fullMatch(match.path.regex, literal) ? literal : undefined;
  }
  const prefix = match.prefix ?? '/';
  if (prefix === '/') return '/1';
  return prefix.endsWith('/') ? `${prefix}1` : `${prefix}/1`;
}

export function sampleRequest(spec: GatewayRouteSpec, protocol: VirtualGatewayPortProtocol): TestRequest | undefined {
  const http = spec.httpRoute ?? spec.http2Route;
  let request: unknown;
  if (protocol === 'grpc') {
    const match = spec.grpcRoute?.match;
    request = {
      serviceName: match?.serviceName ?? 'pkg.Service',
      methodName: 'Method',
      host: hostFor(match?.hostname),
      metadata: fields(match?.metadata),
    };
  } else {
    const match = http?.match ?? {};
    const path = samplePath(match);
    if (path === undefined) return undefined;
    const query = (match.queryParameters ?? []).map((q) => `${q.name}=${q.match?.exact ?? '1'}`).join('&');
    request = {
      method: match.method ?? 'GET',
      path: query ? `${path}?${query}` : path,
      host: hostFor(match.hostname),
      headers: fields(match.headers),
    };
  }
  const parsed = testRequestSchemaFor(protocol).safeParse(request);
  return parsed.success ? parsed.data : undefined;
}
