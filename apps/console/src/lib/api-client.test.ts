import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, api, apiPath } from './api-client';

const Thing = z.object({ name: z.string() });

function stub(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('when it writes, then it sends the CSRF header and JSON; when it reads, then it does not', async () => {
    const calls = stub(200, { name: 'a' });
    await api.post('/api/x', Thing, { a: 1 });
    await api.get('/api/x', Thing, { query: { meshOwner: undefined, limit: 5 } });
    const [write, read] = calls;
    expect((write?.init.headers as Record<string, string> | undefined)?.['x-meshconsole-csrf']).toBe('1');
    expect(write?.init.body).toBe('{"a":1}');
    expect((read?.init.headers as Record<string, string> | undefined)?.['x-meshconsole-csrf']).toBeUndefined();
    expect(read?.url).toBe('/api/x?limit=5');
  });

  it('when the server answers with the error envelope, then an ApiError carries its code, message, request id and field errors', async () => {
    stub(400, {
      error: {
        code: 'BadRequestException',
        message: 'Port must be between 1 and 65535.',
        requestId: 'req-1',
        fieldErrors: { 'spec.listeners.0.portMapping.port': ['Port must be between 1 and 65535.'] },
      },
    });
    const error = await api.put('/api/x', Thing, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BadRequestException',
      message: 'Port must be between 1 and 65535.',
      requestId: 'req-1',
      fieldErrors: { 'spec.listeners.0.portMapping.port': ['Port must be between 1 and 65535.'] },
    });
  });

  it('when the answer does not match the schema, then the call fails with InvalidResponse instead of passing bad data on', async () => {
    stub(200, { name: 42 });
    await expect(api.get('/api/x', Thing)).rejects.toMatchObject({ code: 'InvalidResponse' });
  });

  it('when the server answers without an envelope, then the ApiError still says what happened', async () => {
    stub(502, '<html>Bad gateway</html>');
    await expect(api.get('/api/x', Thing)).rejects.toMatchObject({
      status: 502,
      message: 'The server answered with status 502. Try again later.',
    });
  });

  it('when a path segment has reserved characters, then it is encoded', () => {
    expect(apiPath('meshes', 'a b', 'virtual-gateways', 'x/y')).toBe('/api/meshes/a%20b/virtual-gateways/x%2Fy');
  });
});
