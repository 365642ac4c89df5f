import { VirtualRouterDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getVirtualRouter(mesh: string, meshOwner: string | undefined, name: string, signal?: AbortSignal) {
  return api.get(apiPath('meshes', mesh, 'virtual-routers', name), VirtualRouterDataSchema, {
    query: { meshOwner },
    signal,
  });
}

export const virtualRouterQueryOptions = (mesh: string, meshOwner: string | undefined, name: string) =>
  queryOptions({
    queryKey: queryKeys.virtualRouters.detail(mesh, meshOwner, name),
    queryFn: ({ signal }) => getVirtualRouter(mesh, meshOwner, name, signal),
  });

export const useVirtualRouter = (mesh: string, meshOwner: string | undefined, name: string) =>
  useQuery(virtualRouterQueryOptions(mesh, meshOwner, name));
