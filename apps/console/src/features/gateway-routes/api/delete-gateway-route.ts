import { GatewayRouteDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function deleteGatewayRoute(mesh: string, meshOwner: string | undefined, gatewayName: string, route: string) {
  return api.delete(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'gateway-routes', route),
    GatewayRouteDataSchema,
    {
      query: { meshOwner },
    },
  );
}

export function useDeleteGatewayRoute(mesh: string, meshOwner: string | undefined, gatewayName: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (route: string) => deleteGatewayRoute(mesh, meshOwner, gatewayName, route),
    onSuccess: async (deleted, route) => {
      // The details page of the route may still be mounted until it navigates away: give it the
      // DELETED answer instead of refetching a route that is gone, and refetch it on the next visit.
      const detail = queryKeys.gatewayRoutes.detail(mesh, meshOwner, gatewayName, route);
      client.setQueryData(detail, deleted);
      await client.invalidateQueries({ queryKey: detail, refetchType: 'none' });
      await client.invalidateQueries({
        queryKey: queryKeys.gatewayRoutes.all(mesh, meshOwner, gatewayName),
        predicate: (query) => query.queryKey[4] !== 'detail',
      });
      // A deleted route no longer holds its virtual service (the service becomes deletable).
      await client.invalidateQueries({ queryKey: queryKeys.virtualServices.all(mesh, meshOwner) });
    },
  });
}
