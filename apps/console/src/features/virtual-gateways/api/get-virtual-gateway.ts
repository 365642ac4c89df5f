import { VirtualGatewayDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function getVirtualGateway(mesh: string, meshOwner: string | undefined, name: string, signal?: AbortSignal) {
  return api.get(apiPath('meshes', mesh, 'virtual-gateways', name), VirtualGatewayDataSchema, {
    query: { meshOwner },
    signal,
  });
}

export const virtualGatewayQueryOptions = (mesh: string, meshOwner: string | undefined, name: string) =>
  queryOptions({
    queryKey: queryKeys.virtualGateways.detail(mesh, meshOwner, name),
    queryFn: ({ signal }) => getVirtualGateway(mesh, meshOwner, name, signal),
  });

export const useVirtualGateway = (mesh: string, meshOwner: string | undefined, name: string) =>
  useQuery(virtualGatewayQueryOptions(mesh, meshOwner, name));
