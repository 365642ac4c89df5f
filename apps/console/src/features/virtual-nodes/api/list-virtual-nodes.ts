import { PageSchema, type VirtualNodeData, VirtualNodeDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const VirtualNodePageSchema = PageSchema(VirtualNodeDataSchema);

/** Every virtual node of a mesh (all server pages). */
export function listVirtualNodes(
  mesh: string,
  meshOwner: string | undefined,
  signal?: AbortSignal,
): Promise<VirtualNodeData[]> {
  return api.getAllPages(apiPath('meshes', mesh, 'virtual-nodes'), VirtualNodePageSchema, {
    query: { meshOwner },
    signal,
  });
}

export const virtualNodesQueryOptions = (mesh: string, meshOwner: string | undefined) =>
  queryOptions({
    queryKey: queryKeys.virtualNodes.list(mesh, meshOwner),
    queryFn: ({ signal }) => listVirtualNodes(mesh, meshOwner, signal),
  });

export const useVirtualNodes = (mesh: string, meshOwner: string | undefined) =>
  useQuery(virtualNodesQueryOptions(mesh, meshOwner));
