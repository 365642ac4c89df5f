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
      // The details page may still show the gateway while it navigates away: drop its cache entry on
      // the next tick, so that coming back never shows the deleted gateway and nothing refetches it now.
      setTimeout(() => client.removeQueries({ queryKey: queryKeys.virtualGateways.detail(mesh, meshOwner, name) }), 0);
      await client.invalidateQueries({ queryKey: queryKeys.virtualGateways.lists(mesh, meshOwner) });
    },
  });
}
