import {
  CreateVirtualGatewayBodySchema,
  CreateVirtualGatewayInputSchema,
  DeleteVirtualGatewayInputSchema,
  DescribeVirtualGatewayInputSchema,
  hasMeshApiPages,
  ListVirtualGatewaysInputSchema,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
  UpdateVirtualGatewayBodySchema,
  UpdateVirtualGatewayInputSchema,
  type VirtualGatewayData,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page, withNameFieldError } from './pages.js';

/** Where a virtual gateway lives: the path's mesh, the query's meshOwner. */
export interface MeshScope {
  meshName: string;
  meshOwner?: unknown;
}

export async function listVirtualGateways(
  api: MeshApi,
  scope: MeshScope,
  query: unknown,
): Promise<Page<VirtualGatewayData>> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  const input = parseOrThrow(
    ListVirtualGatewaysInputSchema,
    compact({ meshName: scope.meshName, meshOwner, limit, nextToken }),
  );
  if (hasMeshApiPages(api)) {
    const out = await api.listVirtualGatewayPage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listVirtualGateways(input);
  const items = await describeEach(out.virtualGateways, async (ref) => {
    const described = await api.describeVirtualGateway({
      meshName: ref.meshName,
      virtualGatewayName: ref.virtualGatewayName,
      meshOwner: ref.meshOwner,
    });
    return described.virtualGateway;
  });
  return page(items, out.nextToken);
}

export async function createVirtualGateway(api: MeshApi, scope: MeshScope, body: unknown): Promise<VirtualGatewayData> {
  const fields = parseOrThrow(CreateVirtualGatewayBodySchema, body);
  const input = parseOrThrow(CreateVirtualGatewayInputSchema, compact({ ...fields, ...scope }));
  try {
    return (await api.createVirtualGateway(input)).virtualGateway;
  } catch (err) {
    throw withNameFieldError(err, 'virtualGatewayName');
  }
}

export async function describeVirtualGateway(
  api: MeshApi,
  scope: MeshScope,
  virtualGatewayName: string,
): Promise<VirtualGatewayData> {
  const input = parseOrThrow(DescribeVirtualGatewayInputSchema, compact({ ...scope, virtualGatewayName }));
  return (await api.describeVirtualGateway(input)).virtualGateway;
}

export async function updateVirtualGateway(
  api: MeshApi,
  scope: MeshScope,
  virtualGatewayName: string,
  body: unknown,
): Promise<VirtualGatewayData> {
  const { spec, clientToken } = parseOrThrow(UpdateVirtualGatewayBodySchema, body);
  const input = parseOrThrow(
    UpdateVirtualGatewayInputSchema,
    compact({ ...scope, virtualGatewayName, spec, clientToken }),
  );
  return (await api.updateVirtualGateway(input)).virtualGateway;
}

export async function deleteVirtualGateway(
  api: MeshApi,
  scope: MeshScope,
  virtualGatewayName: string,
): Promise<VirtualGatewayData> {
  const input = parseOrThrow(DeleteVirtualGatewayInputSchema, compact({ ...scope, virtualGatewayName }));
  return (await api.deleteVirtualGateway(input)).virtualGateway;
}
