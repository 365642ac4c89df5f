import type { Request, RequestHandler } from 'express';
import { AppError } from './app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request's `Origin` (if any) names this server's host. */
export function isSameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true;
  const host = req.get('host');
  if (!host || origin === 'null') return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Console API CSRF defence: every state-changing call carries `<header>: 1` (a custom header a
 * cross-site form or simple request cannot set) and, when the browser sends `Origin`, it must be ours.
 */
export function csrfProtection(header: string): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.get(header) !== '1') {
      return next(
        new AppError('ForbiddenException', `This request needs the header ${header}: 1 (cross-site request defence).`),
      );
    }
    if (!isSameOrigin(req)) {
      return next(new AppError('ForbiddenException', 'Cross-origin requests to the console API are not allowed.'));
    }
    next();
  };
}

/** The App Mesh API is for SDKs and the CLI, which send no `Origin`; a browser on another site is refused. */
export function rejectCrossOrigin(): RequestHandler {
  return (req, _res, next) => {
    if (isSameOrigin(req)) return next();
    next(new AppError('ForbiddenException', 'Cross-origin browser requests to the App Mesh API are not allowed.'));
  };
}
