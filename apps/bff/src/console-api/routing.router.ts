// Gateway routing you can see: test a request against a gateway's routes, and the route checks.
// Bodies and answers: packages/model/src/routing-api.ts; rules: packages/routing/README.md.
import express, { type Request, type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import type { GatewayScope } from './gateway-routes.service.js';
import * as routing from './routing.service.js';

function scopeOf(req: Request<{ mesh: string; name: string }>): GatewayScope {
  return { meshName: req.params.mesh, virtualGatewayName: req.params.name, meshOwner: req.query.meshOwner };
}

export function routingRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-gateways/:name';
  router.post(`${base}/test-request`, async (req, res) => {
    res.json(await routing.testGatewayRequest(meshApi(), scopeOf(req), req.body ?? {}));
  });
  router.get(`${base}/route-checks`, async (req, res) => {
    res.json(await routing.gatewayRouteChecks(meshApi(), scopeOf(req)));
  });
  return router;
}
