import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { startFakeConsoleApi } from '../test/render';
import { seedGateways } from '../test/seed';
import { ApiError, api, apiPath } from './api-client';

const Thing = z.object({ name: z.string() });

function stub(status: number, body: string) {
  vi.stubGlobal('fetch', async () => new Response(body, { status }));
}

describe('api client', () => {
  it('when it writes, then it sends the CSRF header and JSON; when it reads, then it does not', async () => {
    const fake = await startFakeConsoleApi();
    await api.post('/api/meshes/demo-mesh/virtual-services', z.object({ virtualServiceName: z.string() }), {
      virtualServiceName: 'a.demo.local',
      spec: {},
    });
    await api.get('/api/meshes/demo-mesh/virtual-services', z.object({ items: z.array(z.unknown()) }), {
      query: { meshOwner: undefined, limit: 5 },
    });
    const [write, read] = fake.requests;
    expect(write).toMatchObject({ method: 'POST', csrf: '1', body: { virtualServiceName: 'a.demo.local', spec: {} } });
    expect(read?.csrf).toBeUndefined();
    expect(`${read?.path}${read?.search}`).toBe('/api/meshes/demo-mesh/virtual-services?limit=5');
  });

  it('when the server answers with the error envelope, then an ApiError carries its code, message, request id and field errors', async () => {
    await seedGateways(await startFakeConsoleApi(), ['gw-1']);
    const error = await api
      .put('/api/meshes/demo-mesh/virtual-gateways/gw-1', z.object({}), {
        spec: { listeners: [{ portMapping: { port: 0, protocol: 'http' } }] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'BadRequestException',
      message: 'Port must be between 1 and 65535.',
      requestId: expect.stringMatching(/.+/),
      fieldErrors: { 'spec.listeners.0.portMapping.port': ['Port must be between 1 and 65535.'] },
    });
  });

  // A proxy or a broken server, not the console API: the answers the fake console API never gives.
  it('when the answer does not match the schema, then the call fails with InvalidResponse instead of passing bad data on', async () => {
    stub(200, JSON.stringify({ name: 42 }));
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
