import { ConsoleApi, VirtualGatewayDetailsPage, VirtualGatewayFormPage } from '@meshconsole/playwright';
import { expect, test } from '../fixtures/test';

test.describe('Durability', () => {
  test('when the server is killed (SIGKILL) and started again on the same database, then a gateway created in the console is still there', async ({
    browser,
    ownServer,
  }) => {
    const server = await ownServer('none');
    const api = new ConsoleApi(server.baseURL);
    await api.createMesh('e2e-durable-mesh');

    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const form = new VirtualGatewayFormPage(page);
    await form.gotoCreate('e2e-durable-mesh');
    await form.fillGateway({
      name: 'e2e-durable-gateway',
      listener: { protocol: 'http2', port: 7443, connectionPool: { maxRequests: 64 } },
    });
    await form.submitCreate();
    const details = new VirtualGatewayDetailsPage(page);
    await expect(details.heading('e2e-durable-gateway')).toBeVisible();
    const before = await api.getVirtualGateway('e2e-durable-mesh', 'e2e-durable-gateway');

    await server.stop('SIGKILL');
    await expect(page.request.get(`${server.baseURL}/readyz`)).rejects.toThrow();
    await server.start();

    const after = await api.getVirtualGateway('e2e-durable-mesh', 'e2e-durable-gateway');
    expect(after).toEqual(before);
    expect(after.spec).toEqual({
      listeners: [{ portMapping: { port: 7443, protocol: 'http2' }, connectionPool: { http2: { maxRequests: 64 } } }],
    });

    await details.goto('e2e-durable-mesh', 'e2e-durable-gateway');
    await expect(details.value('Port').first()).toHaveText('7443');
    await expect(details.value('Maximum requests')).toHaveText('64');
    await context.close();
  });
});
