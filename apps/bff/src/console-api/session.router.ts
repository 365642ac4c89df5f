import type { Session } from '@meshconsole/model';
import express, { type Router } from 'express';
import type { ConsoleApiDeps } from './context.js';
import { testSupportStatus } from './test-support.js';

export function sessionRouter({ config }: ConsoleApiDeps): Router {
  const router = express.Router();
  router.get('/session', (_req, res) => {
    const session: Session = {
      accountId: config.accountId,
      region: config.region,
      backend: config.meshBackend,
      testSupport: testSupportStatus(config),
    };
    res.json(session);
  });
  return router;
}
