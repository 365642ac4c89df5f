import { PAGE_LOAD_TIMEOUT } from '@meshconsole/playwright';
import { expect, test } from '../fixtures/test';

// Issue 11's "done means" through the browser: the guide's /chapter example on the Test request tab, the
// route form's preview, and a route finding in the gateway routes table. Each test makes its own gateway
// and service (names carry the worker index), so it depends on no other test's data.

test.describe('Gateway routing you can see', () => {
  test('when /chapter/1 is tested on a route matching prefix /chapter to svc.local, then the tab shows it forwarded as host svc.local, path /1', async ({
    page,
    api,
    demo,
    gatewayDetails,
  }, testInfo) => {
    const gateway = `books-${testInfo.workerIndex}`;
    const service = `svc-${testInfo.workerIndex}.local`;
    await api.createVirtualService(demo.mesh, service);
    await api.createVirtualGateway(demo.mesh, gateway);
    await api.createGatewayRoute(demo.mesh, gateway, 'chapter', service, '/chapter');
    await api.createGatewayRoute(demo.mesh, gateway, 'other', service, '/other');

    await gatewayDetails.goto(demo.mesh, gateway);
    await gatewayDetails.openTab('Test request');
    const tab = page.getByTestId('test-request-panel');
    // The tab's code loads when it opens: wait for it as for a page load.
    await expect(tab.getByLabel('Path', { exact: true })).toBeVisible({ timeout: PAGE_LOAD_TIMEOUT });
    await tab.getByLabel('Path', { exact: true }).fill('/chapter/1');
    await tab.getByLabel(/^Host/).fill('books.example.com');

    await expect(page.getByTestId('forwarded-path')).toHaveText('/1');
    await expect(page.getByTestId('forwarded-host')).toHaveText(service);
    await expect(page.getByTestId('request-in-path')).toHaveText('/chapter/1');
    await expect(page.getByTestId('request-in-host')).toHaveText('books.example.com');
    const winner = page.getByTestId('test-request-winner-name').getByRole('link', { name: 'chapter' });
    await expect(winner).toBeVisible();
    await expect(page.getByTestId('test-request-routes').getByRole('row').filter({ hasText: 'other' })).toContainText(
      'Does not match',
    );

    // The winner's link opens the route.
    await winner.click();
    await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${gateway}/gateway-routes/chapter`));
  });

  test('when no route takes the request, then the tab says so; a path without "/" gets the model\'s message at Path', async ({
    page,
    api,
    demo,
    gatewayDetails,
  }, testInfo) => {
    const gateway = `nomatch-${testInfo.workerIndex}`;
    const service = `nm-${testInfo.workerIndex}.local`;
    await api.createVirtualService(demo.mesh, service);
    await api.createVirtualGateway(demo.mesh, gateway);
    await api.createGatewayRoute(demo.mesh, gateway, 'chapter', service, '/chapter');

    await gatewayDetails.goto(demo.mesh, gateway);
    await gatewayDetails.openTab('Test request');
    const tab = page.getByTestId('test-request-panel');
    // The tab's code loads when it opens: wait for it as for a page load.
    await expect(tab.getByLabel('Path', { exact: true })).toBeVisible({ timeout: PAGE_LOAD_TIMEOUT });
    await tab.getByLabel('Path', { exact: true }).fill('/elsewhere');
    await expect(page.getByTestId('test-request-no-match')).toContainText('No gateway route takes this request');
    await expect(page.getByTestId('request-out')).toContainText('Not forwarded');
    await tab.getByLabel('Path', { exact: true }).fill('chapter/1');
    await expect(tab.getByText('Path must start with "/"')).toBeVisible();
  });

  test('when a route duplicates another, then the gateway routes table shows the finding on it, naming the other route', async ({
    page,
    api,
    demo,
    gatewayDetails,
  }, testInfo) => {
    const gateway = `dupes-${testInfo.workerIndex}`;
    const service = `dup-${testInfo.workerIndex}.local`;
    await api.createVirtualService(demo.mesh, service);
    await api.createVirtualGateway(demo.mesh, gateway);
    await api.createGatewayRoute(demo.mesh, gateway, 'catalog', service, '/catalog');
    await api.createGatewayRoute(demo.mesh, gateway, 'catalog-copy', service, '/catalog');

    await gatewayDetails.goto(demo.mesh, gateway);
    const table = page.getByTestId('gateway-routes-table');
    const copy = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'catalog-copy', exact: true }) });
    await expect(copy.getByTestId('route-findings')).toContainText(
      'catalog-copy has the same match and priority as catalog',
    );
    const original = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'catalog', exact: true }) });
    await expect(original).toContainText('No findings');
  });

  test('when a route form matches prefix /chapter, then its preview spells out the default rewrites before Create', async ({
    page,
    api,
    demo,
    routeForm,
  }, testInfo) => {
    const gateway = `preview-${testInfo.workerIndex}`;
    const service = `prev-${testInfo.workerIndex}.local`;
    await api.createVirtualService(demo.mesh, service);
    await api.createVirtualGateway(demo.mesh, gateway);

    await routeForm.gotoCreate(demo.mesh, gateway);
    await routeForm.fillRoute({ name: 'chapter', type: 'http', virtualService: service, prefix: '/chapter' });
    const preview = page.getByTestId('route-preview');
    await expect(preview.getByTestId('request-in-path')).toHaveText('/chapter/1');
    await expect(preview.getByTestId('forwarded-path')).toHaveText('/1');
    await expect(preview.getByTestId('forwarded-host')).toHaveText(service);
    await expect(preview.getByTestId('forwarded-rewrites')).toContainText('/chapter/1 becomes /1');
    await expect(page.getByTestId('route-preview-checks')).toContainText('No findings');
  });
});
