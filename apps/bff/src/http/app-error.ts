// One error type for the BFF's own refusals, and one mapping from anything thrown to what a client sees.
import { AppMeshError, EXCEPTIONS, type ExceptionName, type FieldErrors, isExceptionName } from '@meshconsole/model';

/** The App Mesh exceptions, plus the authentication refusals (403) of AWS services (appmesh-api/sigv4.ts). */
export type ErrorCode =
  | ExceptionName
  | 'MissingAuthenticationTokenException'
  | 'UnrecognizedClientException'
  | 'IncompleteSignatureException'
  | 'InvalidSignatureException';

function statusOf(code: ErrorCode): number {
  return isExceptionName(code) ? EXCEPTIONS[code] : 403;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(code: ErrorCode, message: string, options: { status?: number; fieldErrors?: FieldErrors } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? statusOf(code);
    this.fieldErrors = options.fieldErrors;
  }
}

export const INTERNAL_MESSAGE =
  'The request processing has failed because of an unknown error, exception, or failure. Try again later.';

interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return typeof err === 'object' && err !== null && typeof (err as { type?: unknown }).type === 'string';
}

/**
 * Maps anything thrown to an `AppError`. `AppMeshError` keeps its name, status and field errors; body
 * parser errors become 400/413/415; everything else is a 500 with a generic message (the details go to
 * the log only, never to the client).
 */
export function toAppError(err: unknown, bodyLimitBytes: number): { error: AppError; unexpected: boolean } {
  if (err instanceof AppError) return { error: err, unexpected: false };
  if (err instanceof AppMeshError) {
    const fieldErrors = err.fieldErrors;
    const status = err.status;
    const unexpected = err.name === 'InternalServerErrorException';
    return {
      error: new AppError(err.name, unexpected ? INTERNAL_MESSAGE : err.message, {
        status,
        ...(fieldErrors && !unexpected ? { fieldErrors } : {}),
      }),
      unexpected,
    };
  }
  if (isBodyParserError(err)) {
    switch (err.type) {
      case 'entity.too.large':
        return {
          error: new AppError(
            'BadRequestException',
            `The request body is larger than the ${Math.round(bodyLimitBytes / 1024)} KB limit.`,
            { status: 413 },
          ),
          unexpected: false,
        };
      case 'entity.parse.failed':
        return { error: new AppError('BadRequestException', 'The request body is not valid JSON.'), unexpected: false };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return {
          error: new AppError('BadRequestException', 'The request body must be UTF-8 JSON.', { status: 415 }),
          unexpected: false,
        };
      case 'request.aborted':
      case 'request.size.invalid':
        return { error: new AppError('BadRequestException', 'The request body was incomplete.'), unexpected: false };
      default:
        break;
    }
  }
  const status = clientStatusOf(err);
  if (status !== undefined) return { error: clientError(err, status), unexpected: false };
  return { error: new AppError('InternalServerErrorException', INTERNAL_MESSAGE), unexpected: true };
}

/** The 4xx status of an HTTP error raised by Express or its body parser (bad percent-encoding, bad gzip). */
function clientStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

/** A client error in our own words: its own message could carry internals, so it is not repeated. */
function clientError(err: unknown, status: number): AppError {
  if (err instanceof URIError) {
    // Express could not percent-decode a path parameter (`/meshes/%zz`).
    return new AppError('BadRequestException', 'The request path is not valid percent-encoded UTF-8.', { status });
  }
  switch (status) {
    case 403:
      return new AppError('ForbiddenException', 'The request is not allowed.');
    case 404:
      return new AppError('NotFoundException', 'Nothing is served at this path.');
    case 429:
      return new AppError('TooManyRequestsException', 'Too many requests. Try again shortly.');
    default:
      return new AppError('BadRequestException', 'The request is malformed.', { status });
  }
}
