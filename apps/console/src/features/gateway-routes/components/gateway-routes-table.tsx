import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { GatewayRouteData } from '@meshconsole/model';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PrefetchOnIntent } from '../../../components/prefetch-on-intent';
import { ResourceStatus } from '../../../components/resource-status';
import { resourceTableProps } from '../../../components/resource-table-props';
import { TableEmptyState, TableNoMatchState } from '../../../components/table-states';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { gatewayRouteQueryOptions } from '../api/get-gateway-route';
import { useRouteChecks } from '../api/get-route-checks';
import { useGatewayRoutes } from '../api/list-gateway-routes';
import { matchSummary, routeTypeOf, targetOf } from './gateway-route-text';
import { RouteFindingList } from './route-findings';
import { useDeleteGatewayRouteFlow } from './use-delete-gateway-route';

export interface GatewayRoutesTableProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
  canWrite: boolean;
}

/** Module-level comparators: the table recognizes the sorted column by its comparator instance. */
const COMPARE = {
  // A route without a priority is matched after every prioritized one (priorities are 0 to 1000).
  priority: (a: GatewayRouteData, b: GatewayRouteData) => (a.spec.priority ?? 1001) - (b.spec.priority ?? 1001),
  lastUpdated: (a: GatewayRouteData, b: GatewayRouteData) => a.metadata.lastUpdatedAt - b.metadata.lastUpdatedAt,
};

const NOT_OWNER_REASON = 'Only the resource owner of the virtual gateway can create or delete its gateway routes.';

