import { GatewayRouteDataSchema, type UpdateGatewayRouteBody } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateGatewayRoute(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  route: string,
  body: UpdateGatewayRouteBody,
) {
  return api.put(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'gateway-routes', route),
    GatewayRouteDataSchema,
    body,
    { query: { meshOwner } },
  );
}

export function useUpdateGatewayRoute(mesh: string, meshOwner: string | undefined, gatewayName: string, route: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGatewayRouteBody) => updateGatewayRoute(mesh, meshOwner, gatewayName, route, body),
    onSuccess: (updated) => {
      client.setQueryData(queryKeys.gatewayRoutes.detail(mesh, meshOwner, gatewayName, route), updated);
      // Lists refetch in the background (the seeded details stay fresh); the caller navigates at once.
      void client.invalidateQueries({
        queryKey: queryKeys.gatewayRoutes.all(mesh, meshOwner, gatewayName),
        predicate: (query) => query.queryKey[4] !== 'detail',
      });
    },
  });
}
