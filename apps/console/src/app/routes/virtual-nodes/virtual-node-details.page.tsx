import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { describeCliJson } from '@meshconsole/model';
import { useParams, useSearchParams } from 'react-router';
import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { DescribeJsonView } from '../../../components/describe-json-view';
import { ResourceSummary } from '../../../components/resource-summary';
import { ErrorState, PageLoading } from '../../../components/table-states';
import { useVirtualNode } from '../../../features/virtual-nodes/api/get-virtual-node';
import { VirtualNodeConfiguration } from '../../../features/virtual-nodes/components/virtual-node-configuration';
import { errorMessage } from '../../../lib/api-client';
import { links, useMeshParams } from '../../../lib/links';

const TABS = ['configuration', 'json'] as const;

export default function VirtualNodeDetailsPage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = useVirtualNode(mesh, meshOwner, name);

  usePageChrome({
    title: name,
    breadcrumbs: meshCrumbs(
      mesh,
      meshOwner,
      { text: 'Virtual nodes', href: links.virtualNodes(mesh, meshOwner) },
      { text: name, href: links.virtualNode(mesh, meshOwner, name) },
    ),
  });

  if (query.isPending) return <PageLoading text={`Loading virtual node ${name}`} />;
  if (query.isError) {
    return (
      <SpaceBetween size="l">
        {[
          <Header key="h" variant="h1">
            {name}
          </Header>,
          <ErrorState
            key="e"
            header={`Couldn't load virtual node ${name}`}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />,
        ]}
      </SpaceBetween>
    );
  }

  const node = query.data;
  const activeTab = TABS.find((t) => t === search.get('tab')) ?? 'configuration';
  return (
    <SpaceBetween size="l">
      {[
        <Header
          key="header"
          variant="h1"
          description="Read-only: change it with the App Mesh API (aws appmesh update-virtual-node)."
        >
          {name}
        </Header>,
        <ResourceSummary key="summary" metadata={node.metadata} status={node.status.status} />,
        <div key="tabs" data-testid="details-tabs">
          <Tabs
            variant="container"
            ariaLabel="Virtual node details"
            activeTabId={activeTab}
            onChange={({ detail }) => {
              const next = new URLSearchParams(search);
              next.set('tab', detail.activeTabId);
              setSearch(next, { replace: true });
            }}
            tabs={[
              { id: 'configuration', label: 'Configuration', content: <VirtualNodeConfiguration node={node} /> },
              {
                id: 'json',
                label: 'JSON',
                content: (
                  <DescribeJsonView
                    command="describe-virtual-node"
                    subject="this virtual node"
                    json={describeCliJson('virtualNode', node)}
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
