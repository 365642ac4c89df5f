import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@meshconsole/model';
import { expect, test } from '../fixtures/test';

test.describe('History and delete plans', () => {
  test('when a gateway was updated twice, then the History tab compares two versions and restores the first as version 4', async ({
    page,
    api,
    demo,
    gatewayDetails,
    meshconsole,
  }) => {
    const gateway = 'e2e-history-gw';
    await api.createVirtualGateway(demo.mesh, gateway);
    const put = (spec: unknown) =>
      page.request.put(`${meshconsole.baseURL}/api/meshes/${demo.mesh}/virtual-gateways/${gateway}`, {
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        data: { spec },
      });
    expect((await put({ listeners: [{ portMapping: { port: 9090, protocol: 'http' } }] })).status()).toBe(200);
    const logged = {
      listeners: [{ portMapping: { port: 9090, protocol: 'http' } }],
      logging: { accessLog: { file: { path: '/dev/stdout' } } },
    };
    expect((await put(logged)).status()).toBe(200);

    await gatewayDetails.goto(demo.mesh, gateway);
    await gatewayDetails.openTab('History');
    const versions = page.getByTestId('history-table');
    await expect(versions.getByRole('heading', { name: 'Versions (3)' })).toBeVisible();
    await versions.getByRole('checkbox', { name: 'Version 3' }).check();
    await versions.getByRole('checkbox', { name: 'Version 1' }).check();
    const diff = page.getByTestId('history-diff');
    await expect(diff.getByRole('row')).toHaveCount(3);
    await expect(diff.getByRole('row', { name: /Port listeners\.0\.portMapping\.port 8080 9090/ })).toBeVisible();
    await expect(diff.getByRole('row', { name: /HTTP access logs path/ })).toBeVisible();

    await versions.getByRole('checkbox', { name: 'Version 3' }).uncheck();
    await page.getByRole('button', { name: 'Restore this version' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Restore version 1' });
    await expect(dialog).toContainText('It becomes version 4');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(versions.getByRole('heading', { name: 'Versions (4)' })).toBeVisible();
    const restored = await api.getVirtualGateway(demo.mesh, gateway);
    expect(restored.metadata.version).toBe(4);
    expect(restored.spec.logging).toBeUndefined();
    expect(restored.spec.listeners[0]?.portMapping.port).toBe(8080);
  });

  test('when a gateway has three gateway routes, then Delete with gateway routes deletes all four in one confirmation', async ({
    page,
    api,
    demo,
    gatewayDetails,
    deleteModal,
  }) => {
    const gateway = 'e2e-plan-gw';
    await api.createVirtualGateway(demo.mesh, gateway);
    for (const route of ['e2e-a', 'e2e-b', 'e2e-c']) {
      await api.createGatewayRoute(demo.mesh, gateway, route, demo.virtualService, `/${route}`);
    }
    await gatewayDetails.goto(demo.mesh, gateway);
    await gatewayDetails.deleteButton.click();
    await expect(deleteModal.title).toBeVisible();
    const steps = deleteModal.dialog.getByRole('list', { name: 'Delete plan' }).getByRole('listitem');
    await expect(steps).toHaveText([
      'Gateway route e2e-a',
      'Gateway route e2e-b',
      'Gateway route e2e-c',
      `Virtual gateway ${gateway}`,
    ]);
    const withRoutes = deleteModal.dialog.getByRole('button', { name: 'Delete with gateway routes' });
    await expect(withRoutes).toBeDisabled();
    await deleteModal.typeConfirmation('delete');
    await withRoutes.click();
    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-gateways(\\?|$)`));
    await expect(
      page.getByText(`Successfully deleted virtual gateway ${gateway} and its gateway routes.`).first(),
    ).toBeVisible();
    expect(await api.findVirtualGateway(demo.mesh, gateway)).toBeUndefined();
  });
});
