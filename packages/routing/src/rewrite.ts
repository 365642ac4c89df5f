// What the target virtual service receives: the host and path after the route's rewrites.
import type { GatewayRequest } from './request';
import type { RouteView } from './route-view';

export interface Forwarded {
  host: string | null;
  path: string;
  rewrites: string[];
}

/**
 * The prefix rewrite: the matched prefix is replaced by `value` (which ends with `/`). When the prefix
 * does not end with `/` and the path goes on with one, that `/` belongs to the replaced part, so the
 * guide's examples hold: `/chapter/page` -> `/page` and `/chapter1` -> `/1` on prefix `/chapter`. A route
 * without a prefix (hostname or port only) replaces the path's first `/`.
 */
export function rewritePrefix(fullPath: string, prefix: string, value: string): string {
  let rest = fullPath.slice(prefix.length);
  if (!prefix.endsWith('/') && rest.startsWith('/')) rest = rest.slice(1);
  return value + rest;
}

function forwardedPath(route: RouteView, request: GatewayRequest): { path: string; sentence: string } {
  const from = request.fullPath;
  const rewrite = route.pathRewrite;
  switch (rewrite.kind) {
    case 'keep': {
      const why =
        rewrite.source === 'disabled'
          ? 'Default prefix: DISABLED'
          : rewrite.source === 'path-match'
            ? 'an exact path or path regex match has no default path rewrite'
            : 'a gRPC gateway route rewrites only the host';
      return { path: from, sentence: `The path ${from} is forwarded as it is (${why}).` };
    }
    case 'exact': {
      const query = from.slice(request.path.length);
      const path = rewrite.value + query;
      return {
        path,
        sentence: `The path ${request.path} is replaced by ${rewrite.value} (Path rewrite)${query ? ', and the query string is kept' : ''}: ${from} becomes ${path}.`,
      };
    }
    case 'prefix': {
      const prefix = route.path.kind === 'prefix' ? route.path.value : '/';
      const path = rewritePrefix(from, prefix, rewrite.value);
      const why =
        rewrite.source === 'value'
          ? 'Prefix rewrite'
          : rewrite.source === 'enabled'
            ? 'Default prefix: ENABLED'
            : 'the default prefix rewrite';
      if (route.path.kind !== 'prefix' && rewrite.value === '/') {
        return { path, sentence: `The route has no prefix, so ${why} (/ to /) leaves the path ${from} as it is.` };
      }
      const what =
        route.path.kind === 'prefix' ? `The matched prefix ${prefix}` : `The route has no prefix: the first /`;
      return { path, sentence: `${what} is replaced by ${rewrite.value} (${why}): ${from} becomes ${path}.` };
    }
  }
}

function forwardedHost(route: RouteView, request: GatewayRequest): { host: string | null; sentence: string } {
  const service = route.target.virtualServiceName;
  if (route.hostRewrite.kind === 'keep') {
    return request.host === null
      ? { host: null, sentence: 'The request has no host, and none is added (Default target hostname: DISABLED).' }
      : {
          host: request.host,
          sentence: `The host ${request.host} is forwarded as it is (Default target hostname: DISABLED).`,
        };
  }
  const why =
    route.hostRewrite.source === 'default' ? 'the default hostname rewrite' : 'Default target hostname: ENABLED';
  return {
    host: service,
    sentence:
      request.host === null
        ? `The request has no host; the gateway sends ${service}, the target virtual service's name (${why}).`
        : `The host ${request.host} is replaced by ${service}, the target virtual service's name (${why}).`,
  };
}

export function forward(route: RouteView, request: GatewayRequest): Forwarded {
  const host = forwardedHost(route, request);
  const path = forwardedPath(route, request);
  return { host: host.host, path: path.path, rewrites: [host.sentence, path.sentence] };
}
