import { VirtualGatewayDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function deleteVirtualGateway(mesh: string, meshOwner: string | undefined, name: string) {
  return api.delete(apiPath('meshes', mesh, 'virtual-gateways', name), VirtualGatewayDataSchema, {
    query: { meshOwner },
  });
}

export function useDeleteVirtualGatewayMutation(mesh: string, meshOwner: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteVirtualGateway(mesh, meshOwner, name),
    onSuccess: async (_deleted, name) => {
      client.removeQueries({ queryKey: queryKeys.virtualGateways.detail(mesh, meshOwner, name) });
      await client.invalidateQueries({ queryKey: queryKeys.virtualGateways.lists(mesh, meshOwner) });
    },
  });
}
