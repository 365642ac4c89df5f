import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  SERVER_RENDER_WORKER,
  type ServerRender,
  type ServerRenderJob,
  type ServerRenderReply,
} from '@meshconsole/model';
import type { Request } from 'express';

/** The longest a first load waits for its server render; past it, the browser renders the page. */
export const SERVER_RENDER_TIMEOUT_MS = 1500;

/** The console build's server render (`serverRenderer`). */
export interface ServerRenderer {
  /** The page `req` asks for, rendered, or undefined when it failed or took too long (the browser renders it then). */
  render(req: Request): Promise<ServerRender | undefined>;
  /** Stops the worker thread (the server is closing). */
  close(): Promise<void>;
}

/**
 * The server render of the console build in `dist`: its server bundle (`dist/.ssr/entry-server.js`,
 * which `express.static` never serves: it skips dot folders) run in a worker thread, started on first
 * use, so rendering a page never holds up this thread, which meanwhile serves the page's code, styles
 * and data. Undefined when the build has no bundle. A render that fails, or takes longer than
 * SERVER_RENDER_TIMEOUT_MS, answers undefined, and `onError` hears why; a worker that dies is started
 * again for the next page.
 */
export function serverRenderer(dist: string, onError: (err: unknown) => void): ServerRenderer | undefined {
  const entry = join(dist, '.ssr', 'entry-server.js');
  if (!existsSync(entry)) return undefined;
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, (reply: ServerRenderReply | undefined) => void>();

  const start = (): Worker => {
    const started = new Worker(entry, { workerData: { role: SERVER_RENDER_WORKER } });
    started.unref(); // an idle renderer never keeps the process alive
    started.on('message', (reply: ServerRenderReply) => {
      const settle = pending.get(reply.id);
      pending.delete(reply.id);
      settle?.(reply);
    });
    const stop = (err?: unknown) => {
      if (worker !== started) return;
      worker = undefined;
      if (err) onError(err);
      for (const settle of pending.values()) settle(undefined);
      pending.clear();
    };
    started.on('error', stop);
    started.on('exit', (code) =>
      stop(code === 0 ? undefined : new Error(`the server render's worker exited with ${code}`)),
    );
    return started;
  };

  return {
    render(req) {
      worker ??= start();
      const id = nextId++;
      const { localAddress, localPort } = req.socket;
      const job: ServerRenderJob = {
        id,
        url: req.originalUrl,
        address: localAddress ?? '127.0.0.1',
        port: localPort ?? 0,
        host: req.headers.host ?? 'localhost',
        timeoutMs: SERVER_RENDER_TIMEOUT_MS,
      };
      return new Promise<ServerRender | undefined>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(undefined);
        }, SERVER_RENDER_TIMEOUT_MS);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          if (reply?.error) onError(new Error(reply.error));
          resolve(reply?.render);
        });
        worker?.postMessage(job);
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
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
 * hydrated it; the console removes the mark), and its queries' data beside it; or the empty `#root`.
 */
export function rootOf(rendered: ServerRender | undefined): string {
  return rendered
    ? `<div id="root" inert>${rendered.html}</div><script type="application/json" id="meshconsole-state">${rendered.state}</script>`
    : ROOT;
}
