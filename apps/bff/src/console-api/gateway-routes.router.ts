import express, { type Request, type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import * as routes from './gateway-routes.service.js';

function scopeOf(req: Request<{ mesh: string; name: string }>): routes.GatewayScope {
  return { meshName: req.params.mesh, virtualGatewayName: req.params.name, meshOwner: req.query.meshOwner };
}

export function gatewayRoutesRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-gateways/:name/gateway-routes';
  router.get(base, async (req, res) => {
    const { mesh, name } = req.params;
    res.json(await routes.listGatewayRoutes(meshApi(), { meshName: mesh, virtualGatewayName: name }, req.query));
  });
  router.post(base, async (req, res) => {
    res.status(201).json(await routes.createGatewayRoute(meshApi(), scopeOf(req), req.body ?? {}));
  });
  router.get(`${base}/:route`, async (req, res) => {
    res.json(await routes.describeGatewayRoute(meshApi(), scopeOf(req), req.params.route));
  });
  router.put(`${base}/:route`, async (req, res) => {
    res.json(await routes.updateGatewayRoute(meshApi(), scopeOf(req), req.params.route, req.body ?? {}));
  });
  router.delete(`${base}/:route`, async (req, res) => {
    res.json(await routes.deleteGatewayRoute(meshApi(), scopeOf(req), req.params.route));
  });
  return router;
}
