// The console API (`/api`): JSON in and out, CSRF-checked writes, the error envelope (error-handler.ts).
// Routes and bodies: docs/architecture.md, "Console API".
import { CSRF_HEADER } from '@meshconsole/model';
import express, { type Router } from 'express';
import { csrfProtection } from '../http/csrf.js';
import { adminRouter } from './admin.router.js';
import type { ConsoleApiDeps } from './context.js';
import { deployRouter } from './deploy.router.js';
import { exportRouter } from './export.router.js';
import { gatewayRoutesRouter } from './gateway-routes.router.js';
import { historyRouter } from './history.router.js';
import { meshesRouter } from './meshes.router.js';
import { routingRouter } from './routing.router.js';
import { sessionRouter } from './session.router.js';
import { tagsRouter } from './tags.router.js';
import { virtualGatewaysRouter } from './virtual-gateways.router.js';
import { virtualNodesRouter } from './virtual-nodes.router.js';
import { virtualRoutersRouter } from './virtual-routers.router.js';
import { virtualServicesRouter } from './virtual-services.router.js';

export function consoleApiRouter(deps: ConsoleApiDeps): Router {
  const router = express.Router();
  router.use(csrfProtection(CSRF_HEADER));
  router.use(
    express.json({
      limit: deps.config.bodyLimitBytes,
      // the exact bytes, for the signature of signed test-support requests (test-support.ts)
      verify: (req, _res, buf) => {
        (req as express.Request).rawBody = buf;
      },
    }),
  );

  router.use(sessionRouter(deps));
  router.use(adminRouter(deps));
  router.use(meshesRouter(deps));
  router.use(virtualGatewaysRouter(deps));
  router.use(gatewayRoutesRouter(deps));
  router.use(routingRouter(deps));
  router.use(virtualServicesRouter(deps));
  router.use(virtualNodesRouter(deps));
  router.use(virtualRoutersRouter(deps));
  router.use(tagsRouter(deps));
  router.use(deployRouter(deps));
  router.use(exportRouter(deps));
  router.use(historyRouter(deps));
  return router;
}
