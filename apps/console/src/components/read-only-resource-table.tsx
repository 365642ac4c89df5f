import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { formatTimestamp } from '../lib/format';
import { useFollow } from '../lib/links';
import { ResourceStatus } from './resource-status';
import { resourceTableProps } from './resource-table-props';
import { TableEmptyState, TableNoMatchState } from './table-states';

/** What every listed App Mesh resource has: its metadata and its status. */
interface ListedResource {
  metadata: { resourceOwner: string; meshOwner: string; lastUpdatedAt: number };
  status: { status: string };
}

export interface ReadOnlyResourceTableProps<T extends ListedResource> {
  query: { data: T[] | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** The item's name field (sorting, row identity). */
  nameField: keyof T & string;
  /** The details page of a resource by name. */
  href: (name: string) => string;
  /** The kind's own columns, between the name and the status. */
  columns: TableProps.ColumnDefinition<T>[];
  /** The text the filter matches. */
  searchText: (item: T) => string;
  /** Lower-case kind, as in "virtual node" / "virtual nodes". */
  singular: string;
  plural: string;
  /** The page heading and its description. */
  heading: string;
  description: ReactNode;
  /** The App Mesh CLI command that creates one, for the empty state. */
  createCommand: string;
  testId: string;
}

const PAGE_SIZE = 20;

/**
 * A full-page table of one read-only kind of a mesh (the App Mesh API and the CLI create them):
 * name (a link to its details), the kind's own columns, status, owners, last updated; a text filter
 * and pages; no selection, nothing to act on.
 */
export function ReadOnlyResourceTable<T extends ListedResource>(props: ReadOnlyResourceTableProps<T>) {
  const { query, nameField, href, singular, plural } = props;
  const follow = useFollow();
  const all = query.data ?? [];
  const nameOf = (item: T) => String(item[nameField]);

  const { items, filteredItemsCount, collectionProps, filterProps, paginationProps, actions } = useCollection(all, {
    filtering: {
      filteringFunction: (item, text) => props.searchText(item).toLowerCase().includes(text.toLowerCase()),
      empty: (
        <TableEmptyState
          title={`No ${plural}`}
          subtitle={`This mesh has no ${plural}. Create them with the App Mesh API, for example aws appmesh ${props.createCommand}.`}
        />
      ),
      noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
    },
    pagination: { pageSize: PAGE_SIZE },
    sorting: { defaultState: { sortingColumn: { sortingField: nameField } } },
  });

  const columns: TableProps.ColumnDefinition<T>[] = [
    {
      id: 'name',
      header: 'Name',
      sortingField: nameField,
      isRowHeader: true,
      cell: (item) => (
        <Link href={href(nameOf(item))} onFollow={follow}>
          {nameOf(item)}
        </Link>
      ),
    },
    ...props.columns,
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
      data-testid={props.testId}
      variant="full-page"
      stickyHeader
      items={items}
      columnDefinitions={columns}
      trackBy={nameField}
      {...resourceTableProps({
        singular,
        plural,
        nameOf,
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
          description={props.description}
        >
          {props.heading}
        </Header>
      }
    />
  );
}

// Module-level: the table recognizes the sorted column by its comparator instance.
function byLastUpdated(a: ListedResource, b: ListedResource): number {
  return a.metadata.lastUpdatedAt - b.metadata.lastUpdatedAt;
}
