// Who is calling the App Mesh API: the account of the SigV4 access key (ACCESS_KEYS, header or presigned
// query string), or ACCOUNT_ID while no key has a secret. Once one has, unsigned, unknown-key and badly
// signed requests are refused with 403 and the exception names the AWS clients expect (sigv4.ts).
import type { Request } from 'express';
import type { AccessKey } from '../config.js';
import { AppError } from '../http/app-error.js';
import { authenticateRequest, SigV4Error } from './sigv4.js';

export interface CallerOptions {
  accessKeys: ReadonlyMap<string, AccessKey>;
  defaultAccountId: string;
}

export type CallerResolver = (req: Request) => string;

/** Builds `resolveCaller(req)`: the caller's account id. Throws a 403 AppError for a bad signature. */
export function createCallerResolver(options: CallerOptions): CallerResolver {
  return function resolveCaller(req) {
    try {
      return authenticateRequest(
        { method: req.method, url: req.originalUrl, rawHeaders: req.rawHeaders, body: req.rawBody },
        options.accessKeys,
        { defaultAccountId: options.defaultAccountId },
      ).accountId;
    } catch (err) {
      if (err instanceof SigV4Error) throw new AppError(err.name, err.message, { status: err.status });
      throw err;
    }
  };
}
