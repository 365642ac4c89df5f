import type { UseCollectionResult } from '@cloudscape-design/collection-hooks';
import type { TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { errorMessage } from '../lib/api-client';
import { TableErrorState } from './table-states';

type ListQuery = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

export interface ResourceTableOptions<T> {
  /** Lower-case singular noun, e.g. "gateway route". */
  singular: string;
  /** Lower-case plural noun, e.g. "gateway routes". */
  plural: string;
  nameOf: (item: T) => string;
  query: ListQuery;
  selected: T[];
  setSelected: (items: T[]) => void;
  collection: Pick<UseCollectionResult<T>, 'collectionProps' | 'filterProps' | 'filteredItemsCount'>;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The single-selection, loading, error, labels and filter props that every resource list table shares. */
export function resourceTableProps<T>({
  singular,
  plural,
  nameOf,
  query,
  selected,
  setSelected,
  collection: { collectionProps, filterProps, filteredItemsCount },
}: ResourceTableOptions<T>): Pick<
  TableProps<T>,
  | 'selectionType'
  | 'selectedItems'
  | 'onSelectionChange'
  | 'loading'
  | 'loadingText'
  | 'ariaLabels'
  | 'empty'
  | 'filter'
> {
  return {
    selectionType: 'single',
    selectedItems: selected,
    onSelectionChange: ({ detail }) => setSelected(detail.selectedItems),
    loading: query.isPending,
    loadingText: `Loading ${plural}`,
    ariaLabels: {
      selectionGroupLabel: `${capitalize(singular)} selection`,
      itemSelectionLabel: (_data, item) => `Select ${singular} ${nameOf(item)}`,
      tableLabel: capitalize(plural),
    },
    empty: query.isError ? (
      <TableErrorState
        header={`Couldn't load the ${plural}`}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    ) : (
      collectionProps.empty
    ),
    filter: (
      <TextFilter
        {...filterProps}
        filteringPlaceholder={`Find ${plural}`}
        filteringAriaLabel={`Filter ${plural}`}
        countText={filterProps.filteringText ? `${filteredItemsCount ?? 0} matches` : undefined}
      />
    ),
  };
}
