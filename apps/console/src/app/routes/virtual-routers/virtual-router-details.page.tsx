import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { describeCliJson } from '@meshconsole/model';
import { useParams, useSearchParams } from 'react-router';
import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { DescribeJsonView } from '../../../components/describe-json-view';
import { ResourceSummary } from '../../../components/resource-summary';
import { ErrorState, PageLoading } from '../../../components/table-states';
import { useVirtualRouter } from '../../../features/virtual-routers/api/get-virtual-router';
import { RoutesTable } from '../../../features/virtual-routers/components/routes-table';
import { routerListenersText } from '../../../features/virtual-routers/components/virtual-routers-table';
import { errorMessage } from '../../../lib/api-client';
import { links, useMeshParams } from '../../../lib/links';

const TABS = ['routes', 'json'] as const;

export default function VirtualRouterDetailsPage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = useVirtualRouter(mesh, meshOwner, name);

  usePageChrome({
    title: name,
    breadcrumbs: meshCrumbs(
      mesh,
      meshOwner,
      { text: 'Virtual routers', href: links.virtualRouters(mesh, meshOwner) },
      { text: name, href: links.virtualRouter(mesh, meshOwner, name) },
    ),
  });

  if (query.isPending) return <PageLoading text={`Loading virtual router ${name}`} />;
  if (query.isError) {
    return (
      <SpaceBetween size="l">
        {[
          <Header key="h" variant="h1">
            {name}
          </Header>,
          <ErrorState
            key="e"
            header={`Couldn't load virtual router ${name}`}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />,
        ]}
      </SpaceBetween>
    );
  }

  const router = query.data;
  const activeTab = TABS.find((t) => t === search.get('tab')) ?? 'routes';
  return (
    <SpaceBetween size="l">
      {[
        <Header
          key="header"
          variant="h1"
          description="Read-only: change it and its routes with the App Mesh API (aws appmesh update-virtual-router, create-route)."
        >
          {name}
        </Header>,
        <ResourceSummary key="summary" metadata={router.metadata} status={router.status.status} />,
        <div key="listeners" data-testid="router-listeners">
          <Container header={<Header variant="h2">Listeners</Header>}>
            <Box>{routerListenersText(router.spec)}</Box>
          </Container>
        </div>,
        <div key="tabs" data-testid="details-tabs">
          <Tabs
            variant="container"
            ariaLabel="Virtual router details"
            activeTabId={activeTab}
            onChange={({ detail }) => {
              const next = new URLSearchParams(search);
              next.set('tab', detail.activeTabId);
              setSearch(next, { replace: true });
            }}
            tabs={[
              {
                id: 'routes',
                label: 'Routes',
                content: <RoutesTable mesh={mesh} meshOwner={meshOwner} routerName={name} />,
              },
              {
                id: 'json',
                label: 'JSON',
                content: (
                  <DescribeJsonView
                    command="describe-virtual-router"
                    subject="this virtual router"
                    json={describeCliJson('virtualRouter', router)}
                  />
                ),
              },
            ]}
          />
        </div>,
      ]}
    </SpaceBetween>
  );
}
