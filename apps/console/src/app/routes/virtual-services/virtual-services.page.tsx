import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { VirtualServicesTable } from '../../../features/virtual-services/components/virtual-services-table';
import { links, useMeshParams } from '../../../lib/links';
import { useSession } from '../../../lib/session';
import { useProviderChoices } from './use-provider-choices';

export default function VirtualServicesPage() {
  const { mesh, meshOwner } = useMeshParams();
  const session = useSession();
  usePageChrome({
    title: 'Virtual services',
    breadcrumbs: meshCrumbs(mesh, meshOwner, {
      text: 'Virtual services',
      href: links.virtualServices(mesh, meshOwner),
    }),
    contentType: 'table',
  });
  return (
    <VirtualServicesTable
      mesh={mesh}
      meshOwner={meshOwner}
      accountId={session.data?.accountId}
      useProviderChoices={(open) => useProviderChoices(mesh, meshOwner, open)}
    />
  );
}
