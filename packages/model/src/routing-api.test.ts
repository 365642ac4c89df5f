import { describe, expect, it } from 'vitest';
import { AppMeshError, parseOrThrow } from './errors';
import { GrpcTestRequestSchema, HttpTestRequestSchema, testRequestSchemaFor } from './routing-api';

function refusal(schema: Parameters<typeof parseOrThrow>[0], body: unknown): AppMeshError {
  try {
    parseOrThrow(schema, body);
  } catch (err) {
    if (err instanceof AppMeshError) return err;
    throw err;
  }
  throw new Error(`accepted: ${JSON.stringify(body)}`);
}

describe('test request bodies', () => {
  it('when an http request leaves out method, host and headers, then GET and none are assumed', () => {
    expect(HttpTestRequestSchema.parse({ path: '/chapter/1?x=1' })).toEqual({ method: 'GET', path: '/chapter/1?x=1' });
  });

  it("when the issue's example body is parsed, then it comes back as sent", () => {
    const body = { method: 'GET', path: '/chapter/1?x=1', host: 'books.example.com', headers: { 'x-user': 'a' } };
    expect(HttpTestRequestSchema.parse(body)).toEqual(body);
  });

  it('when a body has the other protocol’s members, then the message says which gateway takes what', () => {
    const http = refusal(HttpTestRequestSchema, { path: '/', metadata: {} });
    expect(http.fieldErrors).toEqual({
      metadata: [
        "This gateway's listener is http: its requests have a method, a path, a host and headers, not metadata.",
      ],
    });
    const grpc = refusal(GrpcTestRequestSchema, { serviceName: 'a.B', headers: {} });
    expect(grpc.message).toBe(
      "headers: This gateway's listener is grpc: its requests have a service name, a host and metadata, not headers.",
    );
  });

  it('when header names repeat in another case or are not tokens, then the name is the field', () => {
    const twice = refusal(HttpTestRequestSchema, { path: '/', headers: { 'X-A': '1', 'x-a': '2' } });
    expect(twice.fieldErrors?.['headers.x-a']).toEqual([
      'The header x-a is given twice (names are not case-sensitive).',
    ]);
    const control = refusal(HttpTestRequestSchema, { path: '/', headers: { 'x-a': 'a\nb' } });
    expect(control.fieldErrors?.['headers.x-a']).toEqual(['A header value must not contain control characters.']);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`x-${i}`, 'v']));
    expect(refusal(HttpTestRequestSchema, { path: '/', headers: many }).fieldErrors?.headers).toEqual([
      'Headers must have at most 50 entries.',
    ]);
  });

  it('when the listener protocol is given, then the matching body schema is chosen', () => {
    expect(testRequestSchemaFor('http')).toBe(HttpTestRequestSchema);
    expect(testRequestSchemaFor('http2')).toBe(HttpTestRequestSchema);
    expect(testRequestSchemaFor('grpc')).toBe(GrpcTestRequestSchema);
    expect(GrpcTestRequestSchema.parse({ serviceName: 'pkg.Svc', methodName: 'Get', metadata: { a: '1' } })).toEqual({
      serviceName: 'pkg.Svc',
      methodName: 'Get',
      metadata: { a: '1' },
    });
  });
});
