import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { GatewayRouteData } from '@meshconsole/model';
import { useNavigate, useParams } from 'react-router';
import { usePageChrome } from '../../../components/app-shell';
import { ErrorState, PageLoading } from '../../../components/table-states';
import { useGatewayRoute } from '../../../features/gateway-routes/api/get-gateway-route';
import { useUpdateGatewayRoute } from '../../../features/gateway-routes/api/update-gateway-route';
import {
  GatewayRouteAction,
  GatewayRouteJson,
  GatewayRouteMatch,
  GatewayRouteSummary,
} from '../../../features/gateway-routes/components/gateway-route-details';
import { useDeleteGatewayRouteFlow } from '../../../features/gateway-routes/components/use-delete-gateway-route';
import { HistoryPanel } from '../../../features/history/components/history-panel';
import { TagsPanel } from '../../../features/tags/components/tags-panel';
import { errorMessage } from '../../../lib/api-client';
import { links, useFollow, useMeshParams } from '../../../lib/links';
import { useSession } from '../../../lib/session';
import { gatewayRouteCrumbs } from './gateway-route-crumbs';

const NOT_OWNER_REASON = 'Only the resource owner of this gateway route can change or delete it.';

export default function GatewayRouteDetailsPage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name: gatewayName = '', route: routeName = '' } = useParams();
  const navigate = useNavigate();
  const follow = useFollow();
  const session = useSession();
  const query = useGatewayRoute(mesh, meshOwner, gatewayName, routeName);
  const update = useUpdateGatewayRoute(mesh, meshOwner, gatewayName, routeName);
  const gatewayHref = links.virtualGateway(mesh, meshOwner, gatewayName);
  const deleteFlow = useDeleteGatewayRouteFlow(mesh, meshOwner, gatewayName, {
    onDeleted: () => navigate(gatewayHref),
  });

  usePageChrome({
    title: routeName,
    breadcrumbs: gatewayRouteCrumbs(mesh, meshOwner, gatewayName, {
      text: routeName,
      href: links.gatewayRoute(mesh, meshOwner, gatewayName, routeName),
    }),
    contentType: 'default',
  });

  if (query.isPending) {
    return <PageLoading text={`Loading gateway route ${routeName}`} />;
  }
  if (query.isError) {
    return (
      <SpaceBetween size="m">
        {[
          <Header key="h" variant="h1">
            {routeName}
          </Header>,
          <ErrorState
            key="a"
            header={`Couldn't load gateway route ${routeName}`}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />,
          <SpaceBetween key="b" direction="horizontal" size="xs">
            {[
              <Button key="g" href={gatewayHref} onFollow={follow}>
                Back to virtual gateway {gatewayName}
              </Button>,
            ]}
          </SpaceBetween>,
        ]}
      </SpaceBetween>
    );
  }

  const route = query.data;
  const canWrite = session.data !== undefined && session.data.accountId === route.metadata.resourceOwner;
  const reason = session.data === undefined ? 'Loading your account.' : NOT_OWNER_REASON;

  return (
    <>
      <SpaceBetween size="l">
        {[
          <Header
            key="header"
            variant="h1"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                {[
                  <Button
                    key="edit"
                    href={links.editGatewayRoute(mesh, meshOwner, gatewayName, routeName)}
                    onFollow={follow}
                    disabled={!canWrite}
                    disabledReason={canWrite ? undefined : reason}
                  >
                    Edit
                  </Button>,
                  <Button
                    key="delete"
                    onClick={() => deleteFlow.open(routeName)}
                    disabled={!canWrite}
                    disabledReason={canWrite ? undefined : reason}
                  >
                    Delete
                  </Button>,
                ]}
              </SpaceBetween>
            }
          >
            {routeName}
          </Header>,
          <GatewayRouteSummary key="summary" route={route} mesh={mesh} meshOwner={meshOwner} />,
          <GatewayRouteMatch key="match" route={route} />,
          <GatewayRouteAction key="action" route={route} />,
          <GatewayRouteJson key="json" route={route} />,
          <TagsPanel key="tags" resourceArn={route.metadata.arn} resourceOwner={route.metadata.resourceOwner} />,
          <HistoryPanel
            key="history"
            mesh={mesh}
            meshOwner={meshOwner}
            path={['virtual-gateways', gatewayName, 'gateway-routes', routeName]}
            kindLabel="gateway route"
            restoreDisabledReason={canWrite ? undefined : reason}
            onRestore={async (entry) => {
              await update.mutateAsync({ spec: entry.spec as GatewayRouteData['spec'] });
            }}
          />,
        ]}
      </SpaceBetween>
      {deleteFlow.modal}
    </>
  );
}
