import type { RouteDataRequest } from '@meshconsole/model';
import type { RouteId } from '../lib/routes';

const SESSION: RouteDataRequest = { path: '/api/session' };
/** `api.getAllPages` and the gateways table ask for the largest page the API allows. */
const FIRST_PAGE = { limit: '100' } as const;
const list = (path: string): RouteDataRequest => ({ path, query: FIRST_PAGE });
const GATEWAY: RouteDataRequest = { path: '/api/meshes/:mesh/virtual-gateways/:name' };
const GATEWAY_ROUTE: RouteDataRequest = { path: '/api/meshes/:mesh/virtual-gateways/:name/gateway-routes/:route' };

/**
 * The GETs each page's first load makes (its loaders in route-table.tsx, and the shell's session), as
 * templates: a path whose `:param` segments are the route's parameters, and a fixed query. A request
 * under `/api/meshes/:mesh` also carries the page's `meshOwner`. The build copies this table into
 * `dist/route-preloads.json`, and the BFF names the requests in the first load's HTML
 * (`<link rel="preload" as="fetch">`), so the data is on its way before the console's code has run.
 * route-table.test.tsx checks that it lists what the loaders really ask for.
 */
export const ROUTE_DATA: { readonly [Id in RouteId]: readonly RouteDataRequest[] } = {
  meshes: [SESSION, list('/api/meshes')],
  mesh: [], // a redirect to the mesh's virtual gateways, which asks for its own
  virtualGateways: [SESSION, list('/api/meshes/:mesh/virtual-gateways')],
  createVirtualGateway: [SESSION],
  virtualGateway: [SESSION, GATEWAY, list('/api/meshes/:mesh/virtual-gateways/:name/gateway-routes')],
  editVirtualGateway: [SESSION, GATEWAY],
  createGatewayRoute: [SESSION, GATEWAY, list('/api/meshes/:mesh/virtual-services')],
  gatewayRoute: [SESSION, GATEWAY_ROUTE],
  editGatewayRoute: [SESSION, GATEWAY_ROUTE],
  virtualServices: [SESSION, list('/api/meshes/:mesh/virtual-services')],
  virtualNodes: [SESSION, list('/api/meshes/:mesh/virtual-nodes')],
  virtualNode: [SESSION, { path: '/api/meshes/:mesh/virtual-nodes/:name' }],
  virtualRouters: [SESSION, list('/api/meshes/:mesh/virtual-routers')],
  virtualRouter: [
    SESSION,
    { path: '/api/meshes/:mesh/virtual-routers/:name' },
    list('/api/meshes/:mesh/virtual-routers/:name/routes'),
  ],
};
