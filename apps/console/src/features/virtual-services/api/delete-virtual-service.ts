import { VirtualServiceDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function deleteVirtualService(mesh: string, meshOwner: string | undefined, name: string) {
  return api.delete(apiPath('meshes', mesh, 'virtual-services', name), VirtualServiceDataSchema, {
    query: { meshOwner },
  });
}

export function useDeleteVirtualService(mesh: string, meshOwner: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => deleteVirtualService(mesh, meshOwner, name),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.virtualServices.all(mesh, meshOwner) }),
  });
}
