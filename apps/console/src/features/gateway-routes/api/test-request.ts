import { type TestRequest, type TestRequestAnswer, TestRequestAnswerSchema } from '@meshconsole/model';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * `POST /api/meshes/:mesh/virtual-gateways/:name/test-request`: which gateway route takes `request` and
 * what the virtual service receives. It changes nothing, so the console reads it as a query keyed by the
 * request (under the gateway's routes, so a route change asks again).
 */
export function testGatewayRequest(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  request: TestRequest,
  signal?: AbortSignal,
): Promise<TestRequestAnswer> {
  return api.post(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'test-request'),
    TestRequestAnswerSchema,
    request,
    {
      query: { meshOwner },
      signal,
    },
  );
}

export const testRequestQueryOptions = (
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  request: TestRequest | undefined,
) =>
  queryOptions({
    queryKey: queryKeys.gatewayRoutes.testRequest(mesh, meshOwner, gatewayName, request ?? null),
    queryFn: ({ signal }) => testGatewayRequest(mesh, meshOwner, gatewayName, request as TestRequest, signal),
    enabled: request !== undefined,
    // The answer follows the gateway's routes, which another tab may have just changed.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

export const useTestRequest = (
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  request: TestRequest | undefined,
) => useQuery(testRequestQueryOptions(mesh, meshOwner, gatewayName, request));
