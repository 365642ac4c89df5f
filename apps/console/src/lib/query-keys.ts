/**
 * The one place for TanStack Query keys. Keys are hierarchical so a mutation can invalidate a whole
 * branch: `queryKeys.virtualGateways.all(mesh, owner)` covers every list and detail of that mesh.
 * `meshOwner` is always part of the key ('' for the caller's own mesh) so a shared mesh with the same
 * name never reuses another mesh's cache.
 */
type Owner = string | undefined;
const o = (meshOwner: Owner) => meshOwner ?? '';

export const queryKeys = {
  session: () => ['session'] as const,
  meshes: {
    all: () => ['meshes'] as const,
    list: (params: Record<string, unknown> = {}) => ['meshes', 'list', params] as const,
    detail: (mesh: string, meshOwner: Owner) => ['meshes', 'detail', mesh, o(meshOwner)] as const,
  },
  virtualGateways: {
    all: (mesh: string, meshOwner: Owner) => ['virtual-gateways', o(meshOwner), mesh] as const,
    lists: (mesh: string, meshOwner: Owner) => ['virtual-gateways', o(meshOwner), mesh, 'list'] as const,
    list: (mesh: string, meshOwner: Owner, params: Record<string, unknown> = {}) =>
      ['virtual-gateways', o(meshOwner), mesh, 'list', params] as const,
    detail: (mesh: string, meshOwner: Owner, name: string) =>
      ['virtual-gateways', o(meshOwner), mesh, 'detail', name] as const,
  },
  gatewayRoutes: {
    all: (mesh: string, meshOwner: Owner, gatewayName: string) =>
      ['gateway-routes', o(meshOwner), mesh, gatewayName] as const,
    list: (mesh: string, meshOwner: Owner, gatewayName: string, params: Record<string, unknown> = {}) =>
      ['gateway-routes', o(meshOwner), mesh, gatewayName, 'list', params] as const,
    detail: (mesh: string, meshOwner: Owner, gatewayName: string, route: string) =>
      ['gateway-routes', o(meshOwner), mesh, gatewayName, 'detail', route] as const,
    /** Under the gateway's routes: a route change invalidates the checks and the test answers too. */
    checks: (mesh: string, meshOwner: Owner, gatewayName: string) =>
      ['gateway-routes', o(meshOwner), mesh, gatewayName, 'checks'] as const,
    testRequest: (mesh: string, meshOwner: Owner, gatewayName: string, body: unknown) =>
      ['gateway-routes', o(meshOwner), mesh, gatewayName, 'test-request', body] as const,
  },
  virtualServices: {
    all: (mesh: string, meshOwner: Owner) => ['virtual-services', o(meshOwner), mesh] as const,
    list: (mesh: string, meshOwner: Owner, params: Record<string, unknown> = {}) =>
      ['virtual-services', o(meshOwner), mesh, 'list', params] as const,
    detail: (mesh: string, meshOwner: Owner, name: string) =>
      ['virtual-services', o(meshOwner), mesh, 'detail', name] as const,
  },
  virtualNodes: {
    all: (mesh: string, meshOwner: Owner) => ['virtual-nodes', o(meshOwner), mesh] as const,
    list: (mesh: string, meshOwner: Owner) => ['virtual-nodes', o(meshOwner), mesh, 'list'] as const,
    detail: (mesh: string, meshOwner: Owner, name: string) =>
      ['virtual-nodes', o(meshOwner), mesh, 'detail', name] as const,
  },
  virtualRouters: {
    all: (mesh: string, meshOwner: Owner) => ['virtual-routers', o(meshOwner), mesh] as const,
    list: (mesh: string, meshOwner: Owner) => ['virtual-routers', o(meshOwner), mesh, 'list'] as const,
    detail: (mesh: string, meshOwner: Owner, name: string) =>
      ['virtual-routers', o(meshOwner), mesh, 'detail', name] as const,
    /** Under the router: its routes. */
    routes: (mesh: string, meshOwner: Owner, name: string) =>
      ['virtual-routers', o(meshOwner), mesh, 'detail', name, 'routes'] as const,
  },
  history: {
    /** Every kept version of one resource: `path` is its console API path below the mesh (`virtual-gateways/gw`). */
    resource: (mesh: string, meshOwner: Owner, path: readonly string[]) =>
      ['history', o(meshOwner), mesh, ...path] as const,
  },
  tags: {
    all: () => ['tags'] as const,
    resource: (resourceArn: string) => ['tags', resourceArn] as const,
  },
  deploy: {
    bundle: (mesh: string, meshOwner: Owner, gatewayName: string, params: Record<string, unknown> = {}) =>
      ['deploy', o(meshOwner), mesh, gatewayName, params] as const,
  },
  export: {
    /** `virtualGateway` '' is the whole mesh. */
    mesh: (mesh: string, meshOwner: Owner, format: string, virtualGateway = '') =>
      ['export', o(meshOwner), mesh, format, virtualGateway] as const,
  },
} as const;
