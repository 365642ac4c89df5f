import express, { type Request, type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import type { MeshScope } from './virtual-gateways.service.js';
import * as routers from './virtual-routers.service.js';

function scopeOf(req: Request<{ mesh: string }>): MeshScope {
  return { meshName: req.params.mesh, meshOwner: req.query.meshOwner };
}

function routerScopeOf(req: Request<{ mesh: string; name: string }>): routers.RouterScope {
  return { meshName: req.params.mesh, virtualRouterName: req.params.name, meshOwner: req.query.meshOwner };
}

/** Virtual routers and their routes, read-only: lists (each item in full) and describes. */
export function virtualRoutersRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-routers';
  router.get(base, async (req, res) => {
    res.json(await routers.listVirtualRouters(meshApi(), { meshName: req.params.mesh }, req.query));
  });
  router.get(`${base}/:name`, async (req, res) => {
    res.json(await routers.describeVirtualRouter(meshApi(), scopeOf(req), req.params.name));
  });
  router.get(`${base}/:name/routes`, async (req, res) => {
    const { meshName, virtualRouterName } = routerScopeOf(req);
    res.json(await routers.listRoutes(meshApi(), { meshName, virtualRouterName }, req.query));
  });
  router.get(`${base}/:name/routes/:route`, async (req, res) => {
    res.json(await routers.describeRoute(meshApi(), routerScopeOf(req), req.params.route));
  });
  return router;
}
