import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { VirtualNodeData } from '@meshconsole/model';
import { ResourceStatus } from '../../../components/resource-status';
import { resourceTableProps } from '../../../components/resource-table-props';
import { TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { useVirtualNodes } from '../api/list-virtual-nodes';
import { backendsText, listenersText, nodeSearchText, serviceDiscoveryText } from './virtual-node-text';

// Module-level: the table recognizes the sorted column by its comparator instance.
const byLastUpdated = (a: VirtualNodeData, b: VirtualNodeData) => a.metadata.lastUpdatedAt - b.metadata.lastUpdatedAt;

const PAGE_SIZE = 20;

/** Full-page table of a mesh's virtual nodes (read-only: the App Mesh API and the CLI create them). */
export function VirtualNodesTable({ mesh, meshOwner }: { mesh: string; meshOwner: string | undefined }) {
  const query = useVirtualNodes(mesh, meshOwner);
  const follow = useFollow();
  const all = query.data ?? [];

  const { items, filteredItemsCount, collectionProps, filterProps, paginationProps, actions } = useCollection(all, {
    filtering: {
      filteringFunction: (item, text) => nodeSearchText(item).toLowerCase().includes(text.toLowerCase()),
      empty: (
        <TableEmptyState
          title="No virtual nodes"
          subtitle="This mesh has no virtual nodes. Create them with the App Mesh API, for example aws appmesh create-virtual-node."
        />
      ),
      noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
    },
    pagination: { pageSize: PAGE_SIZE },
    sorting: { defaultState: { sortingColumn: { sortingField: 'virtualNodeName' } } },
  });

  const columns: TableProps.ColumnDefinition<VirtualNodeData>[] = [
    {
      id: 'name',
      header: 'Name',
      sortingField: 'virtualNodeName',
      isRowHeader: true,
      cell: (item) => (
        <Link href={links.virtualNode(mesh, meshOwner, item.virtualNodeName)} onFollow={follow}>
          {item.virtualNodeName}
        </Link>
      ),
    },
    { id: 'serviceDiscovery', header: 'Service discovery', cell: (item) => serviceDiscoveryText(item.spec) },
    { id: 'listeners', header: 'Listeners', cell: (item) => listenersText(item.spec) },
    { id: 'backends', header: 'Backends', cell: (item) => backendsText(item.spec) },
    { id: 'status', header: 'Status', cell: (item) => <ResourceStatus status={item.status.status} /> },
    { id: 'resourceOwner', header: 'Resource owner', cell: (item) => item.metadata.resourceOwner },
    { id: 'meshOwner', header: 'Mesh owner', cell: (item) => item.metadata.meshOwner },
    {
      id: 'lastUpdated',
      header: 'Last updated',
      sortingComparator: byLastUpdated,
      cell: (item) => formatTimestamp(item.metadata.lastUpdatedAt),
    },
  ];

  return (
    <Table
      {...collectionProps}
      data-testid="virtual-nodes-table"
      variant="full-page"
      stickyHeader
      items={items}
      columnDefinitions={columns}
      trackBy="virtualNodeName"
      {...resourceTableProps({
        singular: 'virtual node',
        plural: 'virtual nodes',
        nameOf: (item) => item.virtualNodeName,
        query,
        selected: [],
        setSelected: () => undefined,
        collection: { collectionProps, filterProps, filteredItemsCount },
      })}
      // read-only: nothing to act on, so no selection column
      selectionType={undefined}
      pagination={<Pagination {...paginationProps} />}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={query.data ? `(${all.length})` : undefined}
          description="A virtual node is a logical pointer to a task group, such as an ECS service or a Kubernetes deployment: its listeners, how it is discovered, and the virtual services it calls."
        >
          Virtual nodes
        </Header>
      }
    />
  );
}
