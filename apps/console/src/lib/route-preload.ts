import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * Route-level code splitting with preloading. Each lazy page is registered under an id, so that a
 * link or button can load the next page's chunk on hover or focus (`preloadRoute`), before the
 * click: navigation then renders at once instead of waiting for the chunk.
 */
export type RouteId =
  | 'meshes'
  | 'virtual-gateways'
  | 'create-virtual-gateway'
  | 'virtual-gateway-details'
  | 'edit-virtual-gateway'
  | 'create-gateway-route'
  | 'gateway-route-details'
  | 'edit-gateway-route'
  | 'virtual-services'
  | 'not-found';

type Module = { default: ComponentType };
const loaders = new Map<RouteId, () => Promise<Module>>();

/** A lazy page whose chunk `preloadRoute(id)` can fetch ahead of time (one import, shared). */
export function lazyRoute(id: RouteId, load: () => Promise<Module>): LazyExoticComponent<ComponentType> {
  let pending: Promise<Module> | undefined;
  const once = () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined; // a failed chunk load (offline) may be retried by the next navigation
      throw error;
    });
    return pending;
  };
  loaders.set(id, once);
  return lazy(once);
}

/** Starts loading a page's chunk; harmless when it is loaded or loading already. */
export function preloadRoute(id: RouteId): void {
  loaders
    .get(id)?.()
    .catch(() => {
      // Preloading is a hint: a failure surfaces (with retry) when the user navigates.
    });
}
