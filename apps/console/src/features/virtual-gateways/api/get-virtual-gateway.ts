import { type VirtualGatewayData, VirtualGatewayDataSchema } from '@meshconsole/model';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
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

/**
 * Warms the details query of a gateway the user is about to open: a row of the list already holds
 * the whole gateway, so it seeds the cache (as old as the list), and a prefetch refreshes it when
 * that is stale.
 */
export function usePrefetchVirtualGateway(mesh: string, meshOwner: string | undefined) {
  const client = useQueryClient();
  return useCallback(
    (gateway: VirtualGatewayData, listUpdatedAt?: number) => {
      const options = virtualGatewayQueryOptions(mesh, meshOwner, gateway.virtualGatewayName);
      if (client.getQueryData(options.queryKey) === undefined) {
        client.setQueryData(options.queryKey, gateway, { updatedAt: listUpdatedAt });
      }
      void client.prefetchQuery(options);
    },
    [client, mesh, meshOwner],
  );
}
