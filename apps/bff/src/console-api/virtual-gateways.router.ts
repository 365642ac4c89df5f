import express, { type Request, type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import * as gateways from './virtual-gateways.service.js';

function scopeOf(req: Request<{ mesh: string }>): gateways.MeshScope {
  return { meshName: req.params.mesh, meshOwner: req.query.meshOwner };
}

export function virtualGatewaysRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-gateways';
  router.get(base, async (req, res) => {
    res.json(await gateways.listVirtualGateways(meshApi(), { meshName: req.params.mesh }, req.query));
  });
  router.post(base, async (req, res) => {
    res.status(201).json(await gateways.createVirtualGateway(meshApi(), scopeOf(req), req.body ?? {}));
  });
  router.get(`${base}/:name`, async (req, res) => {
    res.json(await gateways.describeVirtualGateway(meshApi(), scopeOf(req), req.params.name));
  });
  router.put(`${base}/:name`, async (req, res) => {
    res.json(await gateways.updateVirtualGateway(meshApi(), scopeOf(req), req.params.name, req.body ?? {}));
  });
  router.delete(`${base}/:name`, async (req, res) => {
    res.json(await gateways.deleteVirtualGateway(meshApi(), scopeOf(req), req.params.name));
  });
  return router;
}
