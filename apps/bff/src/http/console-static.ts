import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { compressedAssets } from './compressed-assets.js';

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
 * and the history fallback for console routes. Without a build, `/` explains how to make one.
 */
export function consoleStatic(dist: string): Router {
  const router = express.Router();
  const index = join(dist, 'index.html');

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
  router.get(CONSOLE_ROUTES, (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      res.status(200).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' }, lastModified: true }, (err) => {
      if (err) next(err);
    });
  });
  return router;
}
