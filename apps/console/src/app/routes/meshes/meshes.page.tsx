import { useQueryClient } from '@tanstack/react-query';
import { SERVICE_NAME, usePageChrome } from '../../../components/app-shell';
import { MeshesTable } from '../../../features/meshes/components/meshes-table';
import { virtualGatewaysInfiniteOptions } from '../../../features/virtual-gateways/api/list-virtual-gateways';
import { links } from '../../../lib/links';

export default function MeshesPage() {
  const client = useQueryClient();
  usePageChrome({
    title: 'Meshes',
    contentType: 'table',
    breadcrumbs: [
      { text: SERVICE_NAME, href: links.meshes() },
      { text: 'Meshes', href: links.meshes() },
    ],
  });
  // A mesh link leads to its virtual gateways: their first page loads on hover or focus.
  return (
    <MeshesTable
      onPrefetchMesh={(mesh, meshOwner) =>
        void client.prefetchInfiniteQuery(virtualGatewaysInfiniteOptions(mesh, meshOwner))
      }
    />
  );
}
