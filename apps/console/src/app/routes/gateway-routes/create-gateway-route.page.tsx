import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useFlash, usePageChrome } from '../../../components/app-shell';
import { useCreateGatewayRoute } from '../../../features/gateway-routes/api/create-gateway-route';
import { GatewayRouteForm } from '../../../features/gateway-routes/components/gateway-route-form/gateway-route-form';
import { defaultGatewayRouteFormValues } from '../../../features/gateway-routes/form/gateway-route-form-definition';
import { useVirtualGateway } from '../../../features/virtual-gateways/api/get-virtual-gateway';
import { links, useMeshParams } from '../../../lib/links';
import { preloadRoute } from '../../../lib/route-preload';
import { useSession } from '../../../lib/session';
import { gatewayRouteCrumbs } from './gateway-route-crumbs';
import { useRouteFormRouting } from './use-route-form-routing';
import { useVirtualServiceChoices } from './use-virtual-service-choices';

export default function CreateGatewayRoutePage() {
  const { mesh, meshOwner } = useMeshParams();
  const { name: gatewayName = '' } = useParams();
  const navigate = useNavigate();
  const flash = useFlash();
  const services = useVirtualServiceChoices(mesh, meshOwner);
  const gateway = useVirtualGateway(mesh, meshOwner, gatewayName);
  const session = useSession();
  const gatewayOwner = gateway.data?.metadata.resourceOwner;
  const notOwner = gatewayOwner !== undefined && session.data !== undefined && gatewayOwner !== session.data.accountId;
  const create = useCreateGatewayRoute(mesh, meshOwner, gatewayName);
  const routing = useRouteFormRouting(mesh, meshOwner, gatewayName);
  const defaultValues = useMemo(defaultGatewayRouteFormValues, []);
  // Success opens the route's details page: have its code ready while the user fills in the form.
  useEffect(() => preloadRoute('gatewayRoute'), []);

  usePageChrome({
    title: 'Create gateway route',
    breadcrumbs: gatewayRouteCrumbs(mesh, meshOwner, gatewayName, {
      text: 'Create gateway route',
      href: links.createGatewayRoute(mesh, meshOwner, gatewayName),
    }),
    contentType: 'form',
  });

  const form = (
    <GatewayRouteForm
      mode="create"
      gatewayName={gatewayName}
      defaultValues={defaultValues}
      virtualServices={services}
      routing={routing}
      submit={(body) => create.mutateAsync(body)}
      onSuccess={(route) => {
        flash.push({
          id: `gateway-route-${route.gatewayRouteName}`,
          type: 'success',
          content: `Gateway route ${route.gatewayRouteName} was created.`,
        });
        navigate(links.gatewayRoute(mesh, meshOwner, gatewayName, route.gatewayRouteName));
      }}
      onCancel={() => navigate(links.virtualGateway(mesh, meshOwner, gatewayName))}
    />
  );
  if (!notOwner) return form;
  return (
    <SpaceBetween size="l">
      {[
        <Alert key="owner" type="warning" header="You can't create gateway routes for this virtual gateway">
          Only the resource owner of the virtual gateway {gatewayName} (account {gatewayOwner}) can create its gateway
          routes.
        </Alert>,
        <div key="form">{form}</div>,
      ]}
    </SpaceBetween>
  );
}
