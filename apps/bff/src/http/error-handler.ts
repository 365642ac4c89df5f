import type { ApiErrorEnvelope } from '@meshconsole/model';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { AppError, toAppError } from './app-error.js';

export const APPMESH_PREFIX = '/v20190125';

export function isAppMeshApi(req: Request): boolean {
  return req.path === APPMESH_PREFIX || req.path.startsWith(`${APPMESH_PREFIX}/`);
}

/**
 * Writes an error the way the caller's API speaks: the App Mesh API's restJson1 form (status,
 * `X-Amzn-Errortype`, `{"message"}`) under /v20190125, the console envelope everywhere else.
 */
export function sendError(req: Request, res: Response, error: AppError): void {
  res.status(error.status);
  if (error.status === 429 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '1');
  if (isAppMeshApi(req)) {
    res.setHeader('X-Amzn-Errortype', error.code);
    res.setHeader('x-amzn-RequestId', req.requestId);
    res.json({ message: error.message });
    return;
  }
  const envelope: ApiErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      requestId: req.requestId,
      ...(error.fieldErrors && Object.keys(error.fieldErrors).length > 0 ? { fieldErrors: error.fieldErrors } : {}),
    },
  };
  res.json(envelope);
}

/** The one terminal error middleware. Unexpected errors are logged in full and answered generically. */
export function errorHandler(bodyLimitBytes: number): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { error, unexpected } = toAppError(err, bodyLimitBytes);
    if (unexpected) req.log.error({ err, requestId: req.requestId }, 'unexpected error');
    else if (error.status === 503) {
      // The store is unreachable or overloaded: worth an operator's attention, with its cause.
      const cause = (err as { cause?: unknown } | null)?.cause ?? err;
      req.log.warn({ err: cause, code: error.code, requestId: req.requestId }, error.message);
    } else req.log.debug({ code: error.code, status: error.status, requestId: req.requestId }, error.message);
    sendError(req, res, error);
  };
}

/** The one 404 for the APIs (console routes are answered by the SPA fallback before this). */
export function notFound(): RequestHandler {
  return (req, _res, next) => {
    const what = `${req.method} ${req.path}`;
    next(
      new AppError(
        'NotFoundException',
        isAppMeshApi(req)
          ? `No App Mesh operation matches ${what}.`
          : req.path.startsWith('/api')
            ? `No console API route matches ${what}.`
            : `Nothing is served at ${req.path}.`,
      ),
    );
  };
}
