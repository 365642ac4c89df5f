import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { VirtualRoutersTable } from '../../../features/virtual-routers/components/virtual-routers-table';
import { links, useMeshParams } from '../../../lib/links';

export default function VirtualRoutersPage() {
  const { mesh, meshOwner } = useMeshParams();
  usePageChrome({
    title: 'Virtual routers',
    breadcrumbs: meshCrumbs(mesh, meshOwner, { text: 'Virtual routers', href: links.virtualRouters(mesh, meshOwner) }),
    contentType: 'table',
  });
  return <VirtualRoutersTable mesh={mesh} meshOwner={meshOwner} />;
}
