import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../fixtures/test';

/** Files of a ustar archive, by path (text content). Enough for the bundle the console downloads. */
function readTar(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const field = (block: Buffer, start: number, length: number) =>
    block
      .subarray(start, start + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  let offset = 0;
  while (offset + 512 <= bytes.length) {
    const header = bytes.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim(), 8);
    const start = offset + 512;
    files.set(prefix ? `${prefix}/${name}` : name, bytes.subarray(start, start + size).toString('utf8'));
    offset = start + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The Deploy tab's parts, by role and label. */
function deployTab(page: Page, panel: Locator) {
  return {
    replicas: panel.getByLabel('Replicas', { exact: true }),
    namespace: panel.getByLabel('Namespace', { exact: true }),
    clusterName: panel.getByLabel(/^Cluster name override/),
    target: (name: 'Kubernetes' | 'Amazon ECS' | 'Amazon EC2' | 'IAM') =>
      panel.getByRole('button', { name, exact: true }),
    artifact: (id: string) => panel.getByTestId(`deploy-artifact-${id}`),
    downloadBundle: page
      .getByRole('link', { name: 'Download bundle' })
      .or(page.getByRole('button', { name: 'Download bundle' })),
  };
}

test.describe('Deploy tab', () => {
  test('when the user sets Replicas to 3, then the Deployment shows 3 and the downloaded bundle carries it', async ({
    page,
    demo,
    gatewayDetails,
  }) => {
    await gatewayDetails.goto(demo.mesh, demo.gatewayWithRoutes);
    await gatewayDetails.openTab('Deploy');
    const tab = deployTab(page, gatewayDetails.activeTabContent);

    const deployment = tab.artifact('kubernetes-deployment');
    await expect(deployment).toContainText('replicas: 2');
    await expect(deployment).toContainText(`value: mesh/${demo.mesh}/virtualGateway/${demo.gatewayWithRoutes}`);
    await expect(tab.artifact('kubernetes-virtual-gateway')).toContainText('apiVersion: appmesh.k8s.aws/v1beta2');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A refused value is explained on its field; a good one regenerates the Deployment.
    await tab.replicas.fill('1');
    await expect(
      gatewayDetails.activeTabContent.getByText('Replicas must be a whole number between 2 and 50.'),
    ).toBeVisible();
    await tab.replicas.fill('3');
    await tab.clusterName.fill('edge-ingress');
    await expect(deployment).toContainText('replicas: 3');
    await expect(deployment).toContainText('value: edge-ingress');
    await expect(
      gatewayDetails.activeTabContent.getByText('Replicas must be a whole number between 2 and 50.'),
    ).toHaveCount(0);

    // Other targets: the ECS task has Envoy only, no proxy configuration.
    await tab.target('Amazon ECS').click();
    const task = tab.artifact('ecs-task-definition');
    await expect(task).toContainText('"APPMESH_RESOURCE_ARN"');
    await expect(task).not.toContainText('proxyConfiguration');
    await expect(tab.artifact('ecs-service-definition')).toContainText('"desiredCount": 3');

    // Copy puts the artifact's exact text on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await gatewayDetails.activeTabContent.getByRole('button', { name: 'Copy service-definition.json' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied)).toMatchObject({ desiredCount: 3, loadBalancers: [{ containerName: 'envoy' }] });

    // One artifact downloads as its own file.
    await tab.target('IAM').click();
    const policyDownload = page.waitForEvent('download');
    await gatewayDetails.activeTabContent
      .getByRole('button', { name: 'Download proxy-authorization-policy.json' })
      .click();
    const policyFile = await policyDownload;
    expect(policyFile.suggestedFilename()).toBe('proxy-authorization-policy.json');
    const policy = JSON.parse(await readFile(await policyFile.path(), 'utf8')) as {
      Statement: Array<{ Action: string; Resource: string }>;
    };
    expect(policy.Statement[0]).toMatchObject({ Action: 'appmesh:StreamAggregatedResources' });
    expect(policy.Statement[0]?.Resource).toMatch(
      new RegExp(`:mesh/${demo.mesh}/virtualGateway/${demo.gatewayWithRoutes}$`),
    );

    // The whole bundle downloads as one tar file with the chosen options.
    const bundleDownload = page.waitForEvent('download');
    await tab.downloadBundle.click();
    const bundle = await bundleDownload;
    expect(bundle.suggestedFilename()).toBe(`${demo.gatewayWithRoutes}-deploy.tar`);
    const files = readTar(await readFile(await bundle.path()));
    const base = `${demo.gatewayWithRoutes}-deploy`;
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        `${base}/README.md`,
        `${base}/kubernetes/virtual-gateway.yaml`,
        `${base}/kubernetes/deployment.yaml`,
        `${base}/kubernetes/service.yaml`,
        `${base}/kubernetes/service-account.yaml`,
        `${base}/ecs/task-definition.json`,
        `${base}/ecs/service-definition.json`,
        `${base}/ec2/docker-run.sh`,
        `${base}/iam/proxy-authorization-policy.json`,
      ]),
    );
    const deploymentYaml = files.get(`${base}/kubernetes/deployment.yaml`) ?? '';
    expect(deploymentYaml).toMatch(/^ {2}replicas: 3$/m);
    expect(deploymentYaml).toContain(`value: mesh/${demo.mesh}/virtualGateway/${demo.gatewayWithRoutes}`);
    expect(deploymentYaml).toContain('value: edge-ingress');
    expect(files.get(`${base}/ec2/docker-run.sh`)).toContain('--env APPMESH_RESOURCE_CLUSTER=edge-ingress');
  });

  test('when the gateway is in a mesh shared with the caller, then the bundle uses its full ARN and says whose credentials to use', async ({
    page,
    demo,
    gatewayDetails,
  }) => {
    await gatewayDetails.goto(demo.sharedMesh, demo.sharedGateway, demo.sharedMeshOwner);
    await gatewayDetails.openTab('Deploy');
    const tab = deployTab(page, gatewayDetails.activeTabContent);
    await expect(tab.artifact('kubernetes-deployment')).toContainText(
      new RegExp(
        `value: arn:aws:appmesh:[a-z0-9-]+:\\d{12}:mesh/${demo.sharedMesh}/virtualGateway/${demo.sharedGateway}`,
      ),
    );
    await expect(
      gatewayDetails.activeTabContent.getByText(/Run this Envoy with credentials of account \d{12}/i),
    ).toBeVisible();
  });
});
