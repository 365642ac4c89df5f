import { expect, test } from '../fixtures/test';

test.describe('Virtual services', () => {
  test('when a service is created in the modal, then it is listed; while a gateway route targets it, Delete fails and names the route; Retry deletes it once the route is gone', async ({
    api,
    demo,
    virtualServices,
  }) => {
    const service = 'e2e-books.demo.local';
    await virtualServices.goto(demo.mesh);
    const before = await virtualServices.serviceNames();
    expect(before).not.toContain(service);

    // An empty name is refused at its field; nothing is sent.
    await virtualServices.createButton.click();
    const modal = virtualServices.createModal;
    await modal.submit();
    await expect(modal.fieldError('Virtual service name', modal.dialog)).toHaveText(
      'Virtual service name is required.',
    );
    await modal.create({ name: service });

    await virtualServices.expectFlash(`Virtual service ${service} was created.`);
    await expect(virtualServices.providerOf(service)).toHaveText('No provider');
    await expect(virtualServices.cell(service, 'Status')).toHaveText('Active');
    expect((await virtualServices.serviceNames()).length).toBe(before.length + 1);
    const created = (await api.listVirtualServices(demo.mesh)).find((s) => s.virtualServiceName === service);
    expect(created?.spec).toEqual({});

    // A gateway route targets it: the service refuses the delete, and the flash says which route.
    await api.createGatewayRoute(demo.mesh, demo.gatewayWithoutRoutes, 'e2e-books-route', service, '/books/');
    await virtualServices.delete(service);
    const failure = virtualServices.flash(`Failed to delete virtual service ${service}`);
    await expect(failure).toContainText('e2e-books-route');
    await expect(virtualServices.row(service)).toHaveCount(1);

    await api.deleteGatewayRoute(demo.mesh, demo.gatewayWithoutRoutes, 'e2e-books-route');
    await failure.getByRole('button', { name: 'Retry', exact: true }).click();
    await virtualServices.expectFlash(`Successfully deleted virtual service ${service}.`);
    await expect(virtualServices.row(service)).toHaveCount(0);
    expect((await api.listVirtualServices(demo.mesh)).map((s) => s.virtualServiceName)).not.toContain(service);
  });
});