/** The "Gateway routes" table of a virtual gateway's details page (container variant). */
export function GatewayRoutesTable({ mesh, meshOwner, gatewayName, canWrite }: GatewayRoutesTableProps) {
  const query = useGatewayRoutes(mesh, meshOwner, gatewayName);
  const checks = useRouteChecks(mesh, meshOwner, gatewayName);
  const client = useQueryClient();
  // Hover or focus on a route link: the route is in the list already; seed its details (the route
  // table loads the page's code).
  const seedRoute = (route: GatewayRouteData) => {
    const key = gatewayRouteQueryOptions(mesh, meshOwner, gatewayName, route.gatewayRouteName).queryKey;
    if (client.getQueryData(key) === undefined) client.setQueryData(key, route, { updatedAt: query.dataUpdatedAt });
  };
  const follow = useFollow();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<GatewayRouteData[]>([]);
  const deleteFlow = useDeleteGatewayRouteFlow(mesh, meshOwner, gatewayName, {
    onDeleted: (name) => setSelected((prev) => prev.filter((r) => r.gatewayRouteName !== name)),
  });
  const createHref = links.createGatewayRoute(mesh, meshOwner, gatewayName);
  const all = query.data ?? [];

  const { items, filteredItemsCount, collectionProps, filterProps, actions } = useCollection(all, {
    filtering: {
      filteringFunction: (item, text) => {
        const needle = text.toLowerCase();
        const target = targetOf(item.spec);
        return [item.gatewayRouteName, routeTypeOf(item.spec), matchSummary(item.spec), target?.virtualServiceName]
          .filter(Boolean)
          .some((v) => String(v).toLowerCase().includes(needle));
      },
      empty: (
        <TableEmptyState
          title="No gateway routes"
          subtitle="This virtual gateway has no gateway routes yet. A gateway route sends matching requests to a virtual service."
          action={
            <Button
              href={createHref}
              onFollow={follow}
              disabled={!canWrite}
              disabledReason={canWrite ? undefined : NOT_OWNER_REASON}
            >
              Create gateway route
            </Button>
          }
        />
      ),
      noMatch: <TableNoMatchState onClearFilter={() => actions.setFiltering('')} />,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: 'gatewayRouteName' } } },
  });

  const columns: TableProps.ColumnDefinition<GatewayRouteData>[] = [
    {
      id: 'name',
      header: 'Name',
      sortingField: 'gatewayRouteName',
      isRowHeader: true,
      cell: (item) => (
        <PrefetchOnIntent
          href={links.gatewayRoute(mesh, meshOwner, gatewayName, item.gatewayRouteName)}
          onIntent={() => seedRoute(item)}
        >
          <Link href={links.gatewayRoute(mesh, meshOwner, gatewayName, item.gatewayRouteName)} onFollow={follow}>
            {item.gatewayRouteName}
          </Link>
        </PrefetchOnIntent>
      ),
    },
    { id: 'type', header: 'Type', cell: (item) => routeTypeOf(item.spec) ?? '-' },
    { id: 'match', header: 'Match', cell: (item) => matchSummary(item.spec) },
    {
      id: 'target',
      header: 'Target virtual service',
      cell: (item) => {
        const target = targetOf(item.spec);
        if (!target) return '-';
        return target.port !== undefined
          ? `${target.virtualServiceName} (port ${target.port})`
          : target.virtualServiceName;
      },
    },
    {
      id: 'priority',
      header: 'Priority',
      sortingComparator: COMPARE.priority,
      cell: (item) => (item.spec.priority !== undefined ? String(item.spec.priority) : '-'),
    },
    {
      id: 'checks',
      header: 'Route checks',
      cell: (item) => {
        if (checks.isPending) return <StatusIndicator type="loading">Checking</StatusIndicator>;
        if (checks.isError) return <StatusIndicator type="warning">Couldn't check the routes</StatusIndicator>;
        const own = checks.data.filter((f) => f.gatewayRouteName === item.gatewayRouteName);
        if (own.length === 0) return <StatusIndicator type="success">No findings</StatusIndicator>;
        return <RouteFindingList findings={own} testId="route-findings" />;
      },
    },
    {
      id: 'status',
      header: 'Status',
      cell: (item) => <ResourceStatus status={item.status.status} />,
    },
    {
      id: 'lastUpdated',
      header: 'Last updated',
      sortingComparator: COMPARE.lastUpdated,
      cell: (item) => formatTimestamp(item.metadata.lastUpdatedAt),
    },
  ];

  const selectedRoute = selected[0];
  const counter = query.data
    ? selected.length > 0
      ? `(${selected.length}/${all.length})`
      : `(${all.length})`
    : undefined;

  return (
    <>
      <Table
        {...collectionProps}
        data-testid="gateway-routes-table"
        variant="container"
        items={items}
        columnDefinitions={columns}
        trackBy="gatewayRouteName"
        {...resourceTableProps({
          singular: 'gateway route',
          plural: 'gateway routes',
          nameOf: (item) => item.gatewayRouteName,
          query,
          selected,
          setSelected,
          collection: { collectionProps, filterProps, filteredItemsCount },
        })}
        header={
          <Header
            counter={counter}
            description="Gateway routes send requests that reach this virtual gateway to virtual services in the mesh."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {[
                  <Button
                    key="details"
                    disabled={!selectedRoute}
                    onClick={() =>
                      selectedRoute &&
                      navigate(links.gatewayRoute(mesh, meshOwner, gatewayName, selectedRoute.gatewayRouteName))
                    }
                  >
                    View details
                  </Button>,
                  <Button
                    key="delete"
                    data-testid="delete-gateway-route"
                    disabled={!selectedRoute || !canWrite}
                    disabledReason={
                      !canWrite ? NOT_OWNER_REASON : !selectedRoute ? 'Select a gateway route to delete.' : undefined
                    }
                    onClick={() => selectedRoute && deleteFlow.open(selectedRoute.gatewayRouteName)}
                  >
                    Delete
                  </Button>,
                  <Button
                    key="create"
                    variant="primary"
                    href={createHref}
                    onFollow={follow}
                    disabled={!canWrite}
                    disabledReason={canWrite ? undefined : NOT_OWNER_REASON}
                  >
                    Create gateway route
                  </Button>,
                ]}
              </SpaceBetween>
            }
          >
            Gateway routes
          </Header>
        }
      />
      {deleteFlow.modal}
    </>
  );
}
