// Plain-fetch helpers for the API tests (no client library of our own between the test and the wire).
import { CSRF_HEADER } from '@meshconsole/model';

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Adds the console's CSRF header (default true). */
  csrf?: boolean;
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...(options.csrf === false ? {} : { [CSRF_HEADER]: '1' }) };
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  Object.assign(headers, options.headers);
  const res = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, text, body: parsed as T };
}

export interface Envelope {
  error: { code: string; message: string; requestId: string; fieldErrors?: Record<string, string[]> };
}

/** The product's example gateway: one http listener on port 9080. */
export function exampleSpec(port = 9080) {
  return { listeners: [{ portMapping: { port, protocol: 'http' as const } }] };
}
