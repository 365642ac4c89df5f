import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

declare global {
  namespace Express {
    interface Request {
      /** The server's logger (set by `requestLog()`); log lines carry `requestId` themselves. */
      log: Logger;
    }
  }
}

/**
 * One log line per request, when it is answered: `request completed` with the request id, method, URL,
 * status and response time (error level for a 5xx, info otherwise), or `request aborted` when the
 * client went away first. In place of pino-http, which built a child logger and its bindings for every
 * request even with logging off: here nothing is built unless the line will be written.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    req.log = logger;
    if (!logger.isLevelEnabled('error')) return next();
    const start = performance.now();
    const { method, originalUrl } = req;
    let done = false;
    const write = (aborted: boolean) => {
      if (done) return;
      done = true;
      const statusCode = res.statusCode;
      const level = statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          requestId: req.requestId,
          req: { method, url: originalUrl },
          res: { statusCode },
          responseTime: Math.round(performance.now() - start),
        },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    res.once('finish', () => write(false));
    res.once('close', () => write(!res.writableFinished));
    next();
  };
}
