import {
  CreateMeshInputSchema,
  DescribeMeshInputSchema,
  hasMeshApiPages,
  type MeshApi,
  type MeshData,
  PageQuerySchema,
  parseOrThrow,
} from '@meshconsole/model';
import { compact, describeEach, type Page, page, withNameFieldError } from './pages.js';

/**
 * Meshes the caller owns and meshes shared with it, each in full: one page read when the backend has
 * `MeshApiPages` (the local engine), else the list and a describe of each listed mesh (a real mesh).
 */
export async function listMeshes(api: MeshApi, query: unknown): Promise<Page<MeshData>> {
  const { limit, nextToken } = parseOrThrow(PageQuerySchema, query);
  const input = compact({ limit, nextToken });
  if (hasMeshApiPages(api)) {
    const out = await api.listMeshPage(input);
    return page(out.items, out.nextToken);
  }
  const out = await api.listMeshes(input);
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
