import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject, useParams, useSearchParams } from 'react-router';
import { gatewayRouteQueryOptions } from '../features/gateway-routes/api/get-gateway-route';
import { gatewayRoutesQueryOptions } from '../features/gateway-routes/api/list-gateway-routes';
import { meshesQueryOptions } from '../features/meshes/api/list-meshes';
import { virtualGatewayQueryOptions } from '../features/virtual-gateways/api/get-virtual-gateway';
import { virtualGatewaysInfiniteOptions } from '../features/virtual-gateways/api/list-virtual-gateways';
import { virtualNodeQueryOptions } from '../features/virtual-nodes/api/get-virtual-node';
import { virtualNodesQueryOptions } from '../features/virtual-nodes/api/list-virtual-nodes';
import { virtualRouterQueryOptions } from '../features/virtual-routers/api/get-virtual-router';
import { routesQueryOptions } from '../features/virtual-routers/api/list-routes';
import { virtualRoutersQueryOptions } from '../features/virtual-routers/api/list-virtual-routers';
import { virtualServicesQueryOptions } from '../features/virtual-services/api/list-virtual-services';
import { links } from '../lib/links';
import { type RouteWarm, registerRoute, warmRoute } from '../lib/route-preload';
import { matchRoute, ROUTE_IDS, ROUTE_PATHS, type RouteId } from '../lib/routes';
import { sessionQueryOptions } from '../lib/session';
import { ConsoleShell } from './console-shell';
import { RouteError } from './route-error';
import { ROUTE_MODULES } from './route-modules';

/**
 * The one route table: for each route of lib/routes, its page (a lazily loaded chunk, so the first
 * page never loads form code) and the data it needs. The router, the first-load warm-up (the
 * loaders run while the page's code loads), and the preloading of links on hover or focus
 * (`preloadHref`) all come from here.
 */
type Module = { default: () => ReactNode };
type Page = { load: () => Promise<Module>; warm?: RouteWarm } | { element: ReactNode };

/** Every page module, one lazy chunk each (the same chunks as one `import()` per page). */
const PAGE_MODULES = import.meta.glob<Module>('./routes/**/*.page.tsx');

/** The loader of a route's page module (route-modules.ts names it). */
function pageModule(id: keyof typeof ROUTE_MODULES): () => Promise<Module> {
  const load = PAGE_MODULES[`./${ROUTE_MODULES[id]}`];
  if (!load) throw new Error(`route-modules.ts names a page module that does not exist: ${ROUTE_MODULES[id]}`);
  return load;
}

/** Every request below is a `prefetch*`: it never throws, and an error surfaces in the page's own query. */
const gatewayOf: RouteWarm = (client, { params, meshOwner }) =>
  void client.prefetchQuery(virtualGatewayQueryOptions(params.mesh ?? '', meshOwner, params.name ?? ''));

function MeshIndexRedirect() {
  const { mesh = '' } = useParams();
  const [search] = useSearchParams();
  return <Navigate replace to={links.virtualGateways(mesh, search.get('meshOwner') || undefined)} />;
}

