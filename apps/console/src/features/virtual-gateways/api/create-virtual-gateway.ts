import { type CreateVirtualGatewayBody, VirtualGatewayDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createVirtualGateway(mesh: string, meshOwner: string | undefined, body: CreateVirtualGatewayBody) {
  return api.post(apiPath('meshes', mesh, 'virtual-gateways'), VirtualGatewayDataSchema, body, {
    query: { meshOwner },
  });
}

export function useCreateVirtualGateway(mesh: string, meshOwner: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVirtualGatewayBody) => createVirtualGateway(mesh, meshOwner, body),
    onSuccess: (gateway) => {
      // The answer is the gateway as stored: the details page renders from it at once, no refetch.
      client.setQueryData(queryKeys.virtualGateways.detail(mesh, meshOwner, gateway.virtualGatewayName), gateway);
      // Lists refetch in the background; the caller navigates without waiting for them.
      void client.invalidateQueries({ queryKey: queryKeys.virtualGateways.lists(mesh, meshOwner) });
    },
  });
}
