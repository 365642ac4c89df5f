import { useQuery } from '@tanstack/react-query';
import { virtualNodesQueryOptions } from '../../../features/virtual-nodes/api/list-virtual-nodes';
import { virtualRoutersQueryOptions } from '../../../features/virtual-routers/api/list-virtual-routers';
import type { ProviderChoices } from '../../../features/virtual-services/components/create-virtual-service-modal';
import { errorMessage } from '../../../lib/api-client';

/** The create virtual service modal's providers: the mesh's nodes and routers, read while it is open. */
export function useProviderChoices(mesh: string, meshOwner: string | undefined, open: boolean): ProviderChoices {
  const nodes = useQuery({ ...virtualNodesQueryOptions(mesh, meshOwner), enabled: open });
  const routers = useQuery({ ...virtualRoutersQueryOptions(mesh, meshOwner), enabled: open });
  const failed = nodes.error ?? routers.error;
  return {
    virtualNode: (nodes.data ?? []).map((n) => n.virtualNodeName).sort(),
    virtualRouter: (routers.data ?? []).map((r) => r.virtualRouterName).sort(),
    loading: open && (nodes.isPending || routers.isPending),
    error: failed ? errorMessage(failed) : undefined,
  };
}
