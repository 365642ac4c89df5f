import { type UpdateVirtualGatewayBody, VirtualGatewayDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function updateVirtualGateway(
  mesh: string,
  meshOwner: string | undefined,
  name: string,
  body: UpdateVirtualGatewayBody,
) {
  return api.put(apiPath('meshes', mesh, 'virtual-gateways', name), VirtualGatewayDataSchema, body, {
    query: { meshOwner },
  });
}

export function useUpdateVirtualGateway(mesh: string, meshOwner: string | undefined, name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateVirtualGatewayBody) => updateVirtualGateway(mesh, meshOwner, name, body),
    onSuccess: (gateway) => {
      // The answer is the gateway as stored: the details page renders from it at once, no refetch.
      client.setQueryData(queryKeys.virtualGateways.detail(mesh, meshOwner, name), gateway);
      // Lists refetch in the background; the caller navigates without waiting for them.
      void client.invalidateQueries({ queryKey: queryKeys.virtualGateways.lists(mesh, meshOwner) });
    },
  });
}
