import { createBrowserRouter, Navigate, useParams, useSearchParams } from 'react-router';
import { links } from '../lib/links';
import { lazyRoute } from '../lib/route-preload';
import { ConsoleShell } from './console-shell';
import { RouteError } from './route-error';

// Route-level code splitting: each page is its own chunk, so the first page never loads form code.
// Links preload the chunk of the page they lead to on hover or focus (lib/route-preload).
const MeshesPage = lazyRoute('meshes', () => import('./routes/meshes/meshes.page'));
const VirtualGatewaysPage = lazyRoute(
  'virtual-gateways',
  () => import('./routes/virtual-gateways/virtual-gateways.page'),
);
const CreateVirtualGatewayPage = lazyRoute(
  'create-virtual-gateway',
  () => import('./routes/virtual-gateways/create-virtual-gateway.page'),
);
const VirtualGatewayDetailsPage = lazyRoute(
  'virtual-gateway-details',
  () => import('./routes/virtual-gateways/virtual-gateway-details.page'),
);
const EditVirtualGatewayPage = lazyRoute(
  'edit-virtual-gateway',
  () => import('./routes/virtual-gateways/edit-virtual-gateway.page'),
);
const CreateGatewayRoutePage = lazyRoute(
  'create-gateway-route',
  () => import('./routes/gateway-routes/create-gateway-route.page'),
);
const GatewayRouteDetailsPage = lazyRoute(
  'gateway-route-details',
  () => import('./routes/gateway-routes/gateway-route-details.page'),
);
const EditGatewayRoutePage = lazyRoute(
  'edit-gateway-route',
  () => import('./routes/gateway-routes/edit-gateway-route.page'),
);
const VirtualServicesPage = lazyRoute(
  'virtual-services',
  () => import('./routes/virtual-services/virtual-services.page'),
);
const NotFoundPage = lazyRoute('not-found', () => import('./routes/not-found.page'));

function MeshIndexRedirect() {
  const { mesh = '' } = useParams();
  const [search] = useSearchParams();
  return <Navigate replace to={links.virtualGateways(mesh, search.get('meshOwner') || undefined)} />;
}

export const routes = [
  {
    path: '/',
    element: <ConsoleShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate replace to="/meshes" /> },
      { path: 'meshes', element: <MeshesPage /> },
      { path: 'meshes/:mesh', element: <MeshIndexRedirect /> },
      { path: 'meshes/:mesh/virtual-gateways', element: <VirtualGatewaysPage /> },
      { path: 'meshes/:mesh/virtual-gateways/create', element: <CreateVirtualGatewayPage /> },
      { path: 'meshes/:mesh/virtual-gateways/:name', element: <VirtualGatewayDetailsPage /> },
      { path: 'meshes/:mesh/virtual-gateways/:name/edit', element: <EditVirtualGatewayPage /> },
      { path: 'meshes/:mesh/virtual-gateways/:name/gateway-routes/create', element: <CreateGatewayRoutePage /> },
      { path: 'meshes/:mesh/virtual-gateways/:name/gateway-routes/:route', element: <GatewayRouteDetailsPage /> },
      { path: 'meshes/:mesh/virtual-gateways/:name/gateway-routes/:route/edit', element: <EditGatewayRoutePage /> },
      { path: 'meshes/:mesh/virtual-services', element: <VirtualServicesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
