// Issue 14, defect 8: the SigV4 canonical path drops empty, "." and ".." segments, and the App Mesh API used to
// route the raw path: a signature for DescribeMesh /meshes/a was accepted on /meshes/a/virtualGateways/.., which
// ran DescribeVirtualGateway. Now the API routes exactly the normalised path the signature covers.
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { AppMeshClient, CreateMeshCommand, CreateVirtualGatewayCommand } from '@aws-sdk/client-app-mesh';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessServer, startTestServer } from '../support/server.js';

const SECRET = 'path-secret';
let server: InProcessServer;

/** Headers the AWS SDK's signer makes for `GET <path>` (it normalises the path for the signature, as botocore does). */
async function signedHeaders(path: string): Promise<Record<string, string>> {
  const url = new URL(`${server.url}${path}`);
  const signer = new SignatureV4({
    service: 'appmesh',
    region: 'us-west-2',
    sha256: Sha256,
    credentials: { accessKeyId: 'AKIDPATH', secretAccessKey: SECRET },
  });
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host },
  });
  return signed.headers as Record<string, string>;
}

/** A GET with the path sent byte for byte (fetch would resolve the dot segments before sending). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['x-amzn-errortype'] ?? ''), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startTestServer({ ACCESS_KEYS: `AKIDPATH:123456789012:${SECRET}` });
  const client = new AppMeshClient({
    endpoint: server.url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'AKIDPATH', secretAccessKey: SECRET },
  });
  await client.send(new CreateMeshCommand({ meshName: 'a' }));
  await client.send(
    new CreateVirtualGatewayCommand({
      meshName: 'a',
      virtualGatewayName: 'gw',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    }),
  );
  client.destroy();
});
afterAll(async () => {
  await server.close();
});

describe('the path that is signed is the path that is routed', () => {
  it('when a DescribeMesh signature is sent on /meshes/a/virtualGateways/.., then DescribeMesh runs, not DescribeVirtualGateway', async () => {
    const headers = await signedHeaders('/v20190125/meshes/a');
    for (const path of ['/v20190125/meshes/a/virtualGateways/..', '/v20190125/meshes/a/virtualGateways/gw/../..']) {
      const res = await rawGet(path, headers);
      expect(res.status, res.body).toBe(200);
      const body = JSON.parse(res.body) as { meshName?: string; virtualGatewayName?: string };
      expect(body.meshName).toBe('a');
      expect(body).not.toHaveProperty('virtualGatewayName');
    }
  });

  it('when the path has "." or empty segments, then it is routed as the signer normalised it', async () => {
    const headers = await signedHeaders('/v20190125/meshes/a/virtualGateways/gw');
    const res = await rawGet('/v20190125/./meshes//a/virtualGateways/./gw', headers);
    expect(res.status, res.body).toBe(200);
    expect((JSON.parse(res.body) as { virtualGatewayName: string }).virtualGatewayName).toBe('gw');
  });

  it('when ".." would leave /v20190125, then it is a 404 in the App Mesh form and nothing else is reached', async () => {
    const headers = await signedHeaders('/api/session');
    const res = await rawGet('/v20190125/../api/session', headers);
    expect(res.status).toBe(404);
    expect(res.type).toBe('NotFoundException');
  });
});
