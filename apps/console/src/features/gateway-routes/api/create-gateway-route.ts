import { type CreateGatewayRouteBody, GatewayRouteDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createGatewayRoute(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  body: CreateGatewayRouteBody,
) {
  return api.post(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'gateway-routes'),
    GatewayRouteDataSchema,
    body,
    {
      query: { meshOwner },
    },
  );
}

export function useCreateGatewayRoute(mesh: string, meshOwner: string | undefined, gatewayName: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGatewayRouteBody) => createGatewayRoute(mesh, meshOwner, gatewayName, body),
    onSuccess: (route) => {
      client.setQueryData(queryKeys.gatewayRoutes.detail(mesh, meshOwner, gatewayName, route.gatewayRouteName), route);
      // Lists refetch in the background (the seeded details stay fresh); the caller navigates at once.
      void client.invalidateQueries({
        queryKey: queryKeys.gatewayRoutes.all(mesh, meshOwner, gatewayName),
        predicate: (query) => query.queryKey[4] !== 'detail',
      });
    },
  });
}
