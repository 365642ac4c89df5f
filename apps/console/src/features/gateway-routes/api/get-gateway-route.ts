import { GatewayRouteDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getGatewayRoute(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  route: string,
  signal?: AbortSignal,
) {
  return api.get(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'gateway-routes', route),
    GatewayRouteDataSchema,
    {
      query: { meshOwner },
      signal,
    },
  );
}

export const gatewayRouteQueryOptions = (
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  route: string,
) =>
  queryOptions({
    queryKey: queryKeys.gatewayRoutes.detail(mesh, meshOwner, gatewayName, route),
    queryFn: ({ signal }) => getGatewayRoute(mesh, meshOwner, gatewayName, route, signal),
  });

export const useGatewayRoute = (mesh: string, meshOwner: string | undefined, gatewayName: string, route: string) =>
  useQuery(gatewayRouteQueryOptions(mesh, meshOwner, gatewayName, route));
