import {
  CreateMeshInputSchema,
  DescribeMeshInputSchema,
  type MeshApi,
  type MeshData,
  PageQuerySchema,
  parseOrThrow,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page, withNameFieldError } from './pages.js';

/** Meshes the caller owns and meshes shared with it, each described in full. */
export async function listMeshes(api: MeshApi, query: unknown): Promise<Page<MeshData>> {
  const { limit, nextToken } = parseOrThrow(PageQuerySchema, query);
  const out = await api.listMeshes(compact({ limit, nextToken }));
  const items = await describeEach(out.meshes, async (ref) => {
    return (await api.describeMesh({ meshName: ref.meshName, meshOwner: ref.meshOwner })).mesh;
  });
  return page(items, out.nextToken);
}

export async function createMesh(api: MeshApi, body: unknown): Promise<MeshData> {
  const input = parseOrThrow(CreateMeshInputSchema, body);
  try {
    return (await api.createMesh(input)).mesh;
  } catch (err) {
    throw withNameFieldError(err, 'meshName');
  }
}

export async function describeMesh(api: MeshApi, meshName: string, meshOwner: unknown): Promise<MeshData> {
  const input = parseOrThrow(DescribeMeshInputSchema, compact({ meshName, meshOwner }));
  return (await api.describeMesh(input)).mesh;
}
