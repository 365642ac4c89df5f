import { ApiErrorEnvelopeSchema, CSRF_HEADER, CSRF_HEADER_VALUE, type ServerRenderFetch } from '@meshconsole/model';
import type { z } from 'zod';

/**
 * The console's one fetch wrapper. Every response is parsed with the zod schema the caller passes in;
 * every failure becomes an `ApiError` built from the console API's error envelope
 * (`ApiErrorEnvelopeSchema` of packages/model: `{ error: { code, message, requestId, fieldErrors } }`).
 */

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldErrors;

  constructor(init: { status: number; code: string; message: string; requestId?: string; fieldErrors?: FieldErrors }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? {};
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (a signed request's `authorization`, `x-amz-date`, ...). */
  headers?: Record<string, string>;
}

/**
 * `path?query`, the query's keys in sorted order: one request, one URL, so a first load's GETs match
 * the ones the server named in its HTML (app/route-data.ts) and the browser's preloads are used.
 */
export function buildUrl(path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  const entries = Object.entries(query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of entries) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** `/api/meshes/<mesh>/...` with every segment URI-encoded. */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

let serverFetchOf: (() => ServerRenderFetch | undefined) | undefined;

/**
 * On the server (entry-server.tsx), where the page's requests go: the BFF's own API, for the request
 * being rendered. In the browser bundle the requests always go to `fetch`, and this is left out.
 */
export function serverFetch(of: () => ServerRenderFetch | undefined): void {
  serverFetchOf = of;
}

export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  Object.assign(headers, options.headers);

  let response: Response;
  try {
    const url = buildUrl(path, options.query);
    const onServer = import.meta.env.SSR ? serverFetchOf?.() : undefined;
    response = onServer
      ? await onServer(url, { method, headers, signal: options.signal })
      : await fetch(url, { method, headers, body, signal: options.signal, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'NetworkError',
      message: "Couldn't reach the meshconsole server. Check that it's running, then try again.",
    });
  }

  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }

  if (!response.ok) {
    const envelope = ApiErrorEnvelopeSchema.safeParse(json);
    if (envelope.success) {
      const { code, message, requestId, fieldErrors } = envelope.data.error;
      throw new ApiError({ status: response.status, code, message, requestId, fieldErrors });
    }
    throw new ApiError({
      status: response.status,
      code: response.status >= 500 ? 'InternalServerError' : 'BadRequestException',
      message: `The server answered with status ${response.status}. Try again later.`,
    });
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.warn(`Unexpected response shape from ${method} ${path}`, parsed.error.issues);
    throw new ApiError({
      status: response.status,
      code: 'InvalidResponse',
      message: "The server's answer didn't have the expected shape. Try again, or reload the page.",
    });
  }
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest(path, schema, { ...options, method: 'GET' }),
  post: <S extends z.ZodType>(
    path: string,
    schema: S,
    body: unknown,
    options?: Omit<RequestOptions, 'method' | 'body'>,
  ) => apiRequest(path, schema, { ...options, method: 'POST', body }),
  put: <S extends z.ZodType>(
    path: string,
    schema: S,
    body: unknown,
    options?: Omit<RequestOptions, 'method' | 'body'>,
  ) => apiRequest(path, schema, { ...options, method: 'PUT', body }),
  delete: <S extends z.ZodType>(path: string, schema: S, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest(path, schema, { ...options, method: 'DELETE' }),
  /**
   * Every item of a paged list (`{ items, nextToken? }`), following `nextToken` with the largest page
   * the API allows. For lists that are small by nature (meshes, a gateway's routes, a mesh's services).
   */
  getAllPages: async <T>(
    path: string,
    pageSchema: z.ZodType<{ items: T[]; nextToken?: string | undefined }>,
    options: { query?: QueryParams; signal?: AbortSignal } = {},
  ): Promise<T[]> => {
    const items: T[] = [];
    let nextToken: string | undefined;
    do {
      const page = await apiRequest(path, pageSchema, {
        method: 'GET',
        query: { ...options.query, limit: 100, nextToken },
        signal: options.signal,
      });
      items.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
    return items;
  },
};

/** A message for any thrown value, for error states and flashes. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}
