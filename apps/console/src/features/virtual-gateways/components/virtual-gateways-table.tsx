import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences, {
  type CollectionPreferencesProps,
} from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { VirtualGatewayData } from '@meshconsole/model';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PrefetchOnIntent } from '../../../components/prefetch-on-intent';
import { ResourceStatus } from '../../../components/resource-status';
import { TableEmptyState, TableErrorState, TableNoMatchState } from '../../../components/table-states';
import { errorMessage } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { useSession } from '../../../lib/session';
import { useLocalStorage } from '../../../lib/use-local-storage';
import { usePrefetchVirtualGateway } from '../api/get-virtual-gateway';
import { useVirtualGatewayPages } from '../api/list-virtual-gateways';
import { ownerBlockReason } from './delete-virtual-gateway-modal';
import { listenerText, tlsModeText } from './gateway-text';
import { useDeleteVirtualGateway } from './use-delete-virtual-gateway';

interface Preferences {
  pageSize: number;
  wrapLines: boolean;
  stripedRows: boolean;
  contentDisplay: ReadonlyArray<CollectionPreferencesProps.ContentDisplayItem>;
}

const COLUMN_LABELS: Record<string, string> = {
  name: 'Name',
  listener: 'Listener',
  tls: 'TLS mode',
  status: 'Status',
  meshOwner: 'Mesh owner',
  resourceOwner: 'Resource owner',
  lastUpdated: 'Last updated',
  created: 'Created',
};

const DEFAULT_PREFERENCES: Preferences = {
  pageSize: 20,
  wrapLines: false,
  stripedRows: false,
  contentDisplay: [
    { id: 'name', visible: true },
    { id: 'listener', visible: true },
    { id: 'tls', visible: true },
    { id: 'status', visible: true },
    { id: 'resourceOwner', visible: true },
    { id: 'meshOwner', visible: false },
    { id: 'lastUpdated', visible: true },
    { id: 'created', visible: false },
  ],
};

export const PREFERENCES_STORAGE_KEY = 'meshconsole.virtual-gateways-table.preferences';

type Compare = (a: VirtualGatewayData, b: VirtualGatewayData) => number;

/**
 * Column comparators. Module-level, so each render passes the same function instances (the table
 * recognizes the sorted column by its comparator).
 */
const COMPARE = {
  /** Protocol, then port as a number. */
  listener: (a, b) => {
    const la = a.spec.listeners[0]?.portMapping;
    const lb = b.spec.listeners[0]?.portMapping;
    return (la?.protocol ?? '').localeCompare(lb?.protocol ?? '') || (la?.port ?? 0) - (lb?.port ?? 0);
  },
  tls: (a, b) => tlsModeText(a).localeCompare(tlsModeText(b)),
  status: (a, b) => a.status.status.localeCompare(b.status.status),
  meshOwner: (a, b) => a.metadata.meshOwner.localeCompare(b.metadata.meshOwner),
  resourceOwner: (a, b) => a.metadata.resourceOwner.localeCompare(b.metadata.resourceOwner),
  lastUpdated: (a, b) => a.metadata.lastUpdatedAt - b.metadata.lastUpdatedAt,
  created: (a, b) => a.metadata.createdAt - b.metadata.createdAt,
} satisfies Record<string, Compare>;

function matchesFilter(gateway: VirtualGatewayData, text: string): boolean {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [
    gateway.virtualGatewayName,
    listenerText(gateway),
    tlsModeText(gateway),
    gateway.status.status,
    gateway.metadata.resourceOwner,
    gateway.metadata.meshOwner,
  ].some((v) => v.toLowerCase().includes(needle));
}

export interface VirtualGatewaysTableProps {
  mesh: string;
  meshOwner: string | undefined;
  /** More header actions (the page's **Export**), before **Create virtual gateway**. */
  headerActions?: ReactNode;
}

