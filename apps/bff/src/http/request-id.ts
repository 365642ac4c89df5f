import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

declare global {
  namespace Express {
    interface Request {
      /** Set by `requestId()`: echoed in `x-request-id`, the error envelope and every log line. */
      requestId: string;
      /** The exact request body bytes (App Mesh API routes), for signature verification. */
      rawBody?: Buffer;
      /** The App Mesh API caller's account (appmesh-api/caller.ts), set before routing. */
      callerAccountId?: string;
    }
  }
}

/**
 * Gives every request an id: a caller's `x-request-id` when it is short and plain, a UUID otherwise.
 * The App Mesh API also answers it as `x-amzn-RequestId`, which the AWS SDKs read.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    next();
  };
}
