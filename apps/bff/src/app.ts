// Builds the Express app without listening (main.ts listens). Order matters: request id and logging
// first, then security headers, the probes, the host allow-list, rate limiting, the two APIs, the console,
// one 404, one error handler.
import type { Engine } from '@meshconsole/engine';
import type { MeshApi, Via } from '@meshconsole/model';
import express, { type Express } from 'express';
import { appMeshApiRouter, normalizeAppMeshPath } from './appmesh-api/appmesh-api.router.js';
import { createCallerResolver } from './appmesh-api/caller.js';
import type { Config } from './config.js';
import { consoleApiRouter } from './console-api/console-api.router.js';
import { AppError } from './http/app-error.js';
import { consoleStatic } from './http/console-static.js';
import { APPMESH_PREFIX, errorHandler, notFound } from './http/error-handler.js';
import { hostAllowList } from './http/host-allow-list.js';
import { rateLimit } from './http/rate-limit.js';
import { requestId } from './http/request-id.js';
import { requestLog } from './http/request-log.js';
import { securityHeaders } from './http/security-headers.js';
import type { Logger } from './logger.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  /**
   * The MeshApi for an account. The console always uses `config.accountId`; the App Mesh API uses
   * the caller's account (from its SigV4 access key). `via` names the surface (`console`, `api`), which
   * the local mesh keeps in each resource's history. Local: `engine.forCaller`; appmesh: the adapter.
   */
  meshApiFor: (accountId: string, via: Via) => MeshApi;
  /** The local engine (admin reset); undefined with MESH_BACKEND=appmesh. */
  engine: Engine | undefined;
  /** Readiness probe; defaults to `engine.ping()` (true without an engine). */
  ping?: () => boolean | Promise<boolean>;
}

export function createApp(deps: AppDeps): Express {
  const { config, logger, engine } = deps;
  const ping = deps.ping ?? (() => (engine ? engine.ping() : true));
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestId());
  app.use(requestLog(logger));
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    let ready = false;
    try {
      ready = await ping();
    } catch (err) {
      logger.error({ err }, 'readiness check failed');
    }
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });

  // Probes answer any Host (orchestrators probe by address); nothing after them does.
  app.use(hostAllowList(config.allowedHosts));
  app.use(normalizeAppMeshPath());
  const limiter = rateLimit(config.rateLimitPerMinute);
  app.use('/api', limiter);
  app.use(APPMESH_PREFIX, limiter);

  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', consoleApiRouter({ config, engine, meshApi: () => deps.meshApiFor(config.accountId, 'console') }));
  if (config.meshBackend === 'appmesh') {
    // Not a proxy: the server's AWS credentials are not lent to whoever can reach this port.
    app.use(APPMESH_PREFIX, (_req, _res, next) => {
      next(
        new AppError(
          'BadRequestException',
          'meshconsole serves the App Mesh API only for its local mesh (MESH_BACKEND=local). With MESH_BACKEND=appmesh, point the client at the App Mesh endpoint itself.',
        ),
      );
    });
  }
  app.use(
    APPMESH_PREFIX,
    appMeshApiRouter({
      meshApiFor: (accountId) => deps.meshApiFor(accountId, 'api'),
      resolveCaller: createCallerResolver({ accessKeys: config.accessKeys, defaultAccountId: config.accountId }),
      bodyLimitBytes: config.bodyLimitBytes,
    }),
  );
  app.use(
    consoleStatic(config.consoleDist, {
      serverRender: config.serverRender,
      onRenderError: (err) => logger.error({ err }, 'the server render failed; the browser renders the page'),
    }),
  );

  app.use(notFound());
  app.use(errorHandler(config.bodyLimitBytes));
  return app;
}
