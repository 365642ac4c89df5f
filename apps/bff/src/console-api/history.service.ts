import {
  AppMeshError,
  type HistoryPage,
  hasMeshApiHistory,
  type ListResourceHistoryInput,
  ListResourceHistoryInputSchema,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
} from '@meshconsole/model';
import { compact } from './pages.js';

/** The resource a history request names (from the path); the query adds meshOwner, limit and nextToken. */
export type HistoryTarget =
  | { resourceType: 'mesh'; meshName: string }
  | { resourceType: 'virtualService'; meshName: string; virtualServiceName: string }
  | { resourceType: 'virtualGateway'; meshName: string; virtualGatewayName: string }
  | { resourceType: 'gatewayRoute'; meshName: string; virtualGatewayName: string; gatewayRouteName: string };

/** One page of a resource's kept versions, newest first (the local mesh keeps them; a real mesh does not). */
export async function listHistory(api: MeshApi, target: HistoryTarget, query: unknown): Promise<HistoryPage> {
  const { limit, nextToken, meshOwner } = parseOrThrow(PageQuerySchema, query);
  if (!hasMeshApiHistory(api)) {
    throw new AppMeshError(
      'BadRequestException',
      'Resource history is kept by the local mesh only (MESH_BACKEND=local); App Mesh itself keeps none.',
    );
  }
  const input = parseOrThrow(
    ListResourceHistoryInputSchema,
    compact({ ...target, meshOwner: target.resourceType === 'mesh' ? undefined : meshOwner, limit, nextToken }),
  ) as ListResourceHistoryInput;
  return api.listResourceHistory(input);
}
