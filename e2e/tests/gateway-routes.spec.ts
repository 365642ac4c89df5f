import { expect, test } from '../fixtures/test';

test.describe('Gateway routes', () => {
  test('when an http2 route is created with a prefix, hostname, method, priority and a prefix rewrite, then the service stores exactly that', async ({
    page,
    api,
    demo,
    routeForm,
    routeDetails,
  }) => {
    const route = 'e2e-http2-route';
    await routeForm.gotoCreate(demo.mesh, demo.gatewayWithRoutes);
    await routeForm.fillRoute({ name: route, type: 'http2', virtualService: demo.virtualService, prefix: '/api/' });
    await routeForm.choose('Method', 'GET');
    await routeForm.choose('Hostname match', 'Exact');
    await routeForm.fill('Exact hostname', 'shop.example.org');
    await routeForm.fill('Priority', 5);

    // The default rewrites are explained where the user chooses them.
    const rewrite = page.getByRole('heading', { name: /^Rewrite/ });
    await expect(page.getByText(/rewrites the request's host to the name of the target virtual service/)).toContainText(
      demo.virtualService,
    );
    await expect(rewrite).toBeVisible();
    await routeForm.setChecked('Override automatic rewrite of prefix', true);
    await routeForm.fill('Prefix rewrite', '/v2/');
    await routeForm.submitCreate();

    await expect(page).toHaveURL(new RegExp(`/gateway-routes/${route}(\\?|$)`));
    await expect(routeDetails.heading(route)).toBeVisible();
    await expect(routeDetails.value('Gateway route type')).toHaveText('http2');
    await expect(routeDetails.value('Priority')).toHaveText('5');
    const match = routeDetails.section('Match');
    await expect(routeDetails.value('Path', match)).toHaveText('Prefix: /api/');
    await expect(routeDetails.value('Method', match)).toHaveText('GET');
    await expect(routeDetails.value('Hostname', match)).toHaveText('Exact: shop.example.org');
    await expect(routeDetails.value('Virtual service name')).toHaveText(demo.virtualService);
    const stored = (await api.listGatewayRoutes(demo.mesh, demo.gatewayWithRoutes)).find(
      (r) => r.gatewayRouteName === route,
    );
    expect(stored?.spec).toEqual({
      priority: 5,
      http2Route: {
        match: { prefix: '/api/', method: 'GET', hostname: { exact: 'shop.example.org' } },
        action: {
          target: { virtualService: { virtualServiceName: demo.virtualService } },
          rewrite: { prefix: { value: '/v2/' } },
        },
      },
    });
  });

  test('when a route is edited from its details page, then its history has two versions; Delete there deletes it and opens its gateway', async ({
    page,
    api,
    demo,
    routeForm,
    routeDetails,
  }) => {
    const gateway = demo.gatewayWithRoutes;
    const route = 'e2e-edited-route';
    await api.createGatewayRoute(demo.mesh, gateway, route, demo.virtualService, '/edited/');

    await routeDetails.goto(demo.mesh, gateway, route);
    await expect(routeDetails.value('Priority')).toHaveText('Not set');
    await routeDetails.editButton.click();
    await expect(routeForm.saveButton).toBeVisible();
    await routeForm.fill('Priority', 9);
    await routeForm.submitSave();

    await expect(routeDetails.heading(route)).toBeVisible();
    await expect(routeDetails.value('Priority')).toHaveText('9');
    await routeDetails.history.expectVersionCount(2);
    expect(await routeDetails.describeJson()).toMatchObject({
      gatewayRoute: { gatewayRouteName: route, metadata: { version: 2 }, spec: { priority: 9 } },
    });

    await routeDetails.delete();
    await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${gateway}(\\?|$)`));
    await routeDetails.expectFlash(`Successfully deleted gateway route ${route}.`);
    expect((await api.listGatewayRoutes(demo.mesh, gateway)).map((r) => r.gatewayRouteName)).not.toContain(route);
  });
});
