import express, { type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import * as meshes from './meshes.service.js';

export function meshesRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  router.get('/meshes', async (req, res) => {
    res.json(await meshes.listMeshes(meshApi(), req.query));
  });
  router.post('/meshes', async (req, res) => {
    res.status(201).json(await meshes.createMesh(meshApi(), req.body ?? {}));
  });
  router.get('/meshes/:mesh', async (req, res) => {
    res.json(await meshes.describeMesh(meshApi(), req.params.mesh, req.query.meshOwner));
  });
  return router;
}
