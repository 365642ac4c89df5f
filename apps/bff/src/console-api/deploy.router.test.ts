import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessServer, startTestServer } from '../tests/support/server.js';

let server: InProcessServer;
const dir = mkdtempSync(join(tmpdir(), 'deploy-router-'));

beforeAll(async () => {
  server = await startTestServer({ SEED: 'demo', ACCOUNT_ID: '123456789012', AWS_REGION: 'us-west-2' });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Bundle {
  artifacts: Array<{ id: string; target: string; filename: string; content: string }>;
  warnings: string[];
  options: Record<string, unknown>;
}

async function getJson(path: string) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The ECS task's Envoy environment (JSON, so no YAML parser is needed here; the generator's tests parse the YAML). */
function envOf(bundle: Bundle): Record<string, string> {
  const task = JSON.parse(bundle.artifacts.find((a) => a.id === 'ecs-task-definition')!.content) as {
    containerDefinitions: Array<{ environment: Array<{ name: string; value: string }> }>;
  };
  return Object.fromEntries(task.containerDefinitions[0]!.environment.map((e) => [e.name, e.value]));
}

const contentOf = (bundle: Bundle, id: string) => bundle.artifacts.find((a) => a.id === id)!.content;

describe('GET /api/meshes/:mesh/virtual-gateways/:name/deploy', () => {
  it('when a gateway in an owned mesh is asked for, then the bundle carries its short resource ARN and the options', async () => {
    const { status, body } = await getJson(
      '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy?replicas=3&namespace=edge&clusterName=edge-gw',
    );
    expect(status).toBe(200);
    const bundle = body as unknown as Bundle;
    expect(new Set(bundle.artifacts.map((a) => a.target))).toEqual(new Set(['kubernetes', 'ecs', 'ec2', 'iam']));
    expect(envOf(bundle)).toEqual({
      APPMESH_RESOURCE_ARN: 'mesh/demo-mesh/virtualGateway/ingress-gw',
      APPMESH_RESOURCE_CLUSTER: 'edge-gw',
      ENVOY_ADMIN_ACCESS_PORT: '9901',
      AWS_REGION: 'us-west-2',
    });
    expect(bundle.options).toMatchObject({ namespace: 'edge', replicas: 3, clusterName: 'edge-gw' });
    const deployment = contentOf(bundle, 'kubernetes-deployment');
    expect(deployment).toMatch(/^ {2}replicas: 3$/m);
    expect(deployment).toMatch(/^ {2}namespace: edge$/m);
    const vg = contentOf(bundle, 'kubernetes-virtual-gateway');
    expect(vg).toContain('kind: VirtualGateway');
    expect(vg).toMatch(/portMapping:\n\s+port: 8080\n\s+protocol: http\n/);
    expect(vg).toMatch(/maxConnections: 1024\n\s+maxPendingRequests: 2048\n/);
    expect(vg).toMatch(/accessLog:\n\s+file:\n\s+path: \/dev\/stdout\n/);
  });

  it("when a gateway in a mesh shared with you is asked for, then the ARN is the full one and the owner's account is named", async () => {
    const { status, body } = await getJson(
      '/api/meshes/partner-mesh/virtual-gateways/partner-gw/deploy?meshOwner=111122223333',
    );
    expect(status).toBe(200);
    const bundle = body as unknown as Bundle;
    expect(envOf(bundle).APPMESH_RESOURCE_ARN).toBe(
      'arn:aws:appmesh:us-west-2:111122223333:mesh/partner-mesh/virtualGateway/partner-gw',
    );
    expect(bundle.warnings.join('\n')).toContain('credentials of account 111122223333');
  });

  it('when options are invalid, then the answer is a 400 envelope whose fieldErrors name each option', async () => {
    const { status, body } = await getJson(
      '/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy?replicas=1&namespace=Not_Valid',
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: 'BadRequestException',
        message: expect.any(String),
        requestId: expect.any(String),
        fieldErrors: {
          replicas: ['Replicas must be a whole number between 2 and 50.'],
          namespace: [expect.stringMatching(/^Namespace must be a Kubernetes name/)],
        },
      },
    });
  });

  it('when the gateway does not exist, then the answer is the 404 envelope', async () => {
    const { status, body } = await getJson('/api/meshes/demo-mesh/virtual-gateways/nope/deploy');
    expect(status).toBe(404);
    expect((body.error as { code: string }).code).toBe('NotFoundException');
  });
});

describe('GET /api/meshes/:mesh/virtual-gateways/:name/deploy/bundle', () => {
  it('when the bundle is downloaded, then it is one tar attachment holding every artifact with the chosen options', async () => {
    const res = await fetch(`${server.url}/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy/bundle?replicas=4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ingress-gw-deploy.tar"; filename*=UTF-8''ingress-gw-deploy.tar`,
    );
    const file = join(dir, 'bundle.tar');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const list = spawnSync('tar', ['-tf', file], { encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('ingress-gw-deploy/README.md');
    expect(list.stdout).toContain('ingress-gw-deploy/kubernetes/virtual-gateway.yaml');
    expect(list.stdout).toContain('ingress-gw-deploy/ecs/task-definition.json');
    expect(list.stdout).toContain('ingress-gw-deploy/ec2/docker-run.sh');
    expect(list.stdout).toContain('ingress-gw-deploy/iam/proxy-authorization-policy.json');
    const deployment = spawnSync('tar', ['-xOf', file, 'ingress-gw-deploy/kubernetes/deployment.yaml'], {
      encoding: 'utf8',
    });
    expect(deployment.stdout).toMatch(/^ {2}replicas: 4$/m);
  });

  it('when the bundle options are invalid, then nothing is downloaded and the 400 envelope names the option', async () => {
    const res = await fetch(
      `${server.url}/api/meshes/demo-mesh/virtual-gateways/ingress-gw/deploy/bundle?envoyImage=${encodeURIComponent('bad image')}`,
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-disposition')).toBeNull();
    const body = (await res.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors.envoyImage?.[0]).toMatch(/^Envoy image must be an image reference/);
  });
});
