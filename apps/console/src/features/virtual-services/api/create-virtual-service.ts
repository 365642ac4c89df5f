import { type CreateVirtualServiceBody, VirtualServiceDataSchema } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export function createVirtualService(mesh: string, meshOwner: string | undefined, body: CreateVirtualServiceBody) {
  return api.post(apiPath('meshes', mesh, 'virtual-services'), VirtualServiceDataSchema, body, {
    query: { meshOwner },
  });
}

export function useCreateVirtualService(mesh: string, meshOwner: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVirtualServiceBody) => createVirtualService(mesh, meshOwner, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.virtualServices.all(mesh, meshOwner) }),
  });
}
