import { useVirtualServices } from '../../../features/virtual-services/api/list-virtual-services';
import { errorMessage } from '../../../lib/api-client';
import { links } from '../../../lib/links';

/** The gateway route form's target picker: the mesh's virtual services, with loading, error and refresh. */
export function useVirtualServiceChoices(mesh: string, meshOwner: string | undefined) {
  const services = useVirtualServices(mesh, meshOwner);
  return {
    names: (services.data ?? []).map((s) => s.virtualServiceName).sort(),
    loading: services.isFetching,
    error: services.isError ? errorMessage(services.error) : undefined,
    onRefresh: () => void services.refetch(),
    createHref: links.virtualServices(mesh, meshOwner),
  };
}
