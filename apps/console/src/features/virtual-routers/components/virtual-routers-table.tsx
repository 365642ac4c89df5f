import type { VirtualRouterData, VirtualRouterSpec } from '@meshconsole/model';
import { ReadOnlyResourceTable } from '../../../components/read-only-resource-table';
import { links } from '../../../lib/links';
import { useVirtualRouters } from '../api/list-virtual-routers';

export function routerListenersText(spec: VirtualRouterSpec): string {
  const listeners = spec.listeners ?? [];
  return listeners.length > 0
    ? listeners.map((l) => `${l.portMapping.protocol}:${l.portMapping.port}`).join(', ')
    : 'None';
}

/** Full-page table of a mesh's virtual routers (read-only). */
export function VirtualRoutersTable({ mesh, meshOwner }: { mesh: string; meshOwner: string | undefined }) {
  return (
    <ReadOnlyResourceTable<VirtualRouterData>
      query={useVirtualRouters(mesh, meshOwner)}
      nameField="virtualRouterName"
      href={(name) => links.virtualRouter(mesh, meshOwner, name)}
      columns={[{ id: 'listeners', header: 'Listeners', cell: (item) => routerListenersText(item.spec) }]}
      searchText={(item) =>
        `${item.virtualRouterName} ${routerListenersText(item.spec)} ${item.metadata.resourceOwner}`
      }
      singular="virtual router"
      plural="virtual routers"
      heading="Virtual routers"
      description="A virtual router handles traffic for virtual services: its routes send requests to virtual nodes, by weight."
      createCommand="create-virtual-router"
      testId="virtual-routers-table"
    />
  );
}
