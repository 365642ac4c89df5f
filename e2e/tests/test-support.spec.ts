// Reset from the console, under the rules of the test-support endpoints (docs/security.md): allowed on a
// loopback server, not allowed (and saying why) when ADMIN_API=off, and signed in the page with an ADMIN_KEYS
// key when the server has ACCESS_KEYS with secrets. Real server processes, real Chromium.
import { ConsoleApi, ConsoleShellPage, MeshesListPage, ResetStoreModal } from '@meshconsole/playwright';
import { expect, test } from '../fixtures/test';

test.describe('Reset demo data', () => {
  test('when the server listens on loopback without secrets, then Reset empties the store and the meshes page shows it', async ({
    browser,
    ownServer,
  }) => {
    const server = await ownServer('demo');
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const meshes = new MeshesListPage(page);
    await meshes.goto();
    await expect(meshes.row('demo-mesh')).toHaveCount(1);
    const reset = new ResetStoreModal(page);
    await reset.openButton.click();
    await reset.option('An empty store').check();
    await reset.button('Reset').click();
    await meshes.expectFlash('The store was emptied.');
    await expect(reset.dialog).toBeHidden();
    await expect(meshes.rows).toHaveCount(0);
    expect(await new ConsoleApi(server.baseURL).listMeshes()).toEqual([]);
    await context.close();
  });

  test('when the server does not allow reset, then the modal says why and how to allow it, and nothing is erased', async ({
    browser,
    ownServer,
  }) => {
    const server = await ownServer('demo', { ADMIN_API: 'off' });
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await new MeshesListPage(page).goto();
    const reset = new ResetStoreModal(page);
    await reset.openButton.click();
    await expect(reset.dialog.getByText('Reset is not allowed on this server')).toBeVisible();
    await expect(
      reset.dialog.getByText('The test-support endpoints are off on this server (ADMIN_API=off).'),
    ).toBeVisible();
    await expect(reset.button('Reset')).toHaveCount(0);
    await reset.button('Close').click();
    expect((await new ConsoleApi(server.baseURL).listMeshes()).map((m) => m.meshName)).toContain('demo-mesh');
    await context.close();
  });

  test('when the server has secrets, then the page signs the reset with an ADMIN_KEYS key; a wrong secret is refused', async ({
    browser,
    ownServer,
  }) => {
    const server = await ownServer('demo', {
      ACCESS_KEYS: 'AKIDE2EADMIN:123456789012:e2e-admin-secret',
      ADMIN_KEYS: 'AKIDE2EADMIN',
    });
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await new MeshesListPage(page).goto();
    const reset = new ResetStoreModal(page);
    await reset.openButton.click();
    await expect(reset.dialog.getByText('This server requires a signed request')).toBeVisible();
    await reset.option('An empty store').check();
    await reset.accessKeyId.fill('AKIDE2EADMIN');
    await reset.secretAccessKey.fill('not-the-secret');
    await reset.button('Reset').click();
    await expect(reset.dialog.getByText(/The request signature we calculated does not match/)).toBeVisible();
    expect((await new ConsoleApi(server.baseURL).listMeshes()).map((m) => m.meshName)).toContain('demo-mesh');

    await reset.secretAccessKey.fill('e2e-admin-secret');
    await reset.button('Reset').click();
    await new ConsoleShellPage(page).expectFlash('The store was emptied.');
    expect(await new ConsoleApi(server.baseURL).listMeshes()).toEqual([]);
    await context.close();
  });
});
