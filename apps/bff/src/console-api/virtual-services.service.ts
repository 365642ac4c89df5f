import {
  CreateVirtualServiceBodySchema,
  CreateVirtualServiceInputSchema,
  DeleteVirtualServiceInputSchema,
  DescribeVirtualServiceInputSchema,
  hasMeshApiPages,
  ListVirtualServicesInputSchema,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
  type VirtualServiceData,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page, withNameFieldError } from './pages.js';
import type { MeshScope } from './virtual-gateways.service.js';

export async function listVirtualServices(
  api: MeshApi,
  scope: MeshScope,
  query: unknown,
): Promise<Page<VirtualServiceData>> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  const input = parseOrThrow(
    ListVirtualServicesInputSchema,
    compact({ meshName: scope.meshName, meshOwner, limit, nextToken }),
  );
  if (hasMeshApiPages(api)) {
    const out = await api.listVirtualServicePage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listVirtualServices(input);
  const items = await describeEach(out.virtualServices, async (ref) => {
    const described = await api.describeVirtualService({
      meshName: ref.meshName,
      virtualServiceName: ref.virtualServiceName,
      meshOwner: ref.meshOwner,
    });
    return described.virtualService;
  });
  return page(items, out.nextToken);
}

export async function createVirtualService(api: MeshApi, scope: MeshScope, body: unknown): Promise<VirtualServiceData> {
  const fields = parseOrThrow(CreateVirtualServiceBodySchema, body);
  const input = parseOrThrow(CreateVirtualServiceInputSchema, compact({ ...fields, ...scope }));
  try {
    return (await api.createVirtualService(input)).virtualService;
  } catch (err) {
    throw withNameFieldError(err, 'virtualServiceName');
  }
}

export async function describeVirtualService(
  api: MeshApi,
  scope: MeshScope,
  virtualServiceName: string,
): Promise<VirtualServiceData> {
  const input = parseOrThrow(DescribeVirtualServiceInputSchema, compact({ ...scope, virtualServiceName }));
  return (await api.describeVirtualService(input)).virtualService;
}

export async function deleteVirtualService(
  api: MeshApi,
  scope: MeshScope,
  virtualServiceName: string,
): Promise<VirtualServiceData> {
  const input = parseOrThrow(DeleteVirtualServiceInputSchema, compact({ ...scope, virtualServiceName }));
  return (await api.deleteVirtualService(input)).virtualService;
}
