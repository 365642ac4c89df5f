import { useQueryClient } from '@tanstack/react-query';
import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { gatewayRoutesQueryOptions } from '../../../features/gateway-routes/api/list-gateway-routes';
import { VirtualGatewaysTable } from '../../../features/virtual-gateways/components/virtual-gateways-table';
import { links, useMeshParams } from '../../../lib/links';

export default function VirtualGatewaysPage() {
  const { mesh, meshOwner } = useMeshParams();
  const client = useQueryClient();
  usePageChrome({
    title: `Virtual gateways - ${mesh}`,
    contentType: 'table',
    breadcrumbs: meshCrumbs(mesh, meshOwner, {
      text: 'Virtual gateways',
      href: links.virtualGateways(mesh, meshOwner),
    }),
  });
  // Keyed by mesh so that switching meshes starts a fresh table (filter, page, selection).
  // The details page shows the gateway and its routes: warm both when a gateway is about to be opened.
  return (
    <VirtualGatewaysTable
      key={`${meshOwner ?? ''}/${mesh}`}
      mesh={mesh}
      meshOwner={meshOwner}
      onPrefetchDetails={(name) => void client.prefetchQuery(gatewayRoutesQueryOptions(mesh, meshOwner, name))}
    />
  );
}
