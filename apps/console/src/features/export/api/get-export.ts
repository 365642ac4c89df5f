import { ExportAnswerSchema, type ExportFormat } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What to export: a mesh, or one of its virtual gateways (`virtualGateway`). */
export interface ExportScope {
  mesh: string;
  meshOwner?: string;
  virtualGateway?: string;
}

export function getExport(scope: ExportScope, format: ExportFormat, signal?: AbortSignal) {
  return api.get(apiPath('meshes', scope.mesh, 'export'), ExportAnswerSchema, {
    query: { format, virtualGateway: scope.virtualGateway, meshOwner: scope.meshOwner },
    signal,
  });
}

export const exportQueryOptions = (scope: ExportScope, format: ExportFormat) =>
  queryOptions({
    queryKey: queryKeys.export.mesh(scope.mesh, scope.meshOwner, format, scope.virtualGateway),
    queryFn: ({ signal }) => getExport(scope, format, signal),
    // An export follows the mesh's resources, which may have just changed: ask again each time it opens.
    staleTime: 0,
  });

export const useExport = (scope: ExportScope, format: ExportFormat) => useQuery(exportQueryOptions(scope, format));
