import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { matchRoute, type RouteId, type RouteMatch } from './routes';

/**
 * What a route needs before it renders: its page's chunk and its data. The app's route table
 * registers both for each route (`registerRoute`); the router's loaders warm the data on every
 * navigation (and on the first load, while the code still loads), and links warm both on hover or
 * focus (`preloadHref`), so a click renders at once instead of waiting for code, then data.
 */
export type RouteWarm = (client: QueryClient, match: RouteMatch) => void;

type Module = { default: ComponentType };

interface RegisteredRoute {
  chunk?: () => Promise<Module>;
  warm?: RouteWarm;
  /** `idle` until the chunk is asked for, then `loading`, then `loaded`. */
  status: 'idle' | 'loading' | 'loaded';
}

const registry = new Map<RouteId | 'notFound', RegisteredRoute>();

/** One import per page, shared by the lazy component and every preload; a failed load may be retried. */
function once(entry: RegisteredRoute, load: () => Promise<Module>): () => Promise<Module> {
  let pending: Promise<Module> | undefined;
  return () => {
    if (!pending) {
      entry.status = 'loading';
      pending = load().then(
        (module) => {
          entry.status = 'loaded';
          return module;
        },
        (error: unknown) => {
          pending = undefined; // a failed chunk load (offline) may be retried by the next navigation
          entry.status = 'idle';
          throw error;
        },
      );
    }
    return pending;
  };
}

/** Registers a route's page chunk and data warm-up; returns the lazy page component. */
export function registerRoute(
  id: RouteId | 'notFound',
  route: { load?: () => Promise<Module>; warm?: RouteWarm },
): LazyExoticComponent<ComponentType> | undefined {
  const entry: RegisteredRoute = { warm: route.warm, status: 'idle' };
  if (route.load) entry.chunk = once(entry, route.load);
  registry.set(id, entry);
  return entry.chunk ? lazy(entry.chunk) : undefined;
}

/** Whether a route's chunk was asked for yet (`idle`), is on its way or is in. */
export function routeChunkStatus(id: RouteId | 'notFound'): RegisteredRoute['status'] | undefined {
  return registry.get(id)?.status;
}

/** Starts loading a page's chunk; harmless when it is loaded or loading already. */
export function preloadRoute(id: RouteId | 'notFound'): void {
  registry
    .get(id)
    ?.chunk?.()
    .catch(() => {
      // Preloading is a hint: a failure surfaces (with retry) when the user navigates.
    });
}

/** Starts the requests a route needs (its registered warm-up); `prefetchQuery` skips fresh data. */
export function warmRoute(client: QueryClient, match: RouteMatch): void {
  registry.get(match.id)?.warm?.(client, match);
}

/** Everything the page at `href` needs: its chunk and its data. Unknown URLs preload nothing. */
export function preloadHref(client: QueryClient, href: string): void {
  const match = matchRoute(href);
  if (!match) return;
  preloadRoute(match.id);
  warmRoute(client, match);
}
