import { PageSchema, type VirtualServiceData, VirtualServiceDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const VirtualServicePageSchema = PageSchema(VirtualServiceDataSchema);

/** Every virtual service of a mesh (all server pages). */
export async function listVirtualServices(mesh: string, meshOwner: string | undefined, signal?: AbortSignal) {
  const items: VirtualServiceData[] = [];
  let nextToken: string | undefined;
  do {
    const page = await api.get(apiPath('meshes', mesh, 'virtual-services'), VirtualServicePageSchema, {
      query: { limit: 100, nextToken, meshOwner },
      signal,
    });
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

export const virtualServicesQueryOptions = (mesh: string, meshOwner: string | undefined) =>
  queryOptions({
    queryKey: queryKeys.virtualServices.list(mesh, meshOwner),
    queryFn: ({ signal }) => listVirtualServices(mesh, meshOwner, signal),
  });

export const useVirtualServices = (mesh: string, meshOwner: string | undefined) =>
  useQuery(virtualServicesQueryOptions(mesh, meshOwner));
