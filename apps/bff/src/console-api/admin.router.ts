import express, { type Router } from 'express';
import { resetStore } from './admin.service.js';
import type { ConsoleApiDeps } from './context.js';

export function adminRouter({ engine, config }: ConsoleApiDeps): Router {
  const router = express.Router();
  router.post('/admin/reset', async (req, res) => {
    res.json(await resetStore(engine, config.accountId, req.body ?? {}));
  });
  return router;
}
