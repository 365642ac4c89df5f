import { AppMeshError, type SeedDocument, seedDocumentError } from '@meshconsole/model';
import type { SeedHost } from './demo-seed';

/** What a seed document created. */
export interface SeedSummary {
  meshes: number;
  virtualServices: number;
  virtualGateways: number;
  gatewayRoutes: number;
}

/**
 * The path of the field an operation refused, inside the document: the item's path, then the
 * operation's first field error when it names one of the item's own fields (`spec...`, a name).
 */
function pathOf(itemPath: string, error: AppMeshError, ownFields: readonly string[]): string {
  const field = Object.keys(error.fieldErrors ?? {})[0];
  if (field === undefined || field === '') return itemPath;
  // The mesh's name and owner belong to the mesh, not to the items in it.
  if ((field === 'meshName' || field === 'meshOwner') && !ownFields.includes(field)) return itemPath;
  return `${itemPath}.${field === 'meshOwner' ? 'owner' : field}`;
}

/** Runs one create; a refusal becomes a seed-document error at `itemPath`. */
async function at<T>(itemPath: string, create: () => Promise<T>, ownFields: readonly string[] = []): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof AppMeshError && error.status < 500 && error.name !== 'TooManyRequestsException') {
      throw seedDocumentError(pathOf(itemPath, error, ownFields), error.message);
    }
    throw error;
  }
}

/**
 * Creates a validated seed document through the operations (so every service rule applies: names,
 * quotas, route targets, tags) inside the caller's one transaction: the first refusal throws, and the
 * transaction keeps nothing. Within a mesh, virtual services come before the gateways whose routes
 * target them.
 */
export async function applySeedDocument(host: SeedHost, seed: SeedDocument, accountId: string): Promise<SeedSummary> {
  const summary: SeedSummary = { meshes: 0, virtualServices: 0, virtualGateways: 0, gatewayRoutes: 0 };
  for (const [m, mesh] of seed.meshes.entries()) {
    const meshPath = `meshes.${m}`;
    const owner = mesh.owner ?? accountId;
    const ops = host.operations(owner);
    const meshName = mesh.meshName;
    await at(
      meshPath,
      () =>
        ops.createMesh({
          meshName,
          ...(mesh.spec ? { spec: mesh.spec } : {}),
          ...(mesh.tags ? { tags: mesh.tags } : {}),
        }),
      ['meshName'],
    );
    summary.meshes++;
    for (const [s, account] of (mesh.sharedWith ?? []).entries()) {
      if (account === owner) {
        throw seedDocumentError(`${meshPath}.sharedWith.${s}`, `A mesh cannot be shared with its owner (${owner}).`);
      }
      await host.share(owner, meshName, account);
    }
    const meshOwner = owner === accountId ? {} : { meshOwner: owner };
    for (const [s, service] of (mesh.virtualServices ?? []).entries()) {
      await at(`${meshPath}.virtualServices.${s}`, () =>
        ops.createVirtualService({
          meshName,
          virtualServiceName: service.virtualServiceName,
          spec: service.spec,
          ...(service.tags ? { tags: service.tags } : {}),
          ...meshOwner,
        }),
      );
      summary.virtualServices++;
    }
    for (const [g, gateway] of (mesh.virtualGateways ?? []).entries()) {
      const gatewayPath = `${meshPath}.virtualGateways.${g}`;
      await at(gatewayPath, () =>
        ops.createVirtualGateway({
          meshName,
          virtualGatewayName: gateway.virtualGatewayName,
          spec: gateway.spec,
          ...(gateway.tags ? { tags: gateway.tags } : {}),
          ...meshOwner,
        }),
      );
      summary.virtualGateways++;
      for (const [r, route] of (gateway.gatewayRoutes ?? []).entries()) {
        await at(`${gatewayPath}.gatewayRoutes.${r}`, () =>
          ops.createGatewayRoute({
            meshName,
            virtualGatewayName: gateway.virtualGatewayName,
            gatewayRouteName: route.gatewayRouteName,
            spec: route.spec,
            ...(route.tags ? { tags: route.tags } : {}),
            ...meshOwner,
          }),
        );
        summary.gatewayRoutes++;
      }
    }
  }
  return summary;
}
