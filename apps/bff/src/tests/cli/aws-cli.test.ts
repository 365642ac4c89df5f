import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AwsCli, awsCli, awsCliVersion } from '../support/aws-cli.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Real servers, real clients (and child processes): generous limits for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

// The example input of the product's source document (shared/reference/virtual-gateways.md,
// "Contents of example create-virtual-gateway.json"), verbatim.
const EXAMPLE_JSON = `{
    "spec": {
      "listeners": [
        {
          "portMapping": {
            "port": 9080,
            "protocol": "http"
          }
        }
      ]
    }
}
`;

const ACCOUNT = '123456789012';
const AKID = 'AKIDCLITEST';
const SECRET = 'cli-test-secret';

const probe = await awsCliVersion();

if (!probe.ok) {
  console.log(`AWS CLI suite not run: ${probe.reason}`);
  describe('AWS CLI', () => {
    it('when aws is not installed, then the suite reports why it did not run', () => {
      expect(probe.reason).toBe('aws not on PATH');
    });
  });
} else {
  describe(`AWS CLI (${probe.version})`, () => {
    let server: TestServer;
    let cli: AwsCli;
    let inputFile: string;

    beforeAll(async () => {
      // The CLI's key is configured with its secret, so every botocore signature is verified.
      server = await startTestServer({ ACCESS_KEYS: `${AKID}:${ACCOUNT}:${SECRET}`, ACCOUNT_ID: ACCOUNT });
      cli = awsCli(server.url, AKID, SECRET);
      inputFile = join(cli.home, 'create-virtual-gateway.json');
      writeFileSync(inputFile, EXAMPLE_JSON);
    });
    afterAll(async () => {
      await server?.close();
      cli?.close();
    });

    function aws(args: string[], secret = SECRET) {
      return cli.run(args, secret);
    }

    it('when create-virtual-gateway runs with the example --cli-input-json, then it prints the arn, version 1 and ACTIVE', async () => {
      await aws(['create-mesh', '--mesh-name', 'meshName']);
      const { stdout } = await aws([
        'create-virtual-gateway',
        '--mesh-name',
        'meshName',
        '--virtual-gateway-name',
        'virtualGatewayName',
        '--cli-input-json',
        `file://${inputFile}`,
      ]);
      const out = JSON.parse(stdout) as { virtualGateway: Record<string, unknown> };
      expect(out).toEqual({
        virtualGateway: {
          meshName: 'meshName',
          metadata: {
            arn: `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/meshName/virtualGateway/virtualGatewayName`,
            createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/),
            lastUpdatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
            meshOwner: ACCOUNT,
            resourceOwner: ACCOUNT,
            uid: expect.stringMatching(/^[0-9a-fA-F-]{36}$/),
            version: 1,
          },
          spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
          status: { status: 'ACTIVE' },
          virtualGatewayName: 'virtualGatewayName',
        },
      });
    });

    it('when delete-virtual-gateway runs, then it prints status DELETED with version 2', async () => {
      const { stdout } = await aws([
        'delete-virtual-gateway',
        '--mesh-name',
        'meshName',
        '--virtual-gateway-name',
        'virtualGatewayName',
      ]);
      const out = JSON.parse(stdout) as { virtualGateway: { metadata: { version: number }; status: unknown } };
      expect(out.virtualGateway.status).toEqual({ status: 'DELETED' });
      expect(out.virtualGateway.metadata.version).toBe(2);
      const described = await aws([
        'describe-virtual-gateway',
        '--mesh-name',
        'meshName',
        '--virtual-gateway-name',
        'virtualGatewayName',
      ]).then(
        () => 'found',
        (err: { stderr?: string }) => err.stderr ?? '',
      );
      expect(described).toContain('(NotFoundException)');
    });

    it('when the CLI signs with the wrong secret, then it reports InvalidSignatureException and changes nothing', async () => {
      const err = await aws(['create-mesh', '--mesh-name', 'wrong-secret'], 'not-the-secret').then(
        () => undefined,
        (e: { code?: number; stderr?: string }) => e,
      );
      expect(err?.code).not.toBe(0);
      expect(err?.stderr).toContain(
        'An error occurred (InvalidSignatureException) when calling the CreateMesh operation',
      );
      const { stdout } = await aws(['list-meshes']);
      const names = (JSON.parse(stdout) as { meshes: { meshName: string }[] }).meshes.map((m) => m.meshName);
      expect(names).toEqual(['meshName']);
    });

    it('when the CLI lists with --page-size 1, then it follows nextToken through every page', async () => {
      for (const name of ['paged-1', 'paged-2', 'paged-3']) {
        await aws([
          'create-virtual-gateway',
          '--mesh-name',
          'meshName',
          '--virtual-gateway-name',
          name,
          '--cli-input-json',
          `file://${inputFile}`,
        ]);
      }
      const { stdout } = await aws(['list-virtual-gateways', '--mesh-name', 'meshName', '--page-size', '1']);
      const out = JSON.parse(stdout) as { virtualGateways: { virtualGatewayName: string; version: number }[] };
      expect(out.virtualGateways.map((g) => g.virtualGatewayName).sort()).toEqual(['paged-1', 'paged-2', 'paged-3']);
      const first = await aws(['list-virtual-gateways', '--mesh-name', 'meshName', '--max-items', '1']);
      const page = JSON.parse(first.stdout) as { virtualGateways: unknown[]; NextToken?: string };
      expect(page.virtualGateways).toHaveLength(1);
      expect(page.NextToken).toEqual(expect.any(String));
    });

    it('when tags are added and listed through the CLI, then the ARN query parameter survives signing', async () => {
      const arn = `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/meshName`;
      await aws(['tag-resource', '--resource-arn', arn, '--tags', 'key=team,value=a b/c']);
      const { stdout } = await aws(['list-tags-for-resource', '--resource-arn', arn]);
      expect(JSON.parse(stdout)).toEqual({ tags: [{ key: 'team', value: 'a b/c' }] });
    });
  });
}
