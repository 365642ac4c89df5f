import express, { type Request, type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import type { MeshScope } from './virtual-gateways.service.js';
import * as nodes from './virtual-nodes.service.js';

function scopeOf(req: Request<{ mesh: string }>): MeshScope {
  return { meshName: req.params.mesh, meshOwner: req.query.meshOwner };
}

/** Virtual nodes, read-only: the list (each in full) and one node. */
export function virtualNodesRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  const base = '/meshes/:mesh/virtual-nodes';
  router.get(base, async (req, res) => {
    res.json(await nodes.listVirtualNodes(meshApi(), { meshName: req.params.mesh }, req.query));
  });
  router.get(`${base}/:name`, async (req, res) => {
    res.json(await nodes.describeVirtualNode(meshApi(), scopeOf(req), req.params.name));
  });
  return router;
}
