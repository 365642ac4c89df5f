import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RouteDataRequest, routeDataUrl } from '@meshconsole/model';
import express, { type Request, type Router } from 'express';
import { compressedAssets } from './compressed-assets.js';
import { rootOf, type ServerRenderer, serverRenderer, splitAtRoot } from './server-render.js';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>meshconsole</title></head>
<body><h1>The console is not built</h1>
<p>The API is running (<a href="/api/session">/api/session</a>, <code>/v20190125</code>).
Build the console with <code>pnpm --filter @meshconsole/console build</code>, or run <code>npm start</code>.</p>
</body></html>
`;

/** Client-side routes of the console (DESIGN.md): `/` and everything under `/meshes`. */
const CONSOLE_ROUTES = ['/', '/meshes', '/meshes/*rest'];

/**
 * Serves the built console: hashed `/assets/*` cached for a year (immutable), brotli- or gzip-compressed
 * when the browser accepts it (compressedAssets), `index.html` never cached,
 * and the history fallback for console routes, a page that shows data rendered on the server
 * (`serverRender`, on unless false; server-render.ts). Without a build, `/` explains how to make one.
 */
export function consoleStatic(
  dist: string,
  options: { serverRender?: boolean; onRenderError?: (err: unknown) => void } = {},
): Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  const renderPage =
    options.serverRender === false ? undefined : serverRenderer(dist, options.onRenderError ?? (() => {}));

  const assetHeaders = { 'Cache-Control': 'public, max-age=31536000, immutable' };
  router.use('/assets', compressedAssets(join(dist, 'assets'), assetHeaders));
  router.use(
    '/assets',
    express.static(join(dist, 'assets'), {
      index: false,
      fallthrough: true,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  router.use(
    express.static(dist, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  // Browsers ask for /favicon.ico on their own; without one in the build, answer "nothing" rather than 404.
  router.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.status(204).end();
  });
  const preloads = join(dist, 'route-preloads.json');
  router.get(CONSOLE_ROUTES, async (req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      res.status(200).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    try {
      const html = withThemeMode(await readFile(index, 'utf8'), req.headers.cookie);
      const routes = existsSync(preloads) ? parseRoutePreloads(await readFile(preloads, 'utf8')) : [];
      const match = matchRoutePreload(routes, req.path);
      const parts = match?.route.render && renderPage ? splitAtRoot(html) : undefined;
      if (!match || !renderPage || !parts) {
        res
          .status(200)
          .type('html')
          .send(withRoutePreloads(html, match, meshOwnerOf(req.originalUrl)));
        return;
      }
      // A page the server renders: its head goes at once, naming its code and styles (not its data, which
      // comes in the page), so they download while the server renders; then the page. A render that
      // fails leaves an empty #root, and the browser renders the page alone.
      res.status(200).type('html');
      res.write(withRoutePreloads(parts.head, { ...match, route: { ...match.route, data: [] } }));
      closeWithServer(req, renderPage);
      const rendered = await renderPage.render(req);
      res.end(rootOf(rendered) + parts.tail);
    } catch (err) {
      next(err);
    }
  });
  return router;
}

/**
 * The page in the mode the console keeps (its `meshconsole.mode` cookie, which lib/theme-mode.ts writes
 * beside its storage): dark adds Cloudscape's dark class to `<body>`, so the first paint, before the
 * console's code has run, is already dark. Anything but exactly `dark` leaves the page as built.
 */
export function withThemeMode(html: string, cookie: string | undefined): string {
  const dark = (cookie ?? '').split(';').some((part) => part.trim() === 'meshconsole.mode=dark');
  return dark ? html.replace('<body>', '<body class="awsui-dark-mode">') : html;
}

const closing = new WeakSet<object>();

/** Stops the renderer's worker when the server that `req` came to closes (once per server). */
function closeWithServer(req: Request, renderer: ServerRenderer): void {
  const server = (req.socket as { server?: { once?: (event: 'close', listener: () => void) => void } }).server;
  if (!server?.once || closing.has(server)) return;
  closing.add(server);
  server.once('close', () => void renderer.close());
}

/** A route's chunks beyond the entry's, and its first GETs, as the console build lists them (`dist/route-preloads.json`). */
export interface RoutePreload {
  path: string;
  js: string[];
  css: string[];
  data: RouteDataRequest[];
  /** Whether the server renders the page (the console's app/server-rendered.ts). */
  render?: boolean;
}

/** What a path matched: the route and its parameters, decoded as React Router decodes them. */
export interface RoutePreloadMatch {
  route: RoutePreload;
  params: Record<string, string>;
}

const DATA_PATH = /^\/api(\/(:[A-Za-z]+|[\w-]+))+$/;

function parseData(value: unknown): RouteDataRequest[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: { path?: unknown; query?: unknown }) => {
    if (typeof d?.path !== 'string' || !DATA_PATH.test(d.path)) return [];
    const query: Record<string, string> = {};
    if (d.query && typeof d.query === 'object')
      for (const [k, v] of Object.entries(d.query)) if (typeof v === 'string') query[k] = v;
    return [{ path: d.path, query }];
  });
}

