import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { MeshData } from '@meshconsole/model';
import { PrefetchOnIntent } from '../../../components/prefetch-on-intent';
import { ResourceStatus } from '../../../components/resource-status';
import { TableEmptyState, TableErrorState, TableNoMatchState } from '../../../components/table-states';
import { errorMessage } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { useSession } from '../../../lib/session';
import { useMeshes } from '../api/list-meshes';

// Module-level: the table recognizes the sorted column by its comparator instance.
const byOwner = (a: MeshData, b: MeshData) => a.metadata.meshOwner.localeCompare(b.metadata.meshOwner);
const byCreated = (a: MeshData, b: MeshData) => a.metadata.createdAt - b.metadata.createdAt;

export function MeshesTable() {
  const follow = useFollow();
  const session = useSession();
  const query = useMeshes();
  const me = session.data?.accountId;

  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount, actions } = useCollection(
    query.data ?? [],
    {
      filtering: {
        filteringFunction: (mesh, text) =>
          [mesh.meshName, mesh.metadata.meshOwner, mesh.metadata.resourceOwner].some((v) =>
            v.toLowerCase().includes(text.toLowerCase()),
          ),
        empty: <TableEmptyState title="No meshes" subtitle="No meshes are owned by or shared with this account." />,
        noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
      },
      pagination: { pageSize: 20 },
      sorting: { defaultState: { sortingColumn: { sortingField: 'meshName' } } },
    },
  );

  const ownerText = (account: string) => (me && account === me ? `${account} (you)` : account);

  return (
    <Table<MeshData>
      {...collectionProps}
      data-testid="meshes-table"
      variant="full-page"
      stickyHeader
      items={items}
      trackBy={(m) => `${m.metadata.meshOwner}/${m.meshName}`}
      loading={query.isPending}
      loadingText="Loading meshes"
      empty={
        query.isError ? (
          <TableErrorState
            header="Couldn't load meshes"
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : (
          collectionProps.empty
        )
      }
      ariaLabels={{ tableLabel: 'Meshes' }}
      columnDefinitions={[
        {
          id: 'name',
          header: 'Mesh name',
          sortingField: 'meshName',
          cell: (m) => {
            const shared = m.metadata.meshOwner !== me;
            const owner = shared ? m.metadata.meshOwner : undefined;
            return (
              <PrefetchOnIntent href={links.virtualGateways(m.meshName, owner)}>
                <Link href={links.virtualGateways(m.meshName, owner)} onFollow={follow}>
                  {m.meshName}
                </Link>
              </PrefetchOnIntent>
            );
          },
        },
        {
          id: 'meshOwner',
          header: 'Mesh owner',
          cell: (m) => ownerText(m.metadata.meshOwner),
          sortingComparator: byOwner,
        },
        { id: 'resourceOwner', header: 'Resource owner', cell: (m) => ownerText(m.metadata.resourceOwner) },
        {
          id: 'sharing',
          header: 'Sharing',
          cell: (m) => (me && m.metadata.meshOwner !== me ? 'Shared with you' : 'Owned by you'),
        },
        {
          id: 'status',
          header: 'Status',
          cell: (m) => <ResourceStatus status={m.status.status} />,
        },
        {
          id: 'created',
          header: 'Created',
          cell: (m) => formatTimestamp(m.metadata.createdAt),
          sortingComparator: byCreated,
        },
      ]}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={query.data ? `(${query.data.length})` : undefined}
          description="Meshes you own and meshes other accounts share with you. Choose a mesh to see its virtual gateways."
        >
          Meshes
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find meshes"
          filteringAriaLabel="Filter meshes"
          countText={`${filteredItemsCount ?? 0} ${filteredItemsCount === 1 ? 'match' : 'matches'}`}
        />
      }
      pagination={
        <Pagination
          {...paginationProps}
          ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }}
        />
      }
    />
  );
}
