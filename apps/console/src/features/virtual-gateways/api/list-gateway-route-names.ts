import { GatewayRouteDataSchema, PageSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const GatewayRoutePageSchema = PageSchema(GatewayRouteDataSchema);

/**
 * Names of every gateway route of a gateway (all pages): the delete modal lists them, because a
 * gateway with gateway routes can't be deleted.
 */
export async function getGatewayRouteNames(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const routes = await api.getAllPages(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'gateway-routes'),
    GatewayRoutePageSchema,
    { query: { meshOwner }, signal },
  );
  return routes.map((r) => r.gatewayRouteName);
}

export const gatewayRouteNamesQueryOptions = (mesh: string, meshOwner: string | undefined, gatewayName: string) =>
  queryOptions({
    queryKey: queryKeys.gatewayRoutes.list(mesh, meshOwner, gatewayName, { names: true }),
    queryFn: ({ signal }) => getGatewayRouteNames(mesh, meshOwner, gatewayName, signal),
    staleTime: 0,
  });

export const useGatewayRouteNames = (
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  enabled = true,
) => useQuery({ ...gatewayRouteNamesQueryOptions(mesh, meshOwner, gatewayName), enabled });
