import express, { type Request, type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import type { MeshScope } from './virtual-gateways.service.js';
import * as services from './virtual-services.service.js';

function scopeOf(req: Request<{ mesh: string }>): MeshScope {
  return { meshName: req.params.mesh, meshOwner: req.query.meshOwner };
}

export function virtualServicesRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-services';
  router.get(base, async (req, res) => {
    res.json(await services.listVirtualServices(meshApi(), { meshName: req.params.mesh }, req.query));
  });
  router.post(base, async (req, res) => {
    res.status(201).json(await services.createVirtualService(meshApi(), scopeOf(req), req.body ?? {}));
  });
  router.get(`${base}/:name`, async (req, res) => {
    res.json(await services.describeVirtualService(meshApi(), scopeOf(req), req.params.name));
  });
  router.delete(`${base}/:name`, async (req, res) => {
    res.json(await services.deleteVirtualService(meshApi(), scopeOf(req), req.params.name));
  });
  return router;
}
