import { MeshDataSchema, PageSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const MeshPageSchema = PageSchema(MeshDataSchema);

/** `GET /api/meshes`: meshes you own and meshes shared with you, every page. */
export async function getMeshes(signal?: AbortSignal) {
  const items = [];
  let nextToken: string | undefined;
  do {
    const page = await api.get('/api/meshes', MeshPageSchema, { query: { limit: 100, nextToken }, signal });
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

export const meshesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.meshes.list(), queryFn: ({ signal }) => getMeshes(signal) });

export const useMeshes = () => useQuery(meshesQueryOptions());