/** The page's `meshOwner` as the console reads it: the first one, if not empty. */
export function meshOwnerOf(url: string): string | undefined {
  return new URL(url, 'http://console.invalid').searchParams.get('meshOwner') || undefined;
}

/** The URLs of a route's first GETs, as the console asks for them (the model's `routeDataUrl`). */
export function routeDataUrls(match: RoutePreloadMatch, meshOwner: string | undefined): string[] {
  return match.route.data.map((request) => routeDataUrl(request, match.params, meshOwner));
}

const ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;

/** The build's list, keeping only well-formed entries that name files under /assets. */
export function parseRoutePreloads(text: string): RoutePreload[] {
  const parsed = JSON.parse(text) as { routes?: unknown };
  if (!Array.isArray(parsed.routes)) return [];
  return parsed.routes.flatMap((r: Partial<RoutePreload>) =>
    typeof r?.path === 'string' && Array.isArray(r.js) && Array.isArray(r.css)
      ? [
          {
            path: r.path,
            js: r.js.filter((f) => typeof f === 'string' && ASSET.test(f)),
            css: r.css.filter((f) => typeof f === 'string' && ASSET.test(f)),
            data: parseData(r.data),
            render: r.render === true,
          },
        ]
      : [],
  );
}

/**
 * The route a console path opens, ranked as React Router ranks them: the same number of segments,
 * each static segment equal, and a static segment beats a parameter (`create` beats `:name`).
 */
export function matchRoutePreload(routes: RoutePreload[], path: string): RoutePreloadMatch | undefined {
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined; // bad percent-encoding: the console shows its own page, with nothing to preload
  }
  let best: { route: RoutePreload; score: string; params: Record<string, string> } | undefined;
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    let score = '';
    let matches = true;
    const params: Record<string, string> = {};
    for (const [i, part] of pattern.entries()) {
      if (part.startsWith(':')) {
        score += '0';
        params[part.slice(1)] = segments[i] ?? '';
      } else if (part === segments[i]) score += '1';
      else {
        matches = false;
        break;
      }
    }
    if (matches && (!best || score > best.score)) best = { route, score, params };
  }
  return best && { route: best.route, params: best.params };
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
};
const attribute = (value: string) => value.replace(/[&"'<>]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);

/**
 * index.html naming the route's chunks in its head, so they download beside the entry, and its first
 * GETs (`rel="preload" as="fetch"`, which the console's fetches then use), so its data is on the way
 * before the console's code has run.
 */
export function withRoutePreloads(html: string, match: RoutePreloadMatch | undefined, meshOwner?: string): string {
  if (!match || !html.includes('</head>')) return html;
  const { route } = match;
  const links = [
    ...routeDataUrls(match, meshOwner).map(
      (href) => `<link rel="preload" as="fetch" crossorigin href="${attribute(href)}">`,
    ),
    ...route.css.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
    ...route.js.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
  ].join('');
  return html.replace('</head>', () => `${links}</head>`);
}
