import {
  DescribeVirtualNodeInputSchema,
  hasMeshApiPages,
  ListVirtualNodesInputSchema,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
  type VirtualNodeData,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page } from './pages.js';
import type { MeshScope } from './virtual-gateways.service.js';

/** One page of a mesh's virtual nodes, each in full (read-only in the console). */
export async function listVirtualNodes(api: MeshApi, scope: MeshScope, query: unknown): Promise<Page<VirtualNodeData>> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  const input = parseOrThrow(
    ListVirtualNodesInputSchema,
    compact({ meshName: scope.meshName, meshOwner, limit, nextToken }),
  );
  if (hasMeshApiPages(api)) {
    const out = await api.listVirtualNodePage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listVirtualNodes(input);
  const items = await describeEach(out.virtualNodes, async (ref) => {
    const described = await api.describeVirtualNode({
      meshName: ref.meshName,
      virtualNodeName: ref.virtualNodeName,
      meshOwner: ref.meshOwner,
    });
    return described.virtualNode;
  });
  return page(items, out.nextToken);
}

export async function describeVirtualNode(
  api: MeshApi,
  scope: MeshScope,
  virtualNodeName: string,
): Promise<VirtualNodeData> {
  const input = parseOrThrow(DescribeVirtualNodeInputSchema, compact({ ...scope, virtualNodeName }));
  return (await api.describeVirtualNode(input)).virtualNode;
}
