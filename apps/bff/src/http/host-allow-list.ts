// DNS rebinding defence: a page whose name is re-pointed at this server is same-origin with it to the browser,
// so the Origin check alone cannot tell it apart. Every request must name one of the configured hosts in its
// Host header (config.ts `allowedHosts`: loopback names, HOST, ALLOWED_HOSTS); anything else is a 421.
import type { RequestHandler } from 'express';
import { AppError } from './app-error.js';

/** The names answered without configuration: the loopback interface. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

/** A host name as compared: lower case, no trailing dot, IPv6 without brackets. */
export function normalizeHostName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

/** The host name of a Host header (`name`, `name:port`, `[v6]:port`), normalised; `undefined` when malformed. */
export function hostNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim());
  return m?.[1] ? normalizeHostName(m[1]) : undefined;
}

/** Refuses, with 421 Misdirected Request, a request whose Host is not one of `allowed` (normalised names). */
export function hostAllowList(allowed: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    const name = hostNameOf(req.headers.host);
    if (name !== undefined && allowed.has(name)) return next();
    next(
      new AppError(
        'ForbiddenException',
        'This request names a host that is not a host this server answers to. To serve it under another name, add the name to ALLOWED_HOSTS.',
        { status: 421 },
      ),
    );
  };
}
