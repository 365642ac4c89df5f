import express, { type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import * as tags from './tags.service.js';

export function tagsRouter({ meshApi }: ConsoleApiDeps): Router {
  const router = express.Router();
  router.get('/tags', async (req, res) => {
    res.json(await tags.listTags(meshApi(), req.query));
  });
  router.post('/tags', async (req, res) => {
    res.json(await tags.tagResource(meshApi(), req.body ?? {}));
  });
  router.post('/untag', async (req, res) => {
    res.json(await tags.untagResource(meshApi(), req.body ?? {}));
  });
  return router;
}
