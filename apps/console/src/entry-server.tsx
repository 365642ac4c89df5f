// The server render of a first load (the BFF's http/server-render.ts calls `render`): the page a console
// URL opens, with its data, as HTML, and its queries' data, which the browser (main.tsx) puts in its
// query cache before it hydrates that HTML, so the first row shows as soon as the HTML is in instead of after the console's code
// has downloaded, run and asked for its data (docs/performance.md, "First load: the server renders").
import { AsyncLocalStorage } from 'node:async_hooks';
import { request as httpRequest } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import {
  SERVER_RENDER_WORKER,
  type ServerRender,
  type ServerRenderFetch,
  type ServerRenderJob,
  type ServerRenderReply,
} from '@meshconsole/model';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { ConsoleApp } from './app/console-app';
import { createAppRoutes } from './app/route-table';
import { SERVER_RENDERED } from './app/server-rendered';
import { serverFetch } from './lib/api-client';
import { createQueryClient, type ServerQueries } from './lib/query-client';
import { loadRoute } from './lib/route-preload';
import { matchRoute } from './lib/routes';

const requestFetch = new AsyncLocalStorage<ServerRenderFetch>();
serverFetch(() => requestFetch.getStore());

/** Resolves once no query of the client is fetching (the route's loaders only start their requests). */
function settled(client: QueryClient): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.isFetching() > 0) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = client.getQueryCache().subscribe(check);
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

/** The mark `renderToString` leaves where a part suspended: the browser would render that part itself. */
const SUSPENDED = '<!--$!-->';

/**
 * The tree as HTML, whole. A part a page loads lazily (`React.lazy`: a details page's panels) suspends
 * the first time it renders in this process, and `renderToString` leaves it to the browser; the
 * bundle's lazy modules are in the bundle (one file), so they are in after a turn of the event loop,
 * and the next render has them. Undefined if some part still suspends.
 */
async function renderWhole(tree: ReactElement): Promise<string | undefined> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const html = renderToString(tree);
    if (!html.includes(SUSPENDED)) return html;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return undefined;
}

/**
 * Renders `url` (path and query) for the first load, or answers `undefined` when the page is not one
 * that is rendered on the server (forms, redirects, unknown paths) or any of its data failed: the
 * browser then renders it alone, with the error states the console shows.
 */
export async function render(url: string, fetchApi: ServerRenderFetch): Promise<ServerRender | undefined> {
  const match = matchRoute(url);
  if (!match || !SERVER_RENDERED.includes(match.id)) return undefined;
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
    const tree = (
      <ConsoleApp client={client} router={<StaticRouterProvider router={router} context={context} hydrate={false} />} />
    );
    const html = await renderWhole(tree);
    if (html === undefined) return undefined;
    // The data the loaders asked for (the render itself adds queries it never runs: a closed modal's).
    const queries: ServerQueries = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.status === 'success')
      .map((query) => [query.queryKey, query.state.data, query.state.dataUpdatedAt]);
    return { html, state: scriptSafeJson(queries) };
  });
}

/**
 * A GET of the console API for the page of `job`: to the address and port the page's request came in
 * on, with its `Host` (which the server's host allow-list let through), so the render sees exactly what
 * the browser's own requests would; within the job's time.
 */
function loopbackFetch(job: ServerRenderJob): ServerRenderFetch {
  const signal = AbortSignal.timeout(job.timeoutMs);
  return (path, init) =>
    new Promise<Response>((resolve, reject) => {
      if (!path.startsWith('/api/')) {
        reject(new Error(`the server render asks only the console API, not ${path}`));
        return;
      }
      const headers = { ...init.headers, host: job.host };
      const outgoing = httpRequest(
        { host: job.address, port: job.port, path, method: 'GET', headers, signal },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () =>
            resolve(
              new Response(Buffer.concat(chunks), {
                status: incoming.statusCode ?? 500,
                headers: { 'content-type': String(incoming.headers['content-type'] ?? '') },
              }),
            ),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
}

// Run as the BFF's worker thread (http/server-render.ts): pages rendered in turn, off the thread that
// serves the page's code, styles and data, so those go out while the page renders.
const port = parentPort;
if (port && (workerData as { role?: unknown } | null)?.role === SERVER_RENDER_WORKER) {
  port.on('message', (job: ServerRenderJob) => {
    render(job.url, loopbackFetch(job)).then(
      (rendered) =>
        port.postMessage({ id: job.id, ...(rendered ? { render: rendered } : {}) } satisfies ServerRenderReply),
      (err: unknown) =>
        port.postMessage({
          id: job.id,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        } satisfies ServerRenderReply),
    );
  });
}
