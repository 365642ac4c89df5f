import SpaceBetween from '@cloudscape-design/components/space-between';
import type { GatewayRouteData } from '@meshconsole/model';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useFlash, usePageChrome } from '../../../components/app-shell';
import { ErrorState, PageLoading } from '../../../components/table-states';
import { useGatewayRoute } from '../../../features/gateway-routes/api/get-gateway-route';
import { useUpdateGatewayRoute } from '../../../features/gateway-routes/api/update-gateway-route';
import { GatewayRouteForm } from '../../../features/gateway-routes/components/gateway-route-form/gateway-route-form';
import { sameJson } from '../../../features/gateway-routes/components/gateway-route-text';
import { gatewayRouteFormValuesOf } from '../../../features/gateway-routes/form/gateway-route-form-definition';
import { errorMessage } from '../../../lib/api-client';
import { links, useMeshParams } from '../../../lib/links';
import { preloadRoute } from '../../../lib/route-preload';
import { gatewayRouteCrumbs } from './gateway-route-crumbs';
import { useRouteFormRouting } from './use-route-form-routing';
import { useVirtualServiceChoices } from './use-virtual-service-choices';

function EditForm({ route }: { route: GatewayRouteData }) {
  const { mesh, meshOwner } = useMeshParams();
  const gatewayName = route.virtualGatewayName;
  const routeName = route.gatewayRouteName;
  const navigate = useNavigate();
  const flash = useFlash();
  const services = useVirtualServiceChoices(mesh, meshOwner);
  const update = useUpdateGatewayRoute(mesh, meshOwner, gatewayName, routeName);
  const routing = useRouteFormRouting(mesh, meshOwner, gatewayName);
  // Prefilled once from the route as loaded; a later refetch does not reset what the user typed.
  const defaultValues = useMemo(() => gatewayRouteFormValuesOf(routeName, route.spec), [routeName]);
  const detailsHref = links.gatewayRoute(mesh, meshOwner, gatewayName, routeName);
  // Saving opens the details page: have its code ready while the user edits.
  useEffect(() => preloadRoute('gatewayRoute'), []);

  return (
    <GatewayRouteForm
      mode="edit"
      gatewayName={gatewayName}
      defaultValues={defaultValues}
      virtualServices={services}
      routing={routing}
      submit={async (body) => {
        if (sameJson(body.spec, route.spec)) return route;
        return update.mutateAsync({ spec: body.spec });
      }}
      onSuccess={(saved) => {
        const unchanged = saved === route;
        flash.push({
          id: `gateway-route-${routeName}`,
          type: unchanged ? 'info' : 'success',
          content: unchanged
            ? `No changes were made to gateway route ${routeName}.`
            : `Gateway route ${routeName} was updated (version ${saved.metadata.version}).`,
        });
        navigate(detailsHref);
      }}
      onCancel={() => navigate(detailsHref)}
    />
  );
}

export default function EditGatewayRoutePage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name: gatewayName = '', route: routeName = '' } = useParams();
  const query = useGatewayRoute(mesh, meshOwner, gatewayName, routeName);

  usePageChrome({
    title: `Edit ${routeName}`,
    breadcrumbs: gatewayRouteCrumbs(
      mesh,
      meshOwner,
      gatewayName,
      { text: routeName, href: links.gatewayRoute(mesh, meshOwner, gatewayName, routeName) },
      { text: 'Edit', href: links.editGatewayRoute(mesh, meshOwner, gatewayName, routeName) },
    ),
    contentType: 'form',
  });

  if (query.isPending) {
    return <PageLoading text={`Loading gateway route ${routeName}`} />;
  }
  if (query.isError) {
    return (
      <SpaceBetween size="m">
        {[
          <ErrorState
            key="a"
            header={`Couldn't load gateway route ${routeName}`}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />,
        ]}
      </SpaceBetween>
    );
  }
  return <EditForm route={query.data} />;
}
