import { RouteChecksAnswerSchema, type RouteFinding } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/meshes/:mesh/virtual-gateways/:name/route-checks`: the routes that never take a request or look wrong. */
export function getRouteChecks(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  signal?: AbortSignal,
): Promise<RouteFinding[]> {
  return api
    .get(apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'route-checks'), RouteChecksAnswerSchema, {
      query: { meshOwner },
      signal,
    })
    .then((answer) => answer.findings);
}

export const routeChecksQueryOptions = (mesh: string, meshOwner: string | undefined, gatewayName: string) =>
  queryOptions({
    queryKey: queryKeys.gatewayRoutes.checks(mesh, meshOwner, gatewayName),
    queryFn: ({ signal }) => getRouteChecks(mesh, meshOwner, gatewayName, signal),
  });

export const useRouteChecks = (mesh: string, meshOwner: string | undefined, gatewayName: string) =>
  useQuery(routeChecksQueryOptions(mesh, meshOwner, gatewayName));
