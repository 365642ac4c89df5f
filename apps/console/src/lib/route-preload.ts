import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, createElement, use } from 'react';
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
  /** The page module once it is in: the page then renders at once, without suspending. */
  module?: Module;
  /** The last attempt, while it stands failed: the page shows its error until a new attempt. */
  failure?: Promise<Module>;
}

const registry = new Map<RouteId | 'notFound', RegisteredRoute>();

/** One import per page, shared by the lazy component and every preload; a failed load may be retried. */
function once(entry: RegisteredRoute, load: () => Promise<Module>): () => Promise<Module> {
  let pending: Promise<Module> | undefined;
  return () => {
    if (!pending) {
      entry.status = 'loading';
      entry.failure = undefined;
      const attempt: Promise<Module> = load().then(
        (module) => {
          entry.status = 'loaded';
          entry.module = module;
          return module;
        },
        (error: unknown) => {
          pending = undefined; // a failed chunk load (offline) may be retried by the next navigation
          entry.status = 'idle';
          entry.failure = attempt;
          throw error;
        },
      );
      pending = attempt;
    }
    return pending;
  };
}

/**
 * Registers a route's page chunk and data warm-up; returns the page component. Unlike `React.lazy`,
 * which suspends on its first render even when the chunk is in, it renders a loaded page at once:
 * the first load awaits its page's chunk before rendering (`loadRoute`), so the first commit holds
 * the page rather than the shell's fallback, which React would keep for its reveal throttle.
 */
export function registerRoute(
  id: RouteId | 'notFound',
  route: { load?: () => Promise<Module>; warm?: RouteWarm },
): ComponentType | undefined {
  const entry: RegisteredRoute = { warm: route.warm, status: 'idle' };
  registry.set(id, entry);
  const { load } = route;
  if (!load) return undefined;
  const chunk = once(entry, load);
  entry.chunk = chunk;
  function RoutePage() {
    // A failed attempt is shown (its error reaches the error boundary) rather than retried in a loop.
    const module = entry.module ?? use(entry.failure ?? chunk());
    return createElement(module.default);
  }
  RoutePage.displayName = `RoutePage(${id})`;
  return RoutePage;
}

/** Loads a page's chunk; resolves (never rejects) once it is in or has failed, for the first render. */
export function loadRoute(id: RouteId | 'notFound'): Promise<void> {
  const chunk = registry.get(id)?.chunk;
  return chunk
    ? chunk().then(
        () => undefined,
        () => undefined, // the page's render then shows the failure
      )
    : Promise.resolve();
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
