import { expect, test } from '../fixtures/test';

test.describe('Gateway routes', () => {
  test('when an http2 route is created with a prefix, hostname, method, priority and a prefix rewrite, then the service stores exactly that', async ({
    page,
    api,
    demo,
    routeForm,
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
    await expect(routeForm.heading(route)).toBeVisible();
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
});
