import {
  DescribeRouteInputSchema,
  DescribeVirtualRouterInputSchema,
  hasMeshApiPages,
  ListRoutesInputSchema,
  ListVirtualRoutersInputSchema,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
  type RouteData,
  type VirtualRouterData,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page } from './pages.js';
import type { MeshScope } from './virtual-gateways.service.js';

/** Where a route lives: the path's mesh and virtual router, the query's meshOwner. */
export interface RouterScope {
  meshName: string;
  virtualRouterName: string;
  meshOwner?: unknown;
}

/** One page of a mesh's virtual routers, each in full (read-only in the console). */
export async function listVirtualRouters(
  api: MeshApi,
  scope: MeshScope,
  query: unknown,
): Promise<Page<VirtualRouterData>> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  const input = parseOrThrow(
    ListVirtualRoutersInputSchema,
    compact({ meshName: scope.meshName, meshOwner, limit, nextToken }),
  );
  if (hasMeshApiPages(api)) {
    const out = await api.listVirtualRouterPage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listVirtualRouters(input);
  const items = await describeEach(out.virtualRouters, async (ref) => {
    const described = await api.describeVirtualRouter({
      meshName: ref.meshName,
      virtualRouterName: ref.virtualRouterName,
      meshOwner: ref.meshOwner,
    });
    return described.virtualRouter;
  });
  return page(items, out.nextToken);
}

export async function describeVirtualRouter(
  api: MeshApi,
  scope: MeshScope,
  virtualRouterName: string,
): Promise<VirtualRouterData> {
  const input = parseOrThrow(DescribeVirtualRouterInputSchema, compact({ ...scope, virtualRouterName }));
  return (await api.describeVirtualRouter(input)).virtualRouter;
}

/** One page of a virtual router's routes, each in full. */
export async function listRoutes(api: MeshApi, scope: RouterScope, query: unknown): Promise<Page<RouteData>> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  const input = parseOrThrow(
    ListRoutesInputSchema,
    compact({ meshName: scope.meshName, virtualRouterName: scope.virtualRouterName, meshOwner, limit, nextToken }),
  );
  if (hasMeshApiPages(api)) {
    const out = await api.listRoutePage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listRoutes(input);
  const items = await describeEach(out.routes, async (ref) => {
    const described = await api.describeRoute({
      meshName: ref.meshName,
      virtualRouterName: ref.virtualRouterName,
      routeName: ref.routeName,
      meshOwner: ref.meshOwner,
    });
    return described.route;
  });
  return page(items, out.nextToken);
}

export async function describeRoute(api: MeshApi, scope: RouterScope, routeName: string): Promise<RouteData> {
  const input = parseOrThrow(DescribeRouteInputSchema, compact({ ...scope, routeName }));
  return (await api.describeRoute(input)).route;
}
