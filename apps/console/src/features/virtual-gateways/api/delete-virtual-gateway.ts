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
      // The details page may still be on screen while it navigates away: mark its entry stale without
      // refetching (a refetch would 404), and drop it once no page uses it any more.
      const detail = queryKeys.virtualGateways.detail(mesh, meshOwner, name);
      await client.invalidateQueries({ queryKey: detail, refetchType: 'none' });
      setTimeout(() => client.removeQueries({ queryKey: detail, type: 'inactive' }), 1000);
      await client.invalidateQueries({ queryKey: queryKeys.virtualGateways.lists(mesh, meshOwner) });
    },
  });
}
