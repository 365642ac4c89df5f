import CodeView from '@cloudscape-design/code-view/code-view';
import jsonHighlight from '@cloudscape-design/code-view/highlight/json';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import type { VirtualGatewayData } from '@meshconsole/model';
import { usePrefetchQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { meshCrumbs, usePageChrome } from '../../../components/app-shell';
import { CopyArn } from '../../../components/copy-arn';
import { ResourceStatus } from '../../../components/resource-status';
import { ErrorState, PageLoading } from '../../../components/table-states';
import { DeployPanel } from '../../../features/deploy/components/deploy-panel';
import { ExportButton } from '../../../features/export/components/export-button';
import { routeChecksQueryOptions } from '../../../features/gateway-routes/api/get-route-checks';
import { gatewayRoutesQueryOptions } from '../../../features/gateway-routes/api/list-gateway-routes';
import { GatewayRoutesTable } from '../../../features/gateway-routes/components/gateway-routes-table';
import { TestRequestPanel } from '../../../features/gateway-routes/components/test-request-panel';
import { HistoryPanel } from '../../../features/history/components/history-panel';
import { TagsPanel } from '../../../features/tags/components/tags-panel';
import { useVirtualGateway } from '../../../features/virtual-gateways/api/get-virtual-gateway';
import { useUpdateVirtualGateway } from '../../../features/virtual-gateways/api/update-virtual-gateway';
import { ownerBlockReason } from '../../../features/virtual-gateways/components/delete-virtual-gateway-modal';
import { describeOutputJson } from '../../../features/virtual-gateways/components/describe-json';
import { useDeleteVirtualGateway } from '../../../features/virtual-gateways/components/use-delete-virtual-gateway';
import { VirtualGatewayConfiguration } from '../../../features/virtual-gateways/components/virtual-gateway-configuration';
import { errorMessage } from '../../../lib/api-client';
import { formatTimestamp } from '../../../lib/format';
import { links, useMeshParams } from '../../../lib/links';
import { useSession } from '../../../lib/session';

const TABS = ['gateway-routes', 'test-request', 'json', 'tags', 'deploy', 'history'] as const;

export default function VirtualGatewayDetailsPage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name = '' } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const session = useSession();
  const query = useVirtualGateway(mesh, meshOwner, name);
  const update = useUpdateVirtualGateway(mesh, meshOwner, name);
  // The Gateway routes tab renders only once the gateway is in: ask for its routes now, in parallel.
  usePrefetchQuery(gatewayRoutesQueryOptions(mesh, meshOwner, name));
  usePrefetchQuery(routeChecksQueryOptions(mesh, meshOwner, name));
  const deletion = useDeleteVirtualGateway(mesh, meshOwner, {
    onDeleted: () => navigate(links.virtualGateways(mesh, meshOwner)),
  });

  usePageChrome({
    title: name,
    breadcrumbs: meshCrumbs(
      mesh,
      meshOwner,
      { text: 'Virtual gateways', href: links.virtualGateways(mesh, meshOwner) },
      { text: name, href: links.virtualGateway(mesh, meshOwner, name) },
    ),
  });

  if (query.isPending) {
    return <PageLoading text={`Loading virtual gateway ${name}`} />;
  }
  if (query.isError) {
    return (
      <SpaceBetween size="l">
        {[
          <Header key="h" variant="h1">
            {name}
          </Header>,
          <ErrorState
            key="e"
            header={`Couldn't load virtual gateway ${name}`}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />,
        ]}
      </SpaceBetween>
    );
  }

  const gateway = query.data;
  const { metadata } = gateway;
  const caller = session.data?.accountId;
  const deleteReason = ownerBlockReason(metadata.resourceOwner, caller, 'delete');
  const editReason = ownerBlockReason(metadata.resourceOwner, caller, 'edit');
  const canWrite = caller !== undefined && caller === metadata.resourceOwner;
  const tabParam = search.get('tab');
  const activeTab = TABS.find((t) => t === tabParam) ?? 'gateway-routes';
  const describeJson = describeOutputJson(gateway);

  const header = (
    <Header
      variant="h1"
      description={deleteReason}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          {[
            <Button
              key="edit"
              disabled={!!editReason}
              disabledReason={editReason}
              onClick={() => navigate(links.editVirtualGateway(mesh, meshOwner, name))}
              data-testid="edit-virtual-gateway"
            >
              Edit
            </Button>,
            <ExportButton key="export" mesh={mesh} meshOwner={meshOwner} virtualGateway={name} />,
            <Button
              key="delete"
              disabled={!!deleteReason}
              disabledReason={deleteReason}
              onClick={() => deletion.open({ name, resourceOwner: metadata.resourceOwner })}
              data-testid="delete-virtual-gateway"
            >
              Delete
            </Button>,
          ]}
        </SpaceBetween>
      }
    >
      {name}
    </Header>
  );

  const summary = (
    <div data-testid="details-summary">
      <Container header={<Header variant="h2">General configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            {
              label: 'ARN',
              value: <CopyArn arn={metadata.arn} testId="details-arn" />,
            },
            {
              label: 'Status',
              value: <ResourceStatus status={gateway.status.status} testId="details-status" />,
            },
            { label: 'Mesh owner', value: <span data-testid="details-mesh-owner">{metadata.meshOwner}</span> },
            {
              label: 'Resource owner',
              value: <span data-testid="details-resource-owner">{metadata.resourceOwner}</span>,
            },
            { label: 'Version', value: <span data-testid="details-version">{metadata.version}</span> },
            { label: 'Created', value: formatTimestamp(metadata.createdAt) },
            { label: 'Last updated', value: formatTimestamp(metadata.lastUpdatedAt) },
          ]}
        />
      </Container>
    </div>
  );

  const tabs = (
    <Tabs
      variant="container"
      ariaLabel="Virtual gateway details"
      activeTabId={activeTab}
      onChange={({ detail }) => {
        const next = new URLSearchParams(search);
        next.set('tab', detail.activeTabId);
        setSearch(next, { replace: true });
      }}
      tabs={[
        {
          id: 'gateway-routes',
          label: 'Gateway routes',
          content: <GatewayRoutesTable mesh={mesh} meshOwner={meshOwner} gatewayName={name} canWrite={canWrite} />,
        },
        {
          id: 'test-request',
          label: 'Test request',
          content: (
            <TestRequestPanel
              mesh={mesh}
              meshOwner={meshOwner}
              gatewayName={name}
              protocol={gateway.spec.listeners[0]?.portMapping.protocol ?? 'http'}
            />
          ),
        },
        {
          id: 'json',
          label: 'JSON',
          content: (
            <SpaceBetween size="s">
              {[
                <Box key="intro" variant="p" color="text-body-secondary">
                  The output of <code>aws appmesh describe-virtual-gateway</code> for this gateway.
                </Box>,
                <div key="code" data-testid="describe-json">
                  <CodeView
                    content={describeJson}
                    highlight={jsonHighlight}
                    ariaLabel="describe-virtual-gateway output"
                    actions={
                      <CopyToClipboard
                        variant="icon"
                        textToCopy={describeJson}
                        copyButtonAriaLabel="Copy JSON"
                        copySuccessText="JSON copied"
                        copyErrorText="JSON failed to copy"
                      />
                    }
                  />
                </div>,
              ]}
            </SpaceBetween>
          ),
        },
        {
          id: 'tags',
          label: 'Tags',
          content: <TagsPanel resourceArn={metadata.arn} resourceOwner={metadata.resourceOwner} />,
        },
        {
          id: 'deploy',
          label: 'Deploy',
          content: <DeployPanel mesh={mesh} meshOwner={meshOwner} gatewayName={name} />,
        },
        {
          id: 'history',
          label: 'History',
          content: (
            <HistoryPanel
              mesh={mesh}
              meshOwner={meshOwner}
              path={['virtual-gateways', name]}
              kindLabel="virtual gateway"
              restoreDisabledReason={editReason}
              onRestore={async (entry) => {
                await update.mutateAsync({ spec: entry.spec as VirtualGatewayData['spec'] });
              }}
            />
          ),
        },
      ]}
    />
  );

  return (
    <>
      <SpaceBetween size="l">
        {[
          <div key="header">{header}</div>,
          <div key="summary">{summary}</div>,
          <VirtualGatewayConfiguration key="configuration" gateway={gateway} />,
          <div key="tabs" data-testid="details-tabs">
            {tabs}
          </div>,
        ]}
      </SpaceBetween>
      {deletion.modal}
    </>
  );
}
