import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, createElement, lazy } from 'react';
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
  /** The page module once it is in. */
  module?: Module;
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
          entry.module = module;
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

/**
 * Registers a route's page chunk and data warm-up; returns the page component. A page whose chunk is
 * in when it mounts renders at once; otherwise it is `React.lazy`, which suspends until the chunk is
 * in. (`React.lazy` alone suspends on its first render even when the chunk is in, so the first load,
 * which awaits its page's chunk before rendering, would show the shell's fallback and React would
 * hold it for its reveal throttle, about 300 ms, after everything had arrived.)
 */
export function registerRoute(
  id: RouteId | 'notFound',
  route: { load?: () => Promise<Module>; warm?: RouteWarm },
): ComponentType | undefined {
  const entry: RegisteredRoute = { warm: route.warm, status: 'idle' };
  registry.set(id, entry);
  if (!route.load) return undefined;
  const chunk = once(entry, route.load);
  entry.chunk = chunk;
  const Lazy = lazy(chunk);
  // `Lazy` never commits once the module is in (the module is recorded before `Lazy` resolves, and a
  // suspended render retries this component), so a page is never swapped, and remounted, under a user.
  function RoutePage() {
    return createElement(entry.module?.default ?? Lazy);
  }
  RoutePage.displayName = `RoutePage(${id})`;
  return RoutePage;
}

/** Loads a page's chunk; resolves (never rejects) once it is in or has failed (the page then shows it). */
export function loadRoute(id: RouteId | 'notFound'): Promise<void> {
  const chunk = registry.get(id)?.chunk;
  return chunk ? chunk().then(noop, noop) : Promise.resolve();
}

function noop(): void {}

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
