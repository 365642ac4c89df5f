// A test request in the form the gateway's Envoy sees it.
import type { GrpcTestRequest, HttpTestRequest, TestRequest } from '@meshconsole/model';

export interface GatewayRequest {
  grpc: boolean;
  method: string | undefined;
  /** `:path` as sent, query string included. */
  fullPath: string;
  /** the path without the query string */
  path: string;
  /** query parameters, not percent-decoded; the first of a repeated name wins (Envoy's parseQueryString) */
  query: ReadonlyMap<string, string>;
  /** the Host header as given, or null */
  host: string | null;
  /** the host compared with hostname matches: lower case, without a `:port` */
  hostName: string | null;
  serviceName: string | undefined;
  /** headers (http) or metadata (grpc), names in lower case */
  fields: ReadonlyMap<string, string>;
}

/** `name=value&name2` as Envoy's router reads it: split on `&` and the first `=`, no decoding, first one wins. */
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    if (!params.has(name)) params.set(name, eq === -1 ? '' : part.slice(eq + 1));
  }
  return params;
}

/** The host without a port: `books.example.com:8080` -> `books.example.com`, `[::1]:80` -> `[::1]`. */
export function hostNameOf(host: string): string {
  const lower = host.toLowerCase();
  const colon = lower.lastIndexOf(':');
  if (colon === -1 || lower.lastIndexOf(']') > colon) return lower;
  return lower.slice(0, colon);
}

function lowerKeys(record: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(record ?? {})) out.set(name.toLowerCase(), value);
  return out;
}

function isGrpc(request: TestRequest): request is GrpcTestRequest {
  return (request as GrpcTestRequest).serviceName !== undefined;
}

export function gatewayRequest(request: TestRequest): GatewayRequest {
  const host = request.host ?? null;
  const hostName = host === null ? null : hostNameOf(host);
  if (isGrpc(request)) {
    const fullPath = `/${request.serviceName}/${request.methodName ?? ''}`;
    return {
      grpc: true,
      method: 'POST',
      fullPath,
      path: fullPath,
      query: new Map(),
      host,
      hostName,
      serviceName: request.serviceName,
      fields: lowerKeys(request.metadata),
    };
  }
  const http = request as HttpTestRequest;
  const q = http.path.indexOf('?');
  return {
    grpc: false,
    method: http.method,
    fullPath: http.path,
    path: q === -1 ? http.path : http.path.slice(0, q),
    query: parseQuery(q === -1 ? '' : http.path.slice(q + 1)),
    host,
    hostName,
    serviceName: undefined,
    fields: lowerKeys(http.headers),
  };
}

/**
 * A header's value as a route's header condition reads it. Envoy keeps the HTTP/1 Host header as
 * `:authority` (so a condition on `host` never finds one) and exposes the request line as pseudo-headers.
 */
export function fieldValue(request: GatewayRequest, name: string): string | undefined {
  switch (name) {
    case ':authority':
      return request.host ?? undefined;
    case ':path':
      return request.fullPath;
    case ':method':
      return request.method;
    case 'host':
      return undefined;
    default:
      return request.fields.get(name);
  }
}
