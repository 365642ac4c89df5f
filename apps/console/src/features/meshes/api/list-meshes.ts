import { MeshDataSchema, PageSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const MeshPageSchema = PageSchema(MeshDataSchema);

/** `GET /api/meshes`: meshes you own and meshes shared with you, every page. */
export function getMeshes(signal?: AbortSignal) {
  return api.getAllPages('/api/meshes', MeshPageSchema, { signal });
}

export const meshesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.meshes.list(), queryFn: ({ signal }) => getMeshes(signal) });

export const useMeshes = () => useQuery(meshesQueryOptions());
