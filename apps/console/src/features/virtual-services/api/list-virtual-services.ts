import { PageSchema, type VirtualServiceData, VirtualServiceDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const VirtualServicePageSchema = PageSchema(VirtualServiceDataSchema);

/** Every virtual service of a mesh (all server pages). */
export function listVirtualServices(
  mesh: string,
  meshOwner: string | undefined,
  signal?: AbortSignal,
): Promise<VirtualServiceData[]> {
  return api.getAllPages(apiPath('meshes', mesh, 'virtual-services'), VirtualServicePageSchema, {
    query: { meshOwner },
    signal,
  });
}

export const virtualServicesQueryOptions = (mesh: string, meshOwner: string | undefined) =>
  queryOptions({
    queryKey: queryKeys.virtualServices.list(mesh, meshOwner),
    queryFn: ({ signal }) => listVirtualServices(mesh, meshOwner, signal),
  });

export const useVirtualServices = (mesh: string, meshOwner: string | undefined) =>
  useQuery(virtualServicesQueryOptions(mesh, meshOwner));
