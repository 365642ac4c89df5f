import { readFile } from 'node:fs/promises';
import type { ExportAnswer } from '@meshconsole/model';
import { expect, seriousA11yViolations, test } from '../fixtures/test';

/** What the console API answers for the same export (the modal must show exactly this). */
async function exportAnswer(baseURL: string, mesh: string, format: string, virtualGateway?: string) {
  const query = new URLSearchParams({ format, ...(virtualGateway ? { virtualGateway } : {}) });
  const res = await fetch(`${baseURL}/api/meshes/${encodeURIComponent(mesh)}/export?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ExportAnswer;
}

test.describe('Export', () => {
  test('when the user exports the mesh from the virtual gateways page, then Terraform shows every gateway, and Close closes the modal', async ({
    demo,
    gatewaysList,
    exportModal: modal,
  }) => {
    await gatewaysList.goto(demo.mesh);
    await modal.open();
    await expect(modal.title).toHaveText(`Export mesh ${demo.mesh}`);
    await expect(modal.tab('Terraform')).toHaveAttribute('aria-selected', 'true');
    const mainTf = await modal.fileText('main.tf');
    expect(mainTf).toContain('resource "aws_appmesh_virtual_gateway"');
    expect(mainTf).toContain(`"${demo.gatewayWithRoutes}"`);
    expect(mainTf).toContain(`"${demo.gatewayWithoutRoutes}"`);
    await modal.close();
  });

  test('when the user opens the Gateway API tab, then the untranslated list shows every field the API lists, and axe finds nothing serious', async ({
    page,
    api,
    demo,
    gatewaysList,
    exportModal: modal,
  }) => {
    await gatewaysList.goto(demo.mesh);
    await modal.open();
    await modal.openTab('Gateway API');
    const yaml = await modal.fileText('gateway-api.yaml');
    expect(yaml).toContain('apiVersion: gateway.networking.k8s.io/v1');
    expect(yaml).toContain('kind: HTTPRoute');

    // Beside it, one row per untranslated field, as the API answers.
    const expected = await exportAnswer(api.baseURL, demo.mesh, 'gateway-api');
    expect(expected.untranslated.length).toBeGreaterThan(0);
    const rows = modal.untranslatedRows;
    await expect(rows).toHaveCount(expected.untranslated.length);
    const first = expected.untranslated[0]!;
    await expect(rows.first()).toContainText(first.resource);
    await expect(rows.first()).toContainText(first.field);
    await expect(rows.first()).toContainText(first.reason);
    await expect(modal.untranslated).toContainText(`Not translated (${expected.untranslated.length})`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test('when the user exports one gateway from its details page, then only that gateway is in the files, Copy copies the file and Download saves it', async ({
    page,
    demo,
    gatewayDetails,
    exportModal: modal,
  }) => {
    await gatewayDetails.goto(demo.mesh, demo.gatewayWithRoutes);
    await modal.open();
    await expect(modal.title).toHaveText(`Export virtual gateway ${demo.gatewayWithRoutes}`);
    const mainTf = await modal.fileText('main.tf');
    expect(mainTf).toContain(`"${demo.gatewayWithRoutes}"`);
    expect(mainTf).not.toContain(`"${demo.gatewayWithoutRoutes}"`);

    await modal.openTab('CloudFormation');
    const template = await modal.fileText('template.yaml');
    expect(template).toContain('Type: AWS::AppMesh::VirtualGateway');

    // Copy puts the file's exact text on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await modal.copy('template.yaml');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('AWSTemplateFormatVersion');
    expect(copied).toContain(`VirtualGatewayName: ${demo.gatewayWithRoutes}`);
    expect(copied).not.toContain(demo.gatewayWithoutRoutes);
    expect(copied.trimEnd()).toBe(template.trimEnd());

    // Download saves the same text under the file's path.
    const file = await modal.download('template.yaml');
    expect(file.suggestedFilename()).toBe('template.yaml');
    expect(await readFile(await file.path(), 'utf8')).toBe(copied);
  });

  test('when the user opens the App Mesh controller tab, then the CRDs name the gateway', async ({
    demo,
    gatewaysList,
    exportModal: modal,
  }) => {
    await gatewaysList.goto(demo.mesh);
    await modal.open();
    await modal.openTab('App Mesh controller');
    const crds = await modal.fileText('appmesh-controller.yaml');
    expect(crds).toContain('kind: VirtualGateway');
    expect(crds).toContain(`awsName: ${demo.gatewayWithRoutes}`);
  });

  test("when the user exports one gateway as Gateway API, then the untranslated list names only that gateway's resources", async ({
    demo,
    gatewayDetails,
    exportModal: modal,
  }) => {
    await gatewayDetails.goto(demo.mesh, demo.gatewayWithRoutes);
    await modal.open();
    await modal.openTab('Gateway API');
    expect(await modal.fileText('gateway-api.yaml')).toContain('kind: Gateway');
    const resources = await modal.untranslatedResources();
    expect(resources.length).toBeGreaterThan(0);
    const allowed = [
      `mesh/${demo.mesh}`,
      `virtualGateway/${demo.gatewayWithRoutes}`,
      `gatewayRoute/${demo.gatewayWithRoutes}/`,
      'virtualService/',
    ];
    for (const resource of resources) {
      expect(
        allowed.some((prefix) => resource.startsWith(prefix)),
        resource,
      ).toBe(true);
    }
  });
});
