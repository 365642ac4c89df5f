import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { describeCliJson, type RouteData } from '@meshconsole/model';
import { DescribeJsonView } from '../../../components/describe-json-view';
import { ResourceStatus } from '../../../components/resource-status';
import { TableEmptyState, TableErrorState } from '../../../components/table-states';
import { errorMessage } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { useRoutes } from '../api/list-routes';
import { byPriority, routeMatchText, routeTypeText, targetShares } from './route-text';

export interface RoutesTableProps {
  mesh: string;
  meshOwner: string | undefined;
  routerName: string;
}

function Targets({ route, mesh, meshOwner }: { route: RouteData; mesh: string; meshOwner: string | undefined }) {
  const follow = useFollow();
  return (
    <SpaceBetween size="xxxs">
      {targetShares(route.spec).map((t) => (
        <span key={`${t.virtualNode}:${t.port ?? ''}`} data-testid="weighted-target">
          <Link href={links.virtualNode(mesh, meshOwner, t.virtualNode)} onFollow={follow}>
            {t.virtualNode}
          </Link>
          {t.port === undefined ? '' : `:${t.port}`} (weight {t.weight}, {t.percent}%)
        </span>
      ))}
    </SpaceBetween>
  );
}

/** A virtual router's routes in the order App Mesh tries them, with each route's describe JSON. */
export function RoutesTable({ mesh, meshOwner, routerName }: RoutesTableProps) {
  const query = useRoutes(mesh, meshOwner, routerName);
  const routes = [...(query.data ?? [])].sort(byPriority);
  return (
    <SpaceBetween size="l">
      {[
        <Table
          key="table"
          data-testid="routes-table"
          variant="container"
          items={routes}
          trackBy="routeName"
          loading={query.isPending}
          loadingText="Loading routes"
          ariaLabels={{ tableLabel: 'Routes' }}
          header={
            <Header
              variant="h2"
              counter={query.data ? `(${routes.length})` : undefined}
              description="Tried in priority order (0 first; a route without a priority last). A request takes the first route that matches and goes to one of its weighted targets."
            >
              Routes
            </Header>
          }
          empty={
            query.isError ? (
              <TableErrorState
                header="Couldn't load the routes"
                message={errorMessage(query.error)}
                onRetry={() => void query.refetch()}
              />
            ) : (
              <TableEmptyState
                title="No routes"
                subtitle="This virtual router has no routes: it sends no request anywhere."
              />
            )
          }
          columnDefinitions={[
            { id: 'name', header: 'Name', isRowHeader: true, cell: (r) => r.routeName },
            { id: 'type', header: 'Type', cell: (r) => routeTypeText(r.spec) },
            { id: 'priority', header: 'Priority', cell: (r) => r.spec.priority ?? '-' },
            { id: 'match', header: 'Match', cell: (r) => routeMatchText(r.spec) },
            {
              id: 'targets',
              header: 'Weighted targets',
              cell: (r) => <Targets route={r} mesh={mesh} meshOwner={meshOwner} />,
            },
            { id: 'status', header: 'Status', cell: (r) => <ResourceStatus status={r.status.status} /> },
            { id: 'lastUpdated', header: 'Last updated', cell: (r) => formatTimestamp(r.metadata.lastUpdatedAt) },
          ]}
        />,
        ...routes.map((r) => (
          <div key={`json-${r.routeName}`} data-testid={`route-json-${r.routeName}`}>
            <ExpandableSection variant="container" headerText={`Route JSON: ${r.routeName}`}>
              <DescribeJsonView
                command="describe-route"
                subject={`route ${r.routeName}`}
                json={describeCliJson('route', r)}
                testId="route-describe-json"
              />
            </ExpandableSection>
          </div>
        )),
      ]}
    </SpaceBetween>
  );
}
