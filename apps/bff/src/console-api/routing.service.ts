// Gateway routing through the console's MeshApi: the gateway and every one of its routes are read with the
// App Mesh operations (so the local mesh and the real-mesh adapter answer alike), then evaluated by
// @meshconsole/routing, which does no I/O.
import {
  AppMeshError,
  type MeshApi,
  MeshOwnerSchema,
  parseOrThrow,
  type RouteChecksAnswer,
  type TestRequestAnswer,
  testRequestSchemaFor,
} from '@meshconsole/model';
import {
  checkRoutes,
  followService,
  type GatewayListener,
  type GatewayRouteEntry,
  listenerOf,
  type RouterRouteEntry,
  type ServiceContext,
  testRequest,
} from '@meshconsole/routing';
import { type GatewayScope, listGatewayRoutes } from './gateway-routes.service.js';
import { describeVirtualGateway } from './virtual-gateways.service.js';

/** Largest list page the service serves. */
const PAGE_LIMIT = 100;

async function listenerFor(api: MeshApi, scope: GatewayScope): Promise<GatewayListener> {
  const gateway = await describeVirtualGateway(
    api,
    { meshName: scope.meshName, meshOwner: scope.meshOwner },
    scope.virtualGatewayName,
  );
  return listenerOf(gateway.spec);
}

/** Every gateway route of the gateway, following `nextToken` to the last page. */
async function allRoutes(api: MeshApi, scope: GatewayScope): Promise<GatewayRouteEntry[]> {
  const routes: GatewayRouteEntry[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await listGatewayRoutes(api, scope, { meshOwner: scope.meshOwner, limit: PAGE_LIMIT, nextToken });
    for (const item of page.items) routes.push({ gatewayRouteName: item.gatewayRouteName, spec: item.spec });
    nextToken = page.nextToken;
    // A backend that hands the same token back would otherwise keep this loop going.
    if (nextToken !== undefined && seen.has(nextToken)) break;
    if (nextToken !== undefined) seen.add(nextToken);
  } while (nextToken !== undefined);
  return routes;
}

/** The target virtual service's spec (undefined when it is gone) and, when a router provides it, the router's routes. */
async function serviceContext(api: MeshApi, scope: GatewayScope, virtualServiceName: string): Promise<ServiceContext> {
  const place = { meshName: scope.meshName, meshOwner: parseOrThrow(MeshOwnerSchema, scope.meshOwner) };
  let spec: ServiceContext['spec'];
  try {
    spec = (await api.describeVirtualService({ ...place, virtualServiceName })).virtualService.spec;
  } catch (error) {
    if (error instanceof AppMeshError && error.name === 'NotFoundException')
      return { virtualServiceName, spec: undefined, routes: [] };
    throw error;
  }
  const router = spec.provider?.virtualRouter?.virtualRouterName;
  const routes: RouterRouteEntry[] = [];
  if (router === undefined) return { virtualServiceName, spec, routes };
  const seen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = await api.listRoutes({ ...place, virtualRouterName: router, limit: PAGE_LIMIT, nextToken });
    for (const ref of page.routes) {
      const { route } = await api.describeRoute({ ...place, virtualRouterName: router, routeName: ref.routeName });
      routes.push({ routeName: route.routeName, spec: route.spec });
    }
    nextToken = page.nextToken;
    if (nextToken !== undefined && seen.has(nextToken)) break;
    if (nextToken !== undefined) seen.add(nextToken);
  } while (nextToken !== undefined);
  return { virtualServiceName, spec, routes };
}

/**
 * Which of the gateway's routes takes `body` (a test request for the listener's protocol), what is forwarded,
 * and beyond the gateway: the target's provider and, for a virtual router, its route and weighted nodes.
 */
export async function testGatewayRequest(api: MeshApi, scope: GatewayScope, body: unknown): Promise<TestRequestAnswer> {
  const listener = await listenerFor(api, scope);
  const request = parseOrThrow(testRequestSchemaFor(listener.protocol), body);
  const answer = testRequest(listener, await allRoutes(api, scope), request);
  if (!answer.target) return answer;
  const context = await serviceContext(api, scope, answer.target.virtualServiceName);
  return { ...answer, service: followService(answer, request, context) };
}

/** The route checks of the gateway's routes. */
export async function gatewayRouteChecks(api: MeshApi, scope: GatewayScope): Promise<RouteChecksAnswer> {
  const listener = await listenerFor(api, scope);
  return { findings: checkRoutes(listener, await allRoutes(api, scope)) };
}
