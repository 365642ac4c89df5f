import { DeletePlanRunSchema, DeletePlanSchema } from '@meshconsole/model';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const planPath = (mesh: string, name: string) => apiPath('meshes', mesh, 'virtual-gateways', name, 'delete-plan');

export function getGatewayDeletePlan(mesh: string, meshOwner: string | undefined, name: string, signal?: AbortSignal) {
  return api.get(planPath(mesh, name), DeletePlanSchema, { query: { meshOwner }, signal });
}

export const gatewayDeletePlanQueryOptions = (mesh: string, meshOwner: string | undefined, name: string) =>
  queryOptions({
    queryKey: [...queryKeys.virtualGateways.detail(mesh, meshOwner, name), 'delete-plan'] as const,
    queryFn: ({ signal }) => getGatewayDeletePlan(mesh, meshOwner, name, signal),
    staleTime: 0,
  });

export const useGatewayDeletePlan = (mesh: string, meshOwner: string | undefined, name: string, enabled: boolean) =>
  useQuery({ ...gatewayDeletePlanQueryOptions(mesh, meshOwner, name), enabled });

/** Runs the plan the person confirmed (`expect`: its ARNs); the answer says what became of every step. */
export function runGatewayDeletePlan(mesh: string, meshOwner: string | undefined, name: string, expect: string[]) {
  return api.post(planPath(mesh, name), DeletePlanRunSchema, { expect }, { query: { meshOwner } });
}

export function useRunGatewayDeletePlan(mesh: string, meshOwner: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ name, expect }: { name: string; expect: string[] }) =>
      runGatewayDeletePlan(mesh, meshOwner, name, expect),
    onSettled: async (_run, _error, { name }) => {
      const detail = queryKeys.virtualGateways.detail(mesh, meshOwner, name);
      await client.invalidateQueries({ queryKey: detail, refetchType: 'none' });
      await client.invalidateQueries({ queryKey: queryKeys.gatewayRoutes.all(mesh, meshOwner, name) });
      await client.invalidateQueries({ queryKey: queryKeys.virtualGateways.lists(mesh, meshOwner) });
    },
  });
}
