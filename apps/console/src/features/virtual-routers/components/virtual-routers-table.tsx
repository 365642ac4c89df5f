import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { VirtualRouterData, VirtualRouterSpec } from '@meshconsole/model';
import { ResourceStatus } from '../../../components/resource-status';
import { resourceTableProps } from '../../../components/resource-table-props';
import { TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { useVirtualRouters } from '../api/list-virtual-routers';

export function routerListenersText(spec: VirtualRouterSpec): string {
  const listeners = spec.listeners ?? [];
  return listeners.length > 0
    ? listeners.map((l) => `${l.portMapping.protocol}:${l.portMapping.port}`).join(', ')
    : 'None';
}

// Module-level: the table recognizes the sorted column by its comparator instance.
const byLastUpdated = (a: VirtualRouterData, b: VirtualRouterData) =>
  a.metadata.lastUpdatedAt - b.metadata.lastUpdatedAt;

const PAGE_SIZE = 20;

/** Full-page table of a mesh's virtual routers (read-only). */
export function VirtualRoutersTable({ mesh, meshOwner }: { mesh: string; meshOwner: string | undefined }) {
  const query = useVirtualRouters(mesh, meshOwner);
  const follow = useFollow();
  const all = query.data ?? [];

  const { items, filteredItemsCount, collectionProps, filterProps, paginationProps, actions } = useCollection(all, {
    filtering: {
      filteringFunction: (item, text) =>
        `${item.virtualRouterName} ${routerListenersText(item.spec)} ${item.metadata.resourceOwner}`
          .toLowerCase()
          .includes(text.toLowerCase()),
      empty: (
        <TableEmptyState
          title="No virtual routers"
          subtitle="This mesh has no virtual routers. Create them with the App Mesh API, for example aws appmesh create-virtual-router."
        />
      ),
      noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
    },
    pagination: { pageSize: PAGE_SIZE },
    sorting: { defaultState: { sortingColumn: { sortingField: 'virtualRouterName' } } },
  });

  const columns: TableProps.ColumnDefinition<VirtualRouterData>[] = [
    {
      id: 'name',
      header: 'Name',
      sortingField: 'virtualRouterName',
      isRowHeader: true,
      cell: (item) => (
        <Link href={links.virtualRouter(mesh, meshOwner, item.virtualRouterName)} onFollow={follow}>
          {item.virtualRouterName}
        </Link>
      ),
    },
    { id: 'listeners', header: 'Listeners', cell: (item) => routerListenersText(item.spec) },
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
      data-testid="virtual-routers-table"
      variant="full-page"
      stickyHeader
      items={items}
      columnDefinitions={columns}
      trackBy="virtualRouterName"
      {...resourceTableProps({
        singular: 'virtual router',
        plural: 'virtual routers',
        nameOf: (item) => item.virtualRouterName,
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
          description="A virtual router handles traffic for virtual services: its routes send requests to virtual nodes, by weight."
        >
          Virtual routers
        </Header>
      }
    />
  );
}
