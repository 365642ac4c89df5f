import { matchRoutes } from 'react-router';

/**
 * The console's URL patterns, each written once. The router (app/route-table), the links
 * (lib/links), the first-load warm-up (the routes' loaders) and the chunk preloading on hover
 * (lib/route-preload) all derive from this table. Every page is a deep link; `?meshOwner=` selects a
 * mesh shared by another account.
 */
export const ROUTE_PATHS = {
  meshes: '/meshes',
  mesh: '/meshes/:mesh',
  virtualGateways: '/meshes/:mesh/virtual-gateways',
  createVirtualGateway: '/meshes/:mesh/virtual-gateways/create',
  virtualGateway: '/meshes/:mesh/virtual-gateways/:name',
  editVirtualGateway: '/meshes/:mesh/virtual-gateways/:name/edit',
  createGatewayRoute: '/meshes/:mesh/virtual-gateways/:name/gateway-routes/create',
  gatewayRoute: '/meshes/:mesh/virtual-gateways/:name/gateway-routes/:route',
  editGatewayRoute: '/meshes/:mesh/virtual-gateways/:name/gateway-routes/:route/edit',
  virtualServices: '/meshes/:mesh/virtual-services',
  virtualNodes: '/meshes/:mesh/virtual-nodes',
  virtualNode: '/meshes/:mesh/virtual-nodes/:name',
  virtualRouters: '/meshes/:mesh/virtual-routers',
  virtualRouter: '/meshes/:mesh/virtual-routers/:name',
} as const;

export type RouteId = keyof typeof ROUTE_PATHS;
export const ROUTE_IDS = Object.keys(ROUTE_PATHS) as RouteId[];

/** `'/meshes/:mesh/virtual-gateways/:name'` -> `'mesh' | 'name'`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type RouteParams<Id extends RouteId> = { [K in ParamNames<(typeof ROUTE_PATHS)[Id]>]: string };

/** Query parameters a console URL may carry; empty ones are left out. */
export type RouteSearch = { meshOwner?: string | undefined } & Record<string, string | undefined>;

/** The URL of a route: each parameter URI-encoded, then the non-empty search parameters. */
export function routeHref<Id extends RouteId>(id: Id, params: RouteParams<Id>, search: RouteSearch = {}): string {
  const path = ROUTE_PATHS[id].replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name] ?? ''),
  );
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RouteMatch {
  id: RouteId;
  params: Record<string, string>;
  search: URLSearchParams;
  meshOwner: string | undefined;
}

const MATCHABLE = ROUTE_IDS.map((id) => ({ id, path: ROUTE_PATHS[id] }));

/** The route a console URL opens (React Router's ranking: `create` beats `:name`), or undefined. */
export function matchRoute(href: string): RouteMatch | undefined {
  const url = new URL(href, 'http://console.invalid');
  try {
    url.pathname.split('/').map(decodeURIComponent);
  } catch {
    return undefined; // a malformed URL (bad percent-encoding): the router shows its own page
  }
  const last = matchRoutes(MATCHABLE, url.pathname)?.at(-1);
  if (!last) return undefined;
  const id = (last.route as { id: RouteId }).id;
  const params = Object.fromEntries(
    Object.entries(last.params).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return { id, params, search: url.searchParams, meshOwner: url.searchParams.get('meshOwner') || undefined };
}
