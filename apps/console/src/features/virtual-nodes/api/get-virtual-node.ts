import { VirtualNodeDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getVirtualNode(mesh: string, meshOwner: string | undefined, name: string, signal?: AbortSignal) {
  return api.get(apiPath('meshes', mesh, 'virtual-nodes', name), VirtualNodeDataSchema, {
    query: { meshOwner },
    signal,
  });
}

export const virtualNodeQueryOptions = (mesh: string, meshOwner: string | undefined, name: string) =>
  queryOptions({
    queryKey: queryKeys.virtualNodes.detail(mesh, meshOwner, name),
    queryFn: ({ signal }) => getVirtualNode(mesh, meshOwner, name, signal),
  });

export const useVirtualNode = (mesh: string, meshOwner: string | undefined, name: string) =>
  useQuery(virtualNodeQueryOptions(mesh, meshOwner, name));
