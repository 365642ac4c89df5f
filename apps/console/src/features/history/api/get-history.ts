import { type HistoryEntry, HistoryPageSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Where a resource's history lives below its mesh: `['virtual-gateways', gw]`, `[..., 'gateway-routes', r]`. */
export type HistoryPath = readonly string[];

/** Every kept version (at most HISTORY_VERSIONS, so a few pages at most), newest first. */
export function getHistory(
  mesh: string,
  meshOwner: string | undefined,
  path: HistoryPath,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  return api.getAllPages(apiPath('meshes', mesh, ...path, 'history'), HistoryPageSchema, {
    query: { meshOwner },
    signal,
  });
}

export const historyQueryOptions = (mesh: string, meshOwner: string | undefined, path: HistoryPath) =>
  queryOptions({
    queryKey: queryKeys.history.resource(mesh, meshOwner, path),
    queryFn: ({ signal }) => getHistory(mesh, meshOwner, path, signal),
    // Any write elsewhere (the edit page, the CLI) adds a version: read it again whenever the tab opens.
    staleTime: 0,
  });

export const useHistory = (mesh: string, meshOwner: string | undefined, path: HistoryPath) =>
  useQuery(historyQueryOptions(mesh, meshOwner, path));
