import { PageSchema, type VirtualRouterData, VirtualRouterDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const VirtualRouterPageSchema = PageSchema(VirtualRouterDataSchema);

/** Every virtual router of a mesh (all server pages). */
export function listVirtualRouters(
  mesh: string,
  meshOwner: string | undefined,
  signal?: AbortSignal,
): Promise<VirtualRouterData[]> {
  return api.getAllPages(apiPath('meshes', mesh, 'virtual-routers'), VirtualRouterPageSchema, {
    query: { meshOwner },
    signal,
  });
}

export const virtualRoutersQueryOptions = (mesh: string, meshOwner: string | undefined) =>
  queryOptions({
    queryKey: queryKeys.virtualRouters.list(mesh, meshOwner),
    queryFn: ({ signal }) => listVirtualRouters(mesh, meshOwner, signal),
  });

export const useVirtualRouters = (mesh: string, meshOwner: string | undefined) =>
  useQuery(virtualRoutersQueryOptions(mesh, meshOwner));
