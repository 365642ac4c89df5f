import { PageSchema, VirtualGatewayDataSchema } from '@meshconsole/model';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const VirtualGatewayPageSchema = PageSchema(VirtualGatewayDataSchema);

/** Server page size: the largest the API allows, so a 10,000-gateway mesh is 100 requests at most. */
export const SERVER_PAGE_SIZE = 100;

export function getVirtualGateways(
  mesh: string,
  meshOwner: string | undefined,
  params: { limit?: number; nextToken?: string },
  signal?: AbortSignal,
) {
  return api.get(apiPath('meshes', mesh, 'virtual-gateways'), VirtualGatewayPageSchema, {
    query: { limit: params.limit ?? SERVER_PAGE_SIZE, nextToken: params.nextToken, meshOwner },
    signal,
  });
}

/** Server pages, fetched one `nextToken` at a time (the table asks for more as the user pages or filters). */
export const virtualGatewaysInfiniteOptions = (mesh: string, meshOwner: string | undefined) =>
  infiniteQueryOptions({
    queryKey: queryKeys.virtualGateways.list(mesh, meshOwner, { limit: SERVER_PAGE_SIZE }),
    queryFn: ({ pageParam, signal }) =>
      getVirtualGateways(mesh, meshOwner, { limit: SERVER_PAGE_SIZE, nextToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextToken,
  });

export const useVirtualGatewayPages = (mesh: string, meshOwner: string | undefined) =>
  useInfiniteQuery(virtualGatewaysInfiniteOptions(mesh, meshOwner));
