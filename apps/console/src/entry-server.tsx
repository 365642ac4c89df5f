// The server render of a first load (the BFF's http/server-render.ts calls `render`): the page a console
// URL opens, with its data, as HTML, and the query cache that the browser's first render (main.tsx)
// hydrates from, so the first row shows as soon as the HTML is in instead of after the console's code
// has downloaded, run and asked for its data (docs/performance.md, "First load: the server renders").
import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { ConsoleApp } from './app/console-app';
import { createAppRoutes } from './app/route-table';
import { type ServerFetch, serverFetch } from './lib/api-client';
import type { ServerQueries } from './lib/query-client';
import { createQueryClient } from './lib/query-client';
import { loadRoute } from './lib/route-preload';
import { matchRoute, type RouteId } from './lib/routes';

/**
 * The pages the server renders on a first load (entry-server.tsx): those that show data and take no
 * typing. A form is left to the browser, so that what is typed before its code has run is never lost.
 */
const SERVER_RENDERED: ReadonlySet<RouteId> = new Set<RouteId>([
  'meshes',
  'virtualGateways',
  'virtualGateway',
  'gatewayRoute',
  'virtualServices',
  'virtualNodes',
  'virtualNode',
  'virtualRouters',
  'virtualRouter',
]);

/** What a server render answers: the markup for `#root`, and its queries' data as JSON (`ServerQueries`). */
export interface ServerRender {
  html: string;
  state: string;
}

/** How the render asks the console API for a GET: `path?query` under `/api` (the BFF calls its own server). */
export type ApiFetch = ServerFetch;

const requestFetch = new AsyncLocalStorage<ApiFetch>();
serverFetch(() => requestFetch.getStore());

/** Resolves once no query of the client is fetching (the route's loaders only start their requests). */
function settled(client: QueryClient): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.isFetching() > 0) return false;
      unsubscribe();
      resolve();
      return true;
    };
    const unsubscribe = client.getQueryCache().subscribe(() => void check());
    check();
  });
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` (so no `</script>` or `<!--` ends
 * it), `>`, `&` and the two line separators JavaScript once treated as newlines are written as escapes.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Whether the server renders the page `url` opens (a page that shows data and takes no typing). */
export function rendersOnServer(url: string): boolean {
  const match = matchRoute(url);
  return match !== undefined && SERVER_RENDERED.has(match.id);
}

/**
 * Renders `url` (path and query) for the first load, or answers `undefined` when the page is not one
 * that is rendered on the server (forms, redirects, unknown paths) or any of its data failed: the
 * browser then renders it alone, with the error states the console shows.
 */
export async function render(url: string, fetchApi: ApiFetch): Promise<ServerRender | undefined> {
  const match = matchRoute(url);
  if (!match || !rendersOnServer(url)) return undefined;
  return requestFetch.run(fetchApi, async () => {
    const client = createQueryClient({ retry: false });
    const routes = createAppRoutes(client);
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request(new URL(url, 'http://console.invalid')));
    if (context instanceof Response) return undefined; // a redirect
    await Promise.all([settled(client), loadRoute(match.id)]);
    if (
      client
        .getQueryCache()
        .getAll()
        .some((query) => query.state.status !== 'success')
    )
      return undefined;
    const router = createStaticRouter(handler.dataRoutes, context);
    const html = renderToString(
      <ConsoleApp
        client={client}
        router={<StaticRouterProvider router={router} context={context} hydrate={false} />}
      />,
    );
    // The data the loaders asked for (the render itself adds queries it never runs: a closed modal's).
    const queries: ServerQueries = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.status === 'success')
      .map((query) => [query.queryKey, query.state.data, query.state.dataUpdatedAt]);
    return { html, state: scriptSafeJson(queries) };
  });
}
