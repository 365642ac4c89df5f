import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { VirtualNodesTable } from '../../../features/virtual-nodes/components/virtual-nodes-table';
import { links, useMeshParams } from '../../../lib/links';

export default function VirtualNodesPage() {
  const { mesh, meshOwner } = useMeshParams();
  usePageChrome({
    title: 'Virtual nodes',
    breadcrumbs: meshCrumbs(mesh, meshOwner, { text: 'Virtual nodes', href: links.virtualNodes(mesh, meshOwner) }),
    contentType: 'table',
  });
  return <VirtualNodesTable mesh={mesh} meshOwner={meshOwner} />;
}
