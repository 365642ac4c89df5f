import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleApi, type InProcessServer, startTestServer } from './support/server.js';

describe('GET /api/meshes/:mesh/export', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    server = await startTestServer({ SEED: 'demo' });
  });
  afterAll(async () => server?.close());

  it('when each format is asked for, then the answer is { format, files, untranslated } for the whole mesh', async () => {
    for (const format of ['terraform', 'cloudformation', 'controller', 'gateway-api']) {
      const res = await consoleApi(server.url, 'GET', `/api/meshes/demo-mesh/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.body.format).toBe(format);
      expect(res.body.files).toHaveLength(1);
      expect(res.body.files[0].content).toContain('ingress-gw');
      expect(res.body.files[0].content).toContain('edge-gw');
      expect(Array.isArray(res.body.untranslated)).toBe(true);
    }
  });

  it('when one virtual gateway is named, then only it, its routes and their services are exported', async () => {
    const res = await consoleApi(
      server.url,
      'GET',
      '/api/meshes/demo-mesh/export?format=terraform&virtualGateway=edge-gw',
    );
    expect(res.status).toBe(200);
    const tf: string = res.body.files[0].content;
    expect(tf).toContain('resource "aws_appmesh_virtual_gateway" "edge_gw"');
    expect(tf).not.toContain('ingress-gw');
    expect(tf).not.toContain('aws_appmesh_virtual_service');
  });

  it('when the mesh is shared, then ?meshOwner= selects it and the export names its owner', async () => {
    const res = await consoleApi(
      server.url,
      'GET',
      '/api/meshes/partner-mesh/export?format=controller&meshOwner=111122223333',
    );
    expect(res.status).toBe(200);
    expect(res.body.files[0].content).toContain('meshOwner: "111122223333"');
    expect(res.body.files[0].content).toContain('awsName: partner-gw');
  });

  it('when the format is missing or unknown, then 400 names the format field and what is allowed', async () => {
    for (const query of ['', '?format=helm']) {
      const res = await consoleApi(server.url, 'GET', `/api/meshes/demo-mesh/export${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BadRequestException');
      expect(res.body.error.fieldErrors.format[0]).toMatch(
        /Format .*terraform, cloudformation, controller, gateway-api\./,
      );
    }
  });

  it('when the virtual gateway or mesh does not exist, then 404 in the envelope', async () => {
    const gw = await consoleApi(server.url, 'GET', '/api/meshes/demo-mesh/export?format=terraform&virtualGateway=nope');
    expect(gw.status).toBe(404);
    expect(gw.body.error.fieldErrors.virtualGateway).toBeDefined();
    const mesh = await consoleApi(server.url, 'GET', '/api/meshes/nope/export?format=terraform');
    expect(mesh.status).toBe(404);
    expect(mesh.body.error.code).toBe('NotFoundException');
  });
});
