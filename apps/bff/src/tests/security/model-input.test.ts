// Issue 14, defect 5: a string that is not well-formed Unicode (a lone UTF-16 surrogate, JSON "\ud800") was
// acknowledged, stored as invalid UTF-8, and could then never be described, updated or deleted; it held quota
// and blocked the mesh's deletion. Both APIs must refuse it on its field and store nothing. Defect 9: a number
// wider than the model's 32-bit integer (maxConnections 2147483648) was accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Envelope, exampleSpec } from '../http-client.js';
import { type InProcessServer, startTestServer } from '../support/server.js';

const V = '/v20190125';
/** JSON text with a lone high surrogate escape: JSON.parse turns it into an unpaired UTF-16 code unit. */
const LONE = '\\ud800';

describe('strings that are not well-formed Unicode', () => {
  let server: InProcessServer;
  const raw = (method: string, path: string, json: string, csrf = false) =>
    call<{ message: string } & Envelope>(server.url, method, path, {
      rawBody: json,
      csrf,
      headers: { 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    server = await startTestServer();
    expect((await raw('PUT', `${V}/meshes`, '{"meshName":"uni"}')).status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
  });

  it('when the App Mesh API gets a gateway name with a lone surrogate, then it is a 400 naming the field and nothing is stored', async () => {
    const res = await raw(
      'PUT',
      `${V}/meshes/uni/virtualGateways`,
      `{"virtualGatewayName":"gw${LONE}","spec":${JSON.stringify(exampleSpec())}}`,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(res.body.message).toBe(
      'Virtual gateway name must be well-formed Unicode text (it holds an unpaired surrogate).',
    );
    const list = await call<{ virtualGateways: unknown[] }>(server.url, 'GET', `${V}/meshes/uni/virtualGateways`, {
      csrf: false,
    });
    expect(list.body.virtualGateways).toEqual([]);
  });

  it('when a tag or a mesh name holds one, then it is refused and the mesh can still be deleted', async () => {
    const arn = encodeURIComponent('arn:aws:appmesh:us-west-2:123456789012:mesh/uni');
    const tag = await raw('PUT', `${V}/tag?resourceArn=${arn}`, `{"tags":[{"key":"k","value":"${LONE}"}]}`);
    expect(tag.status).toBe(400);
    expect(tag.body.message).toBe('Tag value must be well-formed Unicode text (it holds an unpaired surrogate).');
    const mesh = await raw('PUT', `${V}/meshes`, `{"meshName":"m${LONE}x"}`);
    expect(mesh.status).toBe(400);
    expect(mesh.body.message).toMatch(/^Mesh name must be well-formed Unicode text/);

    const tags = await call<{ tags: unknown[] }>(server.url, 'GET', `${V}/tags?resourceArn=${arn}`, { csrf: false });
    expect(tags.body.tags).toEqual([]);
    const meshes = await call<{ meshes: { meshName: string }[] }>(server.url, 'GET', `${V}/meshes`, { csrf: false });
    expect(meshes.body.meshes.map((m) => m.meshName)).toEqual(['uni']);
  });

  it('when maxConnections does not fit the 32-bit integer of the model, then it is a 400 naming the field', async () => {
    const pool = (maxConnections: number) =>
      JSON.stringify({
        virtualGatewayName: `pool-${maxConnections}`,
        spec: { listeners: [{ ...exampleSpec().listeners[0], connectionPool: { http: { maxConnections } } }] },
      });
    const wide = await raw('PUT', `${V}/meshes/uni/virtualGateways`, pool(2147483648));
    expect(wide.status).toBe(400);
    expect(wide.body.message).toBe('Maximum connections must be at most 2147483647.');
    const widest = await raw('PUT', `${V}/meshes/uni/virtualGateways`, pool(2147483647));
    expect(widest.status).toBe(200);
    expect((await call(server.url, 'DELETE', `${V}/meshes/uni/virtualGateways/pool-2147483647`)).status).toBe(200);
  });

  it('when the console API gets a spec string with a lone surrogate, then fieldErrors name its path', async () => {
    const spec = { ...exampleSpec(), logging: { accessLog: { file: { path: '/dev/stdout' } } } };
    const json = JSON.stringify({ virtualGatewayName: 'gw', spec }).replace('/dev/stdout', `/dev/${LONE}`);
    const res = await raw('POST', '/api/meshes/uni/virtual-gateways', json, true);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadRequestException');
    expect(res.body.error.fieldErrors).toEqual({
      'spec.logging.accessLog.file.path': [
        'HTTP access logs path must be well-formed Unicode text (it holds an unpaired surrogate).',
      ],
    });
    const deleted = await call(server.url, 'DELETE', `${V}/meshes/uni`, { csrf: false });
    expect(deleted.status).toBe(200);
  });
});
