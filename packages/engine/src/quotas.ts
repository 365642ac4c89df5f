/**
 * Service quotas the mock mesh enforces (`LimitExceededException`, or `TooManyTagsException` for tags).
 *
 * Defaults are App Mesh's published default quotas, as reported by the Service Quotas API
 * (`aws service-quotas list-aws-default-service-quotas --service-code appmesh`; see
 * `shared/reference/appmesh-api-notes.md` §6.4). All of them were adjustable in AWS, so every one is
 * configurable here (the BFF reads them from its environment).
 */
export interface Quotas {
  /** Meshes per account (quota code L-AC861A39). Default 15. Counts meshes the account owns. */
  meshesPerAccount: number;
  /** Virtual gateways per mesh (L-87E74146). Default 3. */
  virtualGatewaysPerMesh: number;
  /** Gateway routes per virtual gateway (L-F6F26D09). Default 10. */
  gatewayRoutesPerVirtualGateway: number;
  /** Virtual services per mesh (L-DA7495A7). Default 200. */
  virtualServicesPerMesh: number;
  /** Virtual nodes per mesh (L-E043DFB4). Default 200. */
  virtualNodesPerMesh: number;
  /** Virtual routers per mesh (L-50F6C35A). Default 200. */
  virtualRoutersPerMesh: number;
  /** Routes per virtual router (L-BB90B7FF). Default 50. */
  routesPerVirtualRouter: number;
  /** Backends per virtual node (L-8775AB18). Default 50. */
  backendsPerVirtualNode: number;
  /**
   * User tags per resource. Default 50: the `TooManyTagsException` documentation in the service model
   * ("The current limit is 50 user tags per resource") and the `TagList` length limit (0..50).
   */
  tagsPerResource: number;
}

export const DEFAULT_QUOTAS: Quotas = Object.freeze({
  meshesPerAccount: 15,
  virtualGatewaysPerMesh: 3,
  gatewayRoutesPerVirtualGateway: 10,
  virtualServicesPerMesh: 200,
  virtualNodesPerMesh: 200,
  virtualRoutersPerMesh: 200,
  routesPerVirtualRouter: 50,
  backendsPerVirtualNode: 50,
  tagsPerResource: 50,
});

/** Merges overrides into the defaults; every quota must be a whole number of at least 0. */
export function resolveQuotas(overrides: Partial<Quotas> | undefined): Quotas {
  const quotas: Quotas = { ...DEFAULT_QUOTAS };
  for (const [name, value] of Object.entries(overrides ?? {}) as [keyof Quotas, number | undefined][]) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_QUOTAS)) throw new Error(`Unknown quota "${name}".`);
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`Quota ${name} must be a whole number of at least 0 (got ${String(value)}).`);
    }
    quotas[name] = value;
  }
  return quotas;
}
