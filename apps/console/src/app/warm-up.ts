import type { QueryClient } from '@tanstack/react-query';
import { gatewayRoutesQueryOptions } from '../features/gateway-routes/api/list-gateway-routes';
import { meshesQueryOptions } from '../features/meshes/api/list-meshes';
import { virtualGatewayQueryOptions } from '../features/virtual-gateways/api/get-virtual-gateway';
import { virtualGatewaysInfiniteOptions } from '../features/virtual-gateways/api/list-virtual-gateways';
import { sessionQueryOptions } from '../lib/session';

function segments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // a malformed URL: the router shows its own page; nothing to warm up
  }
}

/**
 * First load: start the requests the opening page needs while its code is still loading, rather
 * than after it renders (no request waterfall). The pages read the same queries from the cache.
 * `prefetchQuery` never throws: an error surfaces, with Retry, in the page's own query.
 */
export function warmUp(client: QueryClient, location: { pathname: string; search: string }): void {
  void client.prefetchQuery(sessionQueryOptions());
  const parts = segments(location.pathname);
  if (parts?.[0] !== 'meshes') return;
  if (parts.length === 1) {
    void client.prefetchQuery(meshesQueryOptions());
    return;
  }
  const mesh = parts[1] as string;
  const meshOwner = new URLSearchParams(location.search).get('meshOwner') || undefined;
  if (parts[2] !== 'virtual-gateways') return;
  const name = parts[3];
  if (parts.length === 3) {
    void client.prefetchInfiniteQuery(virtualGatewaysInfiniteOptions(mesh, meshOwner));
  } else if (name && name !== 'create' && (parts.length === 4 || (parts.length === 5 && parts[4] === 'edit'))) {
    void client.prefetchQuery(virtualGatewayQueryOptions(mesh, meshOwner, name));
    if (parts.length === 4) void client.prefetchQuery(gatewayRoutesQueryOptions(mesh, meshOwner, name));
  }
}
