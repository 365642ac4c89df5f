import { PageSchema, type RouteData, RouteDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const RoutePageSchema = PageSchema(RouteDataSchema);

/** Every route of a virtual router (all server pages). */
export function listRoutes(
  mesh: string,
  meshOwner: string | undefined,
  routerName: string,
  signal?: AbortSignal,
): Promise<RouteData[]> {
  return api.getAllPages(apiPath('meshes', mesh, 'virtual-routers', routerName, 'routes'), RoutePageSchema, {
    query: { meshOwner },
    signal,
  });
}

export const routesQueryOptions = (mesh: string, meshOwner: string | undefined, routerName: string) =>
  queryOptions({
    queryKey: queryKeys.virtualRouters.routes(mesh, meshOwner, routerName),
    queryFn: ({ signal }) => listRoutes(mesh, meshOwner, routerName, signal),
  });

export const useRoutes = (mesh: string, meshOwner: string | undefined, routerName: string) =>
  useQuery(routesQueryOptions(mesh, meshOwner, routerName));
