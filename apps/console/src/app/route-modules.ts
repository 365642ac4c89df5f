import type { RouteId } from '../lib/routes';

/**
 * The page module of each route that has one, relative to this folder. The route table loads them
 * (one lazy chunk each); the build reads this map to list each route's chunks for the server, which
 * names them in the HTML of a first load so they download beside the entry (vite.config.ts).
 */
export const ROUTE_MODULES: Partial<Record<RouteId, string>> & { notFound: string } = {
  meshes: 'routes/meshes/meshes.page.tsx',
  virtualGateways: 'routes/virtual-gateways/virtual-gateways.page.tsx',
  createVirtualGateway: 'routes/virtual-gateways/create-virtual-gateway.page.tsx',
  virtualGateway: 'routes/virtual-gateways/virtual-gateway-details.page.tsx',
  editVirtualGateway: 'routes/virtual-gateways/edit-virtual-gateway.page.tsx',
  createGatewayRoute: 'routes/gateway-routes/create-gateway-route.page.tsx',
  gatewayRoute: 'routes/gateway-routes/gateway-route-details.page.tsx',
  editGatewayRoute: 'routes/gateway-routes/edit-gateway-route.page.tsx',
  virtualServices: 'routes/virtual-services/virtual-services.page.tsx',
  virtualNodes: 'routes/virtual-nodes/virtual-nodes.page.tsx',
  virtualNode: 'routes/virtual-nodes/virtual-node-details.page.tsx',
  virtualRouters: 'routes/virtual-routers/virtual-routers.page.tsx',
  virtualRouter: 'routes/virtual-routers/virtual-router-details.page.tsx',
  notFound: 'routes/not-found.page.tsx',
};
