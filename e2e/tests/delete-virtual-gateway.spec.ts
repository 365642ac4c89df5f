import { expect, test } from '../fixtures/test';

test.describe('Delete virtual gateway', () => {
  test('when the gateway has a gateway route, then the modal lists the route and offers no delete; after the route is deleted, typing "delete" deletes it', async ({
    page,
    api,
    demo,
    gatewaysList,
    gatewayDetails,
    deleteModal,
    routeForm,
  }) => {
    const gateway = 'e2e-routed-gateway';
    const route = 'e2e-route';
    await api.createVirtualGateway(demo.mesh, gateway);

    // A gateway route, created in the console: it lands on the route's details page.
    await routeForm.gotoCreate(demo.mesh, gateway);
    await routeForm.fillRoute({ name: route, type: 'http', virtualService: demo.virtualService, prefix: '/e2e' });
    await routeForm.submitCreate();
    await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${gateway}/gateway-routes/${route}(\\?|$)`));
    await expect(routeForm.heading(route)).toBeVisible();
    const [created] = await api.listGatewayRoutes(demo.mesh, gateway);
    expect(created?.spec).toEqual({
      httpRoute: {
        match: { prefix: '/e2e' },
        action: { target: { virtualService: { virtualServiceName: demo.virtualService } } },
      },
    });

    // Blocked: the modal names the route, links to it, and has no usable Delete.
    await gatewaysList.goto(demo.mesh);
    await gatewaysList.select(gateway);
    await gatewaysList.deleteButton.click();
    await expect(deleteModal.title).toBeVisible();
    await expect(deleteModal.boldName(gateway)).toBeVisible();
    await expect(deleteModal.routeLink(route)).toBeVisible();
    await expect(deleteModal.routeLink(route)).toHaveAttribute(
      'href',
      new RegExp(`/meshes/${demo.mesh}/virtual-gateways/${gateway}/gateway-routes/${route}`),
    );
    await expect(deleteModal.enabledDeleteButton).toHaveCount(0);
    await deleteModal.cancelButton.click();
    await expect(deleteModal.dialog).toBeHidden();
    expect(await api.findVirtualGateway(demo.mesh, gateway)).toBeDefined();

    // Delete the route from the details page's Gateway routes tab (simple confirmation: no typed word).
    await gatewayDetails.goto(demo.mesh, gateway);
    await gatewayDetails.openTab('Gateway routes');
    await gatewayDetails.selectRoute(route);
    await gatewayDetails.routesDeleteButton.click();
    const confirmRoute = gatewayDetails.routeDeleteModal;
    await expect(confirmRoute.boldName(route)).toBeVisible();
    await expect(confirmRoute.confirmationInput).toHaveCount(0);
    await confirmRoute.confirm();
    await expect(confirmRoute.dialog).toBeHidden();
    await expect(gatewayDetails.routeRow(route)).toHaveCount(0);
    await expect.poll(async () => (await api.listGatewayRoutes(demo.mesh, gateway)).length).toBe(0);

    // Allowed now, only with the typed word.
    await gatewayDetails.deleteButton.click();
    await expect(deleteModal.title).toBeVisible();
    await expect(deleteModal.boldName(gateway)).toBeVisible();
    await expect(deleteModal.deleteButton).toBeDisabled();
    await deleteModal.typeConfirmation('delet');
    await expect(deleteModal.deleteButton).toBeDisabled();
    await deleteModal.typeConfirmation('delete');
    await expect(deleteModal.deleteButton).toBeEnabled();
    await deleteModal.deleteButton.click();

    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-gateways(\\?|$)`));
    await gatewaysList.expectFlash(gateway);
    await expect(gatewaysList.row(gateway)).toHaveCount(0);
    expect(await api.findVirtualGateway(demo.mesh, gateway)).toBeUndefined();
  });

  test('when a gateway without routes is deleted from the table, then it leaves the table and the API', async ({
    api,
    demo,
    gatewaysList,
    deleteModal,
  }) => {
    await gatewaysList.goto(demo.mesh);
    await expect(gatewaysList.row(demo.gatewayWithoutRoutes)).toHaveCount(1);
    await gatewaysList.select(demo.gatewayWithoutRoutes);
    await gatewaysList.deleteButton.click();
    await deleteModal.confirm();

    await gatewaysList.expectFlash(demo.gatewayWithoutRoutes);
    await expect(gatewaysList.row(demo.gatewayWithoutRoutes)).toHaveCount(0);
    expect(await api.findVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes)).toBeUndefined();
  });

  test('when the delete fails because a gateway route appeared meanwhile, then a failure flash offers Retry, which deletes it once the route is gone', async ({
    api,
    demo,
    gatewaysList,
    deleteModal,
  }) => {
    const gateway = demo.gatewayWithoutRoutes;
    await gatewaysList.goto(demo.mesh);
    await gatewaysList.select(gateway);
    await gatewaysList.deleteButton.click();
    await deleteModal.typeConfirmation('delete');

    // Someone else adds a route behind the console's back: the service refuses the delete.
    await api.createGatewayRoute(demo.mesh, gateway, 'e2e-late-route', demo.virtualService, '/late');
    await deleteModal.deleteButton.click();

    const failure = gatewaysList.flash(`Failed to delete virtual gateway ${gateway}`);
    await expect(failure).toBeVisible();
    expect(await api.findVirtualGateway(demo.mesh, gateway)).toBeDefined();

    await api.deleteGatewayRoute(demo.mesh, gateway, 'e2e-late-route');
    await failure.getByRole('button', { name: 'Retry', exact: true }).click();
    await gatewaysList.expectFlash(`Successfully deleted virtual gateway ${gateway}.`);
    await expect(gatewaysList.row(gateway)).toHaveCount(0);
    expect(await api.findVirtualGateway(demo.mesh, gateway)).toBeUndefined();
  });
});
