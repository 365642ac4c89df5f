// The one rule for the test-support endpoints (`/api/admin/*`: reset, and every admin route added later, which
// inherits it by living under /admin). They belong to the local mesh; they answer only when the server listens
// on loopback (ADMIN_API=auto) or ADMIN_API=on; and once an ACCESS_KEYS key has a secret, each request must be
// SigV4-signed (service `meshconsole`) by a key listed in ADMIN_KEYS. docs/security.md, "Test-support endpoints".
import { TEST_SUPPORT_SIGNING_SERVICE, type TestSupport } from '@meshconsole/model';
import type { RequestHandler } from 'express';
import { authenticateRequest, SigV4Error, signaturesRequired } from '../appmesh-api/sigv4.js';
import type { Config } from '../config.js';
import { AppError } from '../http/app-error.js';

/** What the console needs to know (`GET /api/session`): may it offer reset, and must it sign. */
export function testSupportStatus(config: Config): TestSupport {
  const { enabled, reason } = config.testSupport;
  return {
    enabled,
    signatureRequired: enabled && signaturesRequired(config.accessKeys),
    ...(reason === undefined ? {} : { reason }),
  };
}

export function testSupportGuard(config: Config): RequestHandler {
  const { enabled, reason, adminKeys } = config.testSupport;
  const signed = signaturesRequired(config.accessKeys);
  return (req, _res, next) => {
    if (!enabled) {
      const status = config.meshBackend === 'local' ? 403 : 400;
      return next(
        new AppError(status === 403 ? 'ForbiddenException' : 'BadRequestException', reason ?? 'Not available.', {
          status,
        }),
      );
    }
    if (!signed) return next();
    let who: ReturnType<typeof authenticateRequest>;
    try {
      who = authenticateRequest(
        { method: req.method, url: req.originalUrl, rawHeaders: req.rawHeaders, body: req.rawBody },
        config.accessKeys,
        { defaultAccountId: config.accountId, service: TEST_SUPPORT_SIGNING_SERVICE },
      );
    } catch (err) {
      if (err instanceof SigV4Error) {
        const hint =
          err.name === 'MissingAuthenticationTokenException'
            ? ': this server has ACCESS_KEYS with secrets, so /api/admin/* needs a SigV4 signature (service meshconsole) by a key in ADMIN_KEYS'
            : '';
        return next(new AppError(err.name, `${err.message}${hint}`, { status: err.status }));
      }
      throw err;
    }
    if (!who.verified || who.accessKeyId === undefined || !adminKeys.has(who.accessKeyId)) {
      return next(
        new AppError(
          'ForbiddenException',
          `Access key ${who.accessKeyId ?? '(none)'} may not use the test-support endpoints: list a key with a secret in ADMIN_KEYS and sign with it.`,
        ),
      );
    }
    next();
  };
}
