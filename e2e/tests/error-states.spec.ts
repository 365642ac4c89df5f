import {
  ConsoleApi,
  ConsoleShellPage,
  VirtualGatewayDetailsPage,
  VirtualGatewaysListPage,
} from '@meshconsole/playwright';
import { discoverDemoSeed } from '../fixtures/demo-seed';
import { expect, test } from '../fixtures/test';

test.describe('Error states', () => {
  test('when a gateway does not exist, then its page says so instead of staying blank', async ({ page, demo }) => {
    const shell = new ConsoleShellPage(page);
    await shell.open(`/meshes/${demo.mesh}/virtual-gateways/e2e-no-such-gateway`, shell.heading('e2e-no-such-gateway'));
    await expect(page.getByText("Couldn't load virtual gateway e2e-no-such-gateway")).toBeVisible();
    await expect(
      page.getByText(new RegExp(`e2e-no-such-gateway is not present under mesh ${demo.mesh}`)),
    ).toBeVisible();
  });

  test('when the server stops while the console is open, then a page shows an error with Retry, which loads it once the server is back', async ({
    browser,
    ownServer,
  }) => {
    const server = await ownServer('demo');
    const seed = await discoverDemoSeed(new ConsoleApi(server.baseURL));
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const details = new VirtualGatewayDetailsPage(page);
    const list = new VirtualGatewaysListPage(page);

    // Load the details and list pages' code first, then stop the server.
    await details.goto(seed.mesh, seed.gatewayWithRoutes);
    await details.breadcrumbs.getByRole('link', { name: 'Virtual gateways' }).click();
    await expect(list.row(seed.gatewayWithoutRoutes)).toHaveCount(1);
    await server.stop('SIGKILL');

    await list.link(seed.gatewayWithoutRoutes).click();
    const retry = page.getByRole('button', { name: 'Retry', exact: true });
    await expect(retry).toBeVisible({ timeout: 30_000 });

    await server.start();
    await retry.click();
    await expect(details.heading(seed.gatewayWithoutRoutes)).toBeVisible();
    await expect(details.value('Status', details.section('General configuration'))).toHaveText('Active');
    await context.close();
  });
});
