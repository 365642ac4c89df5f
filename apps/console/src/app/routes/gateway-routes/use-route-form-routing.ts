import { useGatewayRoutes } from '../../../features/gateway-routes/api/list-gateway-routes';
import type { RouteFormRouting } from '../../../features/gateway-routes/components/gateway-route-form/route-preview';
import { useVirtualGateway } from '../../../features/virtual-gateways/api/get-virtual-gateway';

/** The gateway and its saved routes, for the route form's preview and route checks (both usually cached). */
export function useRouteFormRouting(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
): RouteFormRouting {
  const gateway = useVirtualGateway(mesh, meshOwner, gatewayName);
  const routes = useGatewayRoutes(mesh, meshOwner, gatewayName);
  return { gatewaySpec: gateway.data?.spec, routes: routes.data };
}
