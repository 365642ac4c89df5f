import { readFile } from 'node:fs/promises';
import type { ExportAnswer } from '@meshconsole/model';
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from '../fixtures/test';

/** Chooses **Export** on the page and returns the modal's parts, by role and label. */
async function openExport(page: Page, title: string) {
  await page.getByTestId('export').click();
  const dialog = page.getByRole('dialog', { name: title });
  return {
    dialog,
    tab: (name: 'Terraform' | 'CloudFormation' | 'App Mesh controller' | 'Gateway API') =>
      dialog.getByRole('tab', { name, exact: true }),
    file: dialog.getByTestId('export-file'),
    untranslated: dialog.getByTestId('export-untranslated'),
  };
}

/** What the console API answers for the same export (the modal must show exactly this). */
async function exportAnswer(baseURL: string, mesh: string, format: string, virtualGateway?: string) {
  const query = new URLSearchParams({ format, ...(virtualGateway ? { virtualGateway } : {}) });
  const res = await fetch(`${baseURL}/api/meshes/${encodeURIComponent(mesh)}/export?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ExportAnswer;
}

test.describe('Export', () => {
  test('when the user exports the mesh from the virtual gateways page, then Terraform shows every gateway, and Close closes the modal', async ({
    page,
    demo,
    gatewaysList,
  }) => {
    await gatewaysList.goto(demo.mesh);
    const modal = await openExport(page, `Export mesh ${demo.mesh}`);
    await expect(modal.tab('Terraform')).toHaveAttribute('aria-selected', 'true');
    await expect(modal.file).toContainText('main.tf');
    await expect(modal.file).toContainText('resource "aws_appmesh_virtual_gateway"');
    await expect(modal.file).toContainText(`"${demo.gatewayWithRoutes}"`);
    await expect(modal.file).toContainText(`"${demo.gatewayWithoutRoutes}"`);
    await modal.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(modal.dialog).toBeHidden();
  });

  test('when the user opens the Gateway API tab, then the untranslated list shows every field the API lists, and axe finds nothing serious', async ({
    page,
    api,
    demo,
    gatewaysList,
  }) => {
    await gatewaysList.goto(demo.mesh);
    const modal = await openExport(page, `Export mesh ${demo.mesh}`);
    await modal.tab('Gateway API').click();
    await expect(modal.file).toContainText('gateway-api.yaml');
    await expect(modal.file).toContainText('apiVersion: gateway.networking.k8s.io/v1');
    await expect(modal.file).toContainText('kind: HTTPRoute');

    // Beside it, one row per untranslated field, as the API answers.
    const expected = await exportAnswer(api.baseURL, demo.mesh, 'gateway-api');
    expect(expected.untranslated.length).toBeGreaterThan(0);
    const rows = modal.untranslated.locator('tbody tr');
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
  }) => {
    await gatewayDetails.goto(demo.mesh, demo.gatewayWithRoutes);
    const modal = await openExport(page, `Export virtual gateway ${demo.gatewayWithRoutes}`);
    await expect(modal.file).toContainText(`"${demo.gatewayWithRoutes}"`);
    await expect(modal.file).not.toContainText(`"${demo.gatewayWithoutRoutes}"`);

    await modal.tab('CloudFormation').click();
    await expect(modal.file).toContainText('template.yaml');
    await expect(modal.file).toContainText('Type: AWS::AppMesh::VirtualGateway');

    // Copy puts the file's exact text on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await modal.dialog.getByRole('button', { name: 'Copy template.yaml' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('AWSTemplateFormatVersion');
    expect(copied).toContain(`VirtualGatewayName: ${demo.gatewayWithRoutes}`);
    expect(copied).not.toContain(demo.gatewayWithoutRoutes);

    // Download saves the same text under the file's path.
    const download = page.waitForEvent('download');
    await modal.dialog.getByRole('button', { name: 'Download template.yaml' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('template.yaml');
    expect(await readFile(await file.path(), 'utf8')).toBe(copied);
  });

  test('when the user opens the App Mesh controller tab, then the CRDs name the gateway', async ({
    page,
    demo,
    gatewaysList,
  }) => {
    await gatewaysList.goto(demo.mesh);
    const modal = await openExport(page, `Export mesh ${demo.mesh}`);
    await modal.tab('App Mesh controller').click();
    await expect(modal.file).toContainText('appmesh-controller.yaml');
    await expect(modal.file).toContainText('kind: VirtualGateway');
    await expect(modal.file).toContainText(`awsName: ${demo.gatewayWithRoutes}`);
  });

  test("when the user exports one gateway as Gateway API, then the untranslated list names only that gateway's resources", async ({
    page,
    demo,
    gatewayDetails,
  }) => {
    await gatewayDetails.goto(demo.mesh, demo.gatewayWithRoutes);
    const modal = await openExport(page, `Export virtual gateway ${demo.gatewayWithRoutes}`);
    await modal.tab('Gateway API').click();
    await expect(modal.file).toContainText('kind: Gateway');
    const resources = await modal.untranslated.locator('tbody tr td:first-child').allTextContents();
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
