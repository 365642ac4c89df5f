import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { ExportButton } from '../../../features/export/components/export-button';
import { VirtualGatewaysTable } from '../../../features/virtual-gateways/components/virtual-gateways-table';
import { links, useMeshParams } from '../../../lib/links';

export default function VirtualGatewaysPage() {
  const { mesh, meshOwner } = useMeshParams();
  usePageChrome({
    title: `Virtual gateways - ${mesh}`,
    contentType: 'table',
    breadcrumbs: meshCrumbs(mesh, meshOwner, {
      text: 'Virtual gateways',
      href: links.virtualGateways(mesh, meshOwner),
    }),
  });
  // Keyed by mesh so that switching meshes starts a fresh table (filter, page, selection).
  return (
    <VirtualGatewaysTable
      key={`${meshOwner ?? ''}/${mesh}`}
      mesh={mesh}
      meshOwner={meshOwner}
      headerActions={<ExportButton mesh={mesh} meshOwner={meshOwner} />}
    />
  );
}
