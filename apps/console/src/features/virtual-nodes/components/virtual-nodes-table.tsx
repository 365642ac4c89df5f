import type { VirtualNodeData } from '@meshconsole/model';
import { ReadOnlyResourceTable } from '../../../components/read-only-resource-table';
import { links } from '../../../lib/links';
import { useVirtualNodes } from '../api/list-virtual-nodes';
import { backendsText, listenersText, nodeSearchText, serviceDiscoveryText } from './virtual-node-text';

/** Full-page table of a mesh's virtual nodes (read-only: the App Mesh API and the CLI create them). */
export function VirtualNodesTable({ mesh, meshOwner }: { mesh: string; meshOwner: string | undefined }) {
  return (
    <ReadOnlyResourceTable<VirtualNodeData>
      query={useVirtualNodes(mesh, meshOwner)}
      nameField="virtualNodeName"
      href={(name) => links.virtualNode(mesh, meshOwner, name)}
      columns={[
        { id: 'serviceDiscovery', header: 'Service discovery', cell: (item) => serviceDiscoveryText(item.spec) },
        { id: 'listeners', header: 'Listeners', cell: (item) => listenersText(item.spec) },
        { id: 'backends', header: 'Backends', cell: (item) => backendsText(item.spec) },
      ]}
      searchText={nodeSearchText}
      singular="virtual node"
      plural="virtual nodes"
      heading="Virtual nodes"
      description="A virtual node is a logical pointer to a task group, such as an ECS service or a Kubernetes deployment: its listeners, how it is discovered, and the virtual services it calls."
      createCommand="create-virtual-node"
      testId="virtual-nodes-table"
    />
  );
}
