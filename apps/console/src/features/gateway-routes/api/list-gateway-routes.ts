import { type GatewayRouteData, GatewayRouteDataSchema, PageSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const GatewayRoutePageSchema = PageSchema(GatewayRouteDataSchema);

/** Every gateway route of a virtual gateway (all server pages; a gateway has few routes). */
export function listGatewayRoutes(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  signal?: AbortSignal,
): Promise<GatewayRouteData[]> {
  return api.getAllPages(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'gateway-routes'),
    GatewayRoutePageSchema,
    { query: { meshOwner }, signal },
  );
}

export const gatewayRoutesQueryOptions = (mesh: string, meshOwner: string | undefined, gatewayName: string) =>
  queryOptions({
    queryKey: queryKeys.gatewayRoutes.list(mesh, meshOwner, gatewayName),
    queryFn: ({ signal }) => listGatewayRoutes(mesh, meshOwner, gatewayName, signal),
  });

export const useGatewayRoutes = (mesh: string, meshOwner: string | undefined, gatewayName: string) =>
  useQuery(gatewayRoutesQueryOptions(mesh, meshOwner, gatewayName));