const PAGES: Record<RouteId, Page> = {
  meshes: {
    load: pageModule('meshes'),
    warm: (client) => void client.prefetchQuery(meshesQueryOptions()),
  },
  mesh: { element: <MeshIndexRedirect /> },
  virtualGateways: {
    load: pageModule('virtualGateways'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchInfiniteQuery(virtualGatewaysInfiniteOptions(params.mesh ?? '', meshOwner)),
  },
  createVirtualGateway: { load: pageModule('createVirtualGateway') },
  virtualGateway: {
    load: pageModule('virtualGateway'),
    // The details page shows the gateway and its routes: both are asked for at once.
    warm: (client, match) => {
      gatewayOf(client, match);
      const { params, meshOwner } = match;
      void client.prefetchQuery(gatewayRoutesQueryOptions(params.mesh ?? '', meshOwner, params.name ?? ''));
    },
  },
  editVirtualGateway: { load: pageModule('editVirtualGateway'), warm: gatewayOf },
  createGatewayRoute: {
    load: pageModule('createGatewayRoute'),
    warm: (client, match) => {
      gatewayOf(client, match);
      void client.prefetchQuery(virtualServicesQueryOptions(match.params.mesh ?? '', match.meshOwner));
    },
  },
  gatewayRoute: {
    load: pageModule('gatewayRoute'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchQuery(
        gatewayRouteQueryOptions(params.mesh ?? '', meshOwner, params.name ?? '', params.route ?? ''),
      ),
  },
  editGatewayRoute: {
    load: pageModule('editGatewayRoute'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchQuery(
        gatewayRouteQueryOptions(params.mesh ?? '', meshOwner, params.name ?? '', params.route ?? ''),
      ),
  },
  virtualServices: {
    load: pageModule('virtualServices'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchQuery(virtualServicesQueryOptions(params.mesh ?? '', meshOwner)),
  },
  virtualNodes: {
    load: pageModule('virtualNodes'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchQuery(virtualNodesQueryOptions(params.mesh ?? '', meshOwner)),
  },
  virtualNode: {
    load: pageModule('virtualNode'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchQuery(virtualNodeQueryOptions(params.mesh ?? '', meshOwner, params.name ?? '')),
  },
  virtualRouters: {
    load: pageModule('virtualRouters'),
    warm: (client, { params, meshOwner }) =>
      void client.prefetchQuery(virtualRoutersQueryOptions(params.mesh ?? '', meshOwner)),
  },
  virtualRouter: {
    load: pageModule('virtualRouter'),
    // The details page shows the router and its routes: both are asked for at once.
    warm: (client, { params, meshOwner }) => {
      void client.prefetchQuery(virtualRouterQueryOptions(params.mesh ?? '', meshOwner, params.name ?? ''));
      void client.prefetchQuery(routesQueryOptions(params.mesh ?? '', meshOwner, params.name ?? ''));
    },
  },
};

const NotFoundPage = registerRoute('notFound', { load: pageModule('notFound') });

function elementOf(id: RouteId): ReactNode {
  const page = PAGES[id];
  if ('element' in page) return page.element;
  const Page = registerRoute(id, page);
  return Page ? <Page /> : null;
}

const ELEMENTS = Object.fromEntries(ROUTE_IDS.map((id) => [id, elementOf(id)])) as Record<RouteId, ReactNode>;

const ROOT_ID = 'root';

/** The router's routes. Each loader starts its page's requests and returns at once (no waiting). */
export function createAppRoutes(client: QueryClient): RouteObject[] {
  return [
    {
      id: ROOT_ID,
      path: '/',
      element: <ConsoleShell />,
      errorElement: <RouteError />,
      // The loaders answer at once (they only start requests): nothing to show meanwhile.
      HydrateFallback: () => null,
      loader: () => {
        void client.prefetchQuery(sessionQueryOptions());
        return null;
      },
      children: [
        { id: 'index', index: true, element: <Navigate replace to={links.meshes()} /> },
        ...ROUTE_IDS.map((id) => ({
          id,
          path: ROUTE_PATHS[id].slice(1),
          element: ELEMENTS[id],
          loader: ({ request }: { request: Request }) => {
            const match = matchRoute(request.url);
            if (match?.id === id) warmRoute(client, match);
            return null;
          },
        })),
        { id: 'notFound', path: '*', element: NotFoundPage ? <NotFoundPage /> : null },
      ],
    },
  ];
}

/**
 * The browser's router. `serverRendered`: the page came rendered from the server with its data in the
 * query cache, so the router starts as the server's did, its loaders done (they return nothing), and
 * hydrates the same tree instead of running them again.
 */
export function createAppRouter(client: QueryClient, serverRendered = false) {
  const loaderData = Object.fromEntries([ROOT_ID, ...ROUTE_IDS].map((id) => [id, null]));
  return createBrowserRouter(createAppRoutes(client), serverRendered ? { hydrationData: { loaderData } } : undefined);
}
