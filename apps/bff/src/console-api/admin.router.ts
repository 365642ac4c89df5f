import express, { type Router } from 'express';
import { resetStore, seedStore } from './admin.service.js';
import type { ConsoleApiDeps } from './context.js';
import { testSupportGuard } from './test-support.js';

/** The test-support endpoints. Every route under /admin passes `testSupportGuard` first, new ones included. */
export function adminRouter({ engine, config }: ConsoleApiDeps): Router {
  const router = express.Router();
  router.use('/admin', testSupportGuard(config));
  router.post('/admin/reset', async (req, res) => {
    res.json(await resetStore(engine, config, req.body ?? {}));
  });
  router.post('/admin/seed', async (req, res) => {
    res.json(await seedStore(engine, config.accountId, req.body));
  });
  return router;
}
