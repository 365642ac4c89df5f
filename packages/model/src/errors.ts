import type { z } from 'zod';
import { labelFor } from './labels';

/** Every exception the App Mesh API models, with its HTTP status. */
export const EXCEPTIONS = {
  BadRequestException: 400,
  ForbiddenException: 403,
  NotFoundException: 404,
  ConflictException: 409,
  ResourceInUseException: 409,
  LimitExceededException: 400,
  TooManyTagsException: 400,
  TooManyRequestsException: 429,
  InternalServerErrorException: 500,
  ServiceUnavailableException: 503,
} as const satisfies Record<string, number>;

export type ExceptionName = keyof typeof EXCEPTIONS;

export const EXCEPTION_NAMES = Object.keys(EXCEPTIONS) as ExceptionName[];

export function isExceptionName(value: unknown): value is ExceptionName {
  return typeof value === 'string' && Object.hasOwn(EXCEPTIONS, value);
}

export type FieldErrors = Record<string, string[]>;

/** The one error type the engine, the real-mesh adapter and the BFF throw. */
export class AppMeshError extends Error {
  override name: ExceptionName;
  readonly status: number;
  readonly fieldErrors?: FieldErrors;

  constructor(name: ExceptionName, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = name;
    this.status = EXCEPTIONS[name];
    if (fieldErrors !== undefined) this.fieldErrors = fieldErrors;
  }
}

export function isAppMeshError(value: unknown): value is AppMeshError {
  return value instanceof AppMeshError;
}

/** Dotted path of an issue: `spec.listeners.0.healthCheck.intervalMillis`. */
export function issuePath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/** Field errors keyed by dotted path, in issue order, without repeated messages. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issuePath(issue.path);
    const list = out[key] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    out[key] = list;
  }
  return out;
}

/** A one-line message for a whole request: the first problem, plus how many others there are. */
export function summarizeIssues(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return 'The request is not valid.';
  let message = first.message;
  if (!/[.!?]$/.test(message)) message += '.';
  if (first.path.length > 0 && !labelFor(first.path)) message = `${issuePath(first.path)}: ${message}`;
  if (rest.length > 0) message += ` (${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  return message;
}

/** Parses `value`, or throws `AppMeshError('BadRequestException')` with a message for people and field errors. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppMeshError('BadRequestException', summarizeIssues(result.error), fieldErrorsOf(result.error));
}
