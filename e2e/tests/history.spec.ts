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
    const history = gatewayDetails.history;
    await history.expectVersionCount(3);
    await history.selectVersions(3, 1);
    await expect(history.diffRows).toHaveCount(2);
    await expect(
      history.diff.getByRole('row', { name: /Port listeners\.0\.portMapping\.port 8080 9090/ }),
    ).toBeVisible();
    await expect(history.diff.getByRole('row', { name: /HTTP access logs path/ })).toBeVisible();

    // Restore, step by step: the confirmation says what the restore makes.
    await history.selectVersions(1);
    await history.restoreButton.click();
    await expect(history.restoreDialog).toContainText('It becomes version 4');
    await history.restoreDialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(history.restoreDialog).toBeHidden();
    await history.expectVersionCount(4);
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
    await expect(deleteModal.planSteps).toHaveText([
      'Gateway route e2e-a',
      'Gateway route e2e-b',
      'Gateway route e2e-c',
      `Virtual gateway ${gateway}`,
    ]);
    await expect(deleteModal.deleteWithRoutesButton).toBeDisabled();
    await deleteModal.confirmWithRoutes();
    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-gateways(\\?|$)`));
    await expect(
      page.getByText(`Successfully deleted virtual gateway ${gateway} and its gateway routes.`).first(),
    ).toBeVisible();
    expect(await api.findVirtualGateway(demo.mesh, gateway)).toBeUndefined();
  });
});