export function VirtualGatewaysTable({ mesh, meshOwner, headerActions }: VirtualGatewaysTableProps) {
  const navigate = useNavigate();
  const follow = useFollow();
  const session = useSession();
  const query = useVirtualGatewayPages(mesh, meshOwner);
  const prefetchGateway = usePrefetchVirtualGateway(mesh, meshOwner);
  // Hover or focus on a gateway link or View details: the route table loads the details page's code and
  // data; the gateway itself is in the list already, so its details query is seeded from the row.
  const seedDetails = (gateway: VirtualGatewayData | undefined) => {
    if (gateway) prefetchGateway(gateway, query.dataUpdatedAt);
  };
  const detailsHref = (gateway: VirtualGatewayData) =>
    links.virtualGateway(mesh, meshOwner, gateway.virtualGatewayName);
  const createHref = links.createVirtualGateway(mesh, meshOwner);
  const [preferences, setPreferences] = useLocalStorage<Preferences>(PREFERENCES_STORAGE_KEY, DEFAULT_PREFERENCES);
  const [selected, setSelected] = useState<VirtualGatewayData[]>([]);
  const deletion = useDeleteVirtualGateway(mesh, meshOwner, { onDeleted: () => setSelected([]) });

  const loaded = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const hasMore = query.hasNextPage;
  const pageSize = preferences.pageSize;

  // Filtering, sorting and pages over the loaded gateways, with Cloudscape's collection hooks. Pages
  // may run past what is loaded (openEnd): the effect below then fetches the next server page.
  const {
    items: pageItems,
    filteredItemsCount,
    collectionProps,
    filterProps,
    paginationProps,
    actions,
  } = useCollection(loaded, {
    filtering: { filteringFunction: matchesFilter },
    sorting: {},
    pagination: { pageSize, allowPageOutOfRange: true },
  });
  const filterText = filterProps.filteringText;
  const filteredCount = filteredItemsCount ?? loaded.length;
  const pageIndex = paginationProps.currentPageIndex;
  const pagesCount = Math.max(1, paginationProps.pagesCount);

  // Server-side pages: fetch the next page when the user pages past what is loaded, or keep fetching
  // while a filter is active so that it searches every gateway, not only the loaded ones.
  const needMore = hasMore && (filterText !== '' || pageIndex * pageSize > filteredCount);
  const { fetchNextPage, isFetchingNextPage } = query;
  useEffect(() => {
    if (needMore && !isFetchingNextPage && !query.isFetchNextPageError) void fetchNextPage();
  }, [needMore, isFetchingNextPage, fetchNextPage, query.isFetchNextPageError]);

  // The selection follows the data: a deleted or refreshed gateway leaves the selection.
  useEffect(() => {
    setSelected((prev) => prev.filter((s) => loaded.some((g) => g.virtualGatewayName === s.virtualGatewayName)));
  }, [loaded]);

  const one = selected.length === 1 ? selected[0] : undefined;
  const ownerReason = one ? ownerBlockReason(one.metadata.resourceOwner, session.data?.accountId) : undefined;
  const editReason = one ? ownerBlockReason(one.metadata.resourceOwner, session.data?.accountId, 'edit') : undefined;
  const totalText = `${loaded.length}${hasMore ? '+' : ''}`;
  const counter = one ? `(1/${totalText})` : `(${totalText})`;

  const columns: TableProps.ColumnDefinition<VirtualGatewayData>[] = [
    {
      id: 'name',
      isRowHeader: true,
      header: COLUMN_LABELS.name,
      sortingField: 'virtualGatewayName',
      cell: (g) => (
        <PrefetchOnIntent href={detailsHref(g)} onIntent={() => seedDetails(g)}>
          <Link href={detailsHref(g)} onFollow={follow}>
            {g.virtualGatewayName}
          </Link>
        </PrefetchOnIntent>
      ),
    },
    { id: 'listener', header: COLUMN_LABELS.listener, cell: listenerText, sortingComparator: COMPARE.listener },
    {
      id: 'tls',
      header: COLUMN_LABELS.tls,
      cell: tlsModeText,
      sortingComparator: COMPARE.tls,
    },
    {
      id: 'status',
      header: COLUMN_LABELS.status,
      sortingComparator: COMPARE.status,
      cell: (g) => <ResourceStatus status={g.status.status} />,
    },
    {
      id: 'meshOwner',
      header: COLUMN_LABELS.meshOwner,
      cell: (g) => g.metadata.meshOwner,
      sortingComparator: COMPARE.meshOwner,
    },
    {
      id: 'resourceOwner',
      header: COLUMN_LABELS.resourceOwner,
      cell: (g) => g.metadata.resourceOwner,
      sortingComparator: COMPARE.resourceOwner,
    },
    {
      id: 'lastUpdated',
      header: COLUMN_LABELS.lastUpdated,
      cell: (g) => formatTimestamp(g.metadata.lastUpdatedAt),
      sortingComparator: COMPARE.lastUpdated,
    },
    {
      id: 'created',
      header: COLUMN_LABELS.created,
      cell: (g) => formatTimestamp(g.metadata.createdAt),
      sortingComparator: COMPARE.created,
    },
  ];

  const createButton = (
    <PrefetchOnIntent key="create" href={createHref}>
      <Button variant="primary" href={createHref} onFollow={follow} data-testid="create-virtual-gateway">
        Create virtual gateway
      </Button>
    </PrefetchOnIntent>
  );

  const empty = query.isError ? (
    <TableErrorState
      header="Couldn't load virtual gateways"
      message={errorMessage(query.error)}
      onRetry={() => void query.refetch()}
    />
  ) : filterText && hasMore ? (
    <TableEmptyState title="Searching" subtitle={`No matches in the first ${loaded.length} gateways yet.`} />
  ) : filterText ? (
    <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />
  ) : (
    <TableEmptyState
      title="No virtual gateways"
      subtitle="This mesh has no virtual gateways yet."
      action={
        <PrefetchOnIntent href={createHref}>
          <Button href={createHref} onFollow={follow} data-testid="create-virtual-gateway-empty">
            Create virtual gateway
          </Button>
        </PrefetchOnIntent>
      }
    />
  );

  const filterCount = filterText
    ? `${filteredCount} ${filteredCount === 1 ? 'match' : 'matches'}${hasMore ? ` in ${loaded.length} gateways so far` : ''}`
    : undefined;

  return (
    <>
      <Table<VirtualGatewayData>
        sortingColumn={collectionProps.sortingColumn}
        sortingDescending={collectionProps.sortingDescending}
        onSortingChange={(event) => {
          collectionProps.onSortingChange?.(event);
          setSelected([]);
        }}
        data-testid="virtual-gateways-table"
        variant="full-page"
        stickyHeader
        items={pageItems}
        columnDefinitions={columns}
        columnDisplay={preferences.contentDisplay}
        wrapLines={preferences.wrapLines}
        stripedRows={preferences.stripedRows}
        trackBy="virtualGatewayName"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        loading={query.isPending || (pageItems.length === 0 && isFetchingNextPage)}
        loadingText="Loading virtual gateways"
        empty={empty}
        ariaLabels={{
          tableLabel: 'Virtual gateways',
          selectionGroupLabel: 'Virtual gateway selection',
          itemSelectionLabel: (_s, g) => `Select virtual gateway ${g.virtualGatewayName}`,
          allItemsSelectionLabel: () => 'Select all virtual gateways',
        }}
        renderAriaLive={({ firstIndex, lastIndex, totalItemsCount }) =>
          `Displaying items ${firstIndex} to ${lastIndex} of ${totalItemsCount ?? totalText}`
        }
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.isPending ? undefined : counter}
            description="A virtual gateway lets resources outside the mesh reach resources inside it."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {[
                  <PrefetchOnIntent key="view" href={one && detailsHref(one)} onIntent={() => seedDetails(one)}>
                    <Button
                      disabled={!one}
                      onClick={() => one && navigate(detailsHref(one))}
                      data-testid="view-details"
                    >
                      View details
                    </Button>
                  </PrefetchOnIntent>,
                  <Button
                    key="edit"
                    disabled={!one || !!editReason}
                    disabledReason={editReason}
                    onClick={() => one && navigate(links.editVirtualGateway(mesh, meshOwner, one.virtualGatewayName))}
                    data-testid="edit-virtual-gateway"
                  >
                    Edit
                  </Button>,
                  <Button
                    key="delete"
                    disabled={!one || !!ownerReason}
                    disabledReason={ownerReason}
                    onClick={() =>
                      one && deletion.open({ name: one.virtualGatewayName, resourceOwner: one.metadata.resourceOwner })
                    }
                    data-testid="delete-virtual-gateway"
                  >
                    Delete
                  </Button>,
                  ...(headerActions ? [<span key="extra">{headerActions}</span>] : []),
                  createButton,
                ]}
              </SpaceBetween>
            }
          >
            Virtual gateways
          </Header>
        }
        filter={
          <TextFilter
            {...filterProps}
            filteringPlaceholder="Find virtual gateways"
            filteringAriaLabel="Filter virtual gateways"
            countText={filterCount}
            onChange={(event) => {
              filterProps.onChange(event);
              setSelected([]);
            }}
          />
        }
        pagination={
          <Pagination
            currentPageIndex={pageIndex}
            pagesCount={pagesCount}
            openEnd={hasMore}
            onChange={(event) => {
              paginationProps.onChange(event);
              setSelected([]);
            }}
            ariaLabels={{
              nextPageLabel: 'Next page',
              previousPageLabel: 'Previous page',
              pageLabel: (n) => `Page ${n} of ${hasMore ? 'all pages' : pagesCount}`,
            }}
          />
        }
        preferences={
          <CollectionPreferences
            title="Preferences"
            confirmLabel="Confirm"
            cancelLabel="Cancel"
            preferences={preferences}
            onConfirm={({ detail }) => {
              setPreferences({
                pageSize: detail.pageSize ?? preferences.pageSize,
                wrapLines: detail.wrapLines ?? preferences.wrapLines,
                stripedRows: detail.stripedRows ?? preferences.stripedRows,
                contentDisplay: detail.contentDisplay ?? preferences.contentDisplay,
              });
              actions.setCurrentPage(1);
              setSelected([]);
            }}
            pageSizePreference={{
              title: 'Page size',
              options: [
                { value: 10, label: '10 gateways' },
                { value: 20, label: '20 gateways' },
                { value: 50, label: '50 gateways' },
                { value: 100, label: '100 gateways' },
              ],
            }}
            wrapLinesPreference={{ label: 'Wrap lines', description: 'Show long values on several lines.' }}
            stripedRowsPreference={{ label: 'Striped rows', description: 'Shade every other row.' }}
            contentDisplayPreference={{
              title: 'Column preferences',
              options: Object.entries(COLUMN_LABELS).map(([id, label]) => ({
                id,
                label,
                alwaysVisible: id === 'name',
              })),
            }}
          />
        }
      />
      {deletion.modal}
    </>
  );
}
