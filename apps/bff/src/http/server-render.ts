import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request } from 'express';

/** What the console's server bundle (apps/console/src/entry-server.tsx) answers for a first load. */
export interface ServerRender {
  /** The markup of `#root`. */
  html: string;
  /** The query cache, as JSON safe inside a `<script>` element. */
  state: string;
}

type ApiFetch = (
  path: string,
  init: { method?: string; headers: Record<string, string>; signal?: AbortSignal | undefined },
) => Promise<Response>;
interface ServerBundle {
  render: (url: string, fetchApi: ApiFetch) => Promise<ServerRender | undefined>;
  rendersOnServer: (url: string) => boolean;
}

/** The console build's server render (`serverRenderer`). */
export interface ServerRenderer {
  /** Whether the page `req` asks for is one the server renders (loads the bundle on first use). */
  renders(req: Request): Promise<boolean>;
  /** The page's render, or undefined when it failed or took too long (the browser renders it then). */
  render(req: Request): Promise<ServerRender | undefined>;
}

/** The longest a first load waits for its server render; past it, the browser renders the page. */
export const SERVER_RENDER_TIMEOUT_MS = 1500;

/**
 * The server render of the console build in `dist` (`dist/.ssr/entry-server.js`, which `express.static`
 * never serves: it skips dot folders), loaded on first use; undefined when the build has none. A render
 * that fails or takes longer than SERVER_RENDER_TIMEOUT_MS answers undefined, and `onError` hears why.
 */
export function serverRenderer(dist: string, onError: (err: unknown) => void): ServerRenderer | undefined {
  const entry = join(dist, '.ssr', 'entry-server.js');
  if (!existsSync(entry)) return undefined;
  let loaded: Promise<ServerBundle | undefined> | undefined;
  const load = () => {
    loaded ??= import(pathToFileURL(entry).href).then(
      (module: Partial<ServerBundle>) => {
        if (typeof module.render === 'function' && typeof module.rendersOnServer === 'function')
          return module as ServerBundle;
        onError(new Error(`${entry} exports no render and rendersOnServer: rebuild the console`));
        return undefined;
      },
      (err: unknown) => {
        onError(err);
        return undefined;
      },
    );
    return loaded;
  };
  const renders = async (req: Request) => (await load())?.rendersOnServer(req.originalUrl) ?? false;
  const render = async (req: Request) => {
    const render = (await load())?.render;
    if (!render) return undefined;
    const signal = AbortSignal.timeout(SERVER_RENDER_TIMEOUT_MS);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), SERVER_RENDER_TIMEOUT_MS);
    });
    try {
      return await Promise.race([render(req.originalUrl, loopbackFetch(req, signal)), timeout]);
    } catch (err) {
      onError(err);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };
  return { renders, render };
}

/**
 * A GET of this server's console API, for the render of `req`: to the address and port `req` came in
 * on, with its `Host` (which the host allow-list has let through), so the render sees exactly what the
 * browser's own requests would.
 */
function loopbackFetch(req: Request, signal: AbortSignal): ApiFetch {
  const { localAddress, localPort } = req.socket;
  return (path, init) =>
    new Promise<Response>((resolve, reject) => {
      if (!path.startsWith('/api/')) {
        reject(new Error(`the server render may only ask the console API, not ${path}`));
        return;
      }
      const headers: Record<string, string> = { ...init.headers, host: req.headers.host ?? 'localhost' };
      const outgoing = httpRequest(
        { host: localAddress, port: localPort, path, method: 'GET', headers, signal },
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

const ROOT = '<div id="root"></div>';

/**
 * index.html cut where the server's markup goes: the part before `#root` (its head, which is sent at
 * once, so the page's code and styles download while the server renders) and the rest. Undefined when
 * the page has no empty `#root`.
 */
export function splitAtRoot(html: string): { head: string; tail: string } | undefined {
  const at = html.indexOf(ROOT);
  return at < 0 ? undefined : { head: html.slice(0, at), tail: html.slice(at + ROOT.length) };
}

/**
 * `#root` with the server's markup, marked `inert` (no input is taken, and lost, before the console has
 * hydrated it; the console removes the mark), and the query cache beside it; or the empty `#root`.
 */
export function rootOf(rendered: ServerRender | undefined): string {
  return rendered
    ? `<div id="root" inert>${rendered.html}</div><script type="application/json" id="meshconsole-state">${rendered.state}</script>`
    : ROOT;
}
