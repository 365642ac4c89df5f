import {
  CreateGatewayRouteBodySchema,
  CreateGatewayRouteInputSchema,
  DeleteGatewayRouteInputSchema,
  DescribeGatewayRouteInputSchema,
  type GatewayRouteData,
  hasMeshApiPages,
  ListGatewayRoutesInputSchema,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
  UpdateGatewayRouteBodySchema,
  UpdateGatewayRouteInputSchema,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page, withNameFieldError } from './pages.js';

/** Where a gateway route lives: the path's mesh and virtual gateway, the query's meshOwner. */
export interface GatewayScope {
  meshName: string;
  virtualGatewayName: string;
  meshOwner?: unknown;
}

export async function listGatewayRoutes(
  api: MeshApi,
  scope: GatewayScope,
  query: unknown,
): Promise<Page<GatewayRouteData>> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  const input = parseOrThrow(
    ListGatewayRoutesInputSchema,
    compact({ meshName: scope.meshName, virtualGatewayName: scope.virtualGatewayName, meshOwner, limit, nextToken }),
  );
  if (hasMeshApiPages(api)) {
    const out = await api.listGatewayRoutePage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listGatewayRoutes(input);
  const items = await describeEach(out.gatewayRoutes, async (ref) => {
    const described = await api.describeGatewayRoute({
      meshName: ref.meshName,
      virtualGatewayName: ref.virtualGatewayName,
      gatewayRouteName: ref.gatewayRouteName,
      meshOwner: ref.meshOwner,
    });
    return described.gatewayRoute;
  });
  return page(items, out.nextToken);
}

export async function createGatewayRoute(api: MeshApi, scope: GatewayScope, body: unknown): Promise<GatewayRouteData> {
  const fields = parseOrThrow(CreateGatewayRouteBodySchema, body);
  const input = parseOrThrow(CreateGatewayRouteInputSchema, compact({ ...fields, ...scope }));
  try {
    return (await api.createGatewayRoute(input)).gatewayRoute;
  } catch (err) {
    throw withNameFieldError(err, 'gatewayRouteName');
  }
}

export async function describeGatewayRoute(
  api: MeshApi,
  scope: GatewayScope,
  gatewayRouteName: string,
): Promise<GatewayRouteData> {
  const input = parseOrThrow(DescribeGatewayRouteInputSchema, compact({ ...scope, gatewayRouteName }));
  return (await api.describeGatewayRoute(input)).gatewayRoute;
}

export async function updateGatewayRoute(
  api: MeshApi,
  scope: GatewayScope,
  gatewayRouteName: string,
  body: unknown,
): Promise<GatewayRouteData> {
  const { spec, clientToken } = parseOrThrow(UpdateGatewayRouteBodySchema, body);
  const input = parseOrThrow(UpdateGatewayRouteInputSchema, compact({ ...scope, gatewayRouteName, spec, clientToken }));
  return (await api.updateGatewayRoute(input)).gatewayRoute;
}

export async function deleteGatewayRoute(
  api: MeshApi,
  scope: GatewayScope,
  gatewayRouteName: string,
): Promise<GatewayRouteData> {
  const input = parseOrThrow(DeleteGatewayRouteInputSchema, compact({ ...scope, gatewayRouteName }));
  return (await api.deleteGatewayRoute(input)).gatewayRoute;
}
