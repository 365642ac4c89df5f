// The App Mesh REST API (restJson1) under /v20190125: one route per operation of OPERATIONS, calling
// the MeshApi method of the same name for the caller's account. Bodies are parsed as JSON whatever the
// content type (the AWS CLI v1 may send none); errors are status + X-Amzn-Errortype + {"message"}.
import type { MeshApi } from '@meshconsole/model';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { AppError } from '../http/app-error.js';
import { rejectCrossOrigin } from '../http/csrf.js';
import { APPMESH_PREFIX } from '../http/error-handler.js';
import type { CallerResolver } from './caller.js';
import { methodNameOf, OPERATIONS, type Operation } from './operations.js';
import { normalizePath } from './sigv4.js';

export interface AppMeshApiDeps {
  meshApiFor: (accountId: string) => MeshApi;
  resolveCaller: CallerResolver;
  bodyLimitBytes: number;
}

function queryValue(name: string, raw: unknown): unknown {
  if (Array.isArray(raw)) return raw[raw.length - 1];
  if (name === 'limit' && typeof raw === 'string' && /^-?\d{1,15}$/.test(raw)) return Number(raw);
  return raw;
}

/** The operation's input: URI labels, then query parameters, then body members (as the service model routes them). */
export function inputOf(op: Operation, req: Request): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const body: unknown = req.body;
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new AppError('BadRequestException', 'The request body must be a JSON object.');
  }
  const members = (body ?? {}) as Record<string, unknown>;
  for (const name of op.body) if (members[name] !== undefined && members[name] !== null) input[name] = members[name];
  for (const name of op.query) {
    const value = queryValue(name, req.query[name]);
    if (value !== undefined) input[name] = value;
  }
  for (const [name, value] of Object.entries(req.params)) if (typeof value === 'string') input[name] = value;
  return input;
}

function send(req: Request, res: Response, op: Operation, output: unknown): void {
  const body =
    op.payload !== undefined && output !== null && typeof output === 'object'
      ? (output as Record<string, unknown>)[op.payload]
      : (output ?? {});
  res.status(200).setHeader('x-amzn-RequestId', req.requestId);
  res.json(body ?? {});
}

/**
 * Routes the App Mesh API on the path its signature covers: empty, `.` and `..` segments are removed exactly as
 * the SigV4 canonical path removes them (`normalizePath`), before any route is matched. A path that would leave
 * /v20190125 is answered 404. Mount it at the application, ahead of the App Mesh API.
 */
export function normalizeAppMeshPath(): RequestHandler {
  return (req, _res, next) => {
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (path !== APPMESH_PREFIX && !path.startsWith(`${APPMESH_PREFIX}/`)) return next();
    const normalized = normalizePath(path);
    if (normalized === path) return next();
    if (normalized !== APPMESH_PREFIX && !normalized.startsWith(`${APPMESH_PREFIX}/`)) {
      return next(new AppError('NotFoundException', `No App Mesh operation matches ${req.method} ${path}.`));
    }
    req.url = `${normalized}${q === -1 ? '' : req.url.slice(q)}`;
    next();
  };
}

export function appMeshApiRouter(deps: AppMeshApiDeps): Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  router.use(rejectCrossOrigin());
  router.use(
    express.json({
      type: () => true,
      limit: deps.bodyLimitBytes,
      strict: false,
      verify: (req, _res, buf) => {
        (req as Request).rawBody = buf;
      },
    }),
  );
  // Who calls, before any route: once a key has a secret, an unauthenticated request learns nothing, not even
  // which operations exist.
  router.use((req, _res, next) => {
    req.callerAccountId = deps.resolveCaller(req);
    next();
  });

  for (const op of OPERATIONS) {
    const method = methodNameOf(op.name);
    const handler = async (req: Request, res: Response) => {
      const api = deps.meshApiFor(req.callerAccountId as string) as unknown as Record<string, unknown>;
      const fn = api[method];
      if (typeof fn !== 'function') {
        throw new AppError('BadRequestException', `${op.name} is not available with this mesh backend.`);
      }
      const output: unknown = await (fn as (input: unknown) => Promise<unknown>).call(api, inputOf(op, req));
      send(req, res, op, output);
    };
    if (op.method === 'GET') router.get(op.path, handler);
    else if (op.method === 'PUT') router.put(op.path, handler);
    else router.delete(op.path, handler);
  }

  return router;
}
