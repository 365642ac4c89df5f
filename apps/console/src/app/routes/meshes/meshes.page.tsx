import { SERVICE_NAME, usePageChrome } from '../../../components/app-shell';
import { MeshesTable } from '../../../features/meshes/components/meshes-table';
import { links } from '../../../lib/links';

export default function MeshesPage() {
  usePageChrome({
    title: 'Meshes',
    contentType: 'table',
    breadcrumbs: [
      { text: SERVICE_NAME, href: links.meshes() },
      { text: 'Meshes', href: links.meshes() },
    ],
  });
  // A mesh link leads to its virtual gateways: the route table loads their first page on hover or focus.
  return <MeshesTable />;
}
