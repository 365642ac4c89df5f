import {
  ConsoleApi,
  DeleteVirtualGatewayModal,
  VirtualGatewayDetailsPage,
  VirtualGatewayFormPage,
  VirtualGatewaysListPage,
} from '@meshconsole/playwright';
import { ReplicaSet } from '../fixtures/replica-set';
import { expect, test } from '../fixtures/test';

test.describe('Several replicas on one PostgreSQL database', () => {
  test("when the console's requests alternate between two replicas, then create, list, edit, tag and delete work as on one server", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const set = await ReplicaSet.start(2, 'demo');
    try {
      const api = new ConsoleApi(set.baseURL);
      const context = await browser.newContext({ baseURL: set.baseURL });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const form = new VirtualGatewayFormPage(page);
      const details = new VirtualGatewayDetailsPage(page);
      const list = new VirtualGatewaysListPage(page);
      const deleteModal = new DeleteVirtualGatewayModal(page);
      const mesh = 'demo-mesh';
      const name = 'e2e-replicated-gateway';

      // Create in the console: the create, the redirect and the details alternate between the replicas.
      await form.gotoCreate(mesh);
      await form.fillGateway({ name, listener: { protocol: 'http', port: 8088 } });
      await form.submitCreate();
      await expect(details.heading(name)).toBeVisible();
      await expect(details.value('Version')).toHaveText('1');

      await list.goto(mesh);
      for (const gateway of [name, 'ingress-gw', 'edge-gw']) await expect(list.row(gateway)).toBeVisible();

      // Edit: the form loads the gateway from one replica and saves through another.
      await form.gotoEdit(mesh, name);
      const listener = form.section('Listener');
      await expect(form.input('Port', listener).first()).toHaveValue('8088');
      await form.fill('Port', 9099, listener);
      await form.submitSave();
      await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${name}(\\?|$)`));
      await expect(details.value('Version')).toHaveText('2');
      await expect(details.value('Port').first()).toHaveText('9099');

      await details.addTag('team', 'replicas');
      await expect(details.tagsTable.getByRole('row').filter({ hasText: 'replicas' })).toBeVisible();

      await details.deleteButton.click();
      await expect(deleteModal.title).toBeVisible();
      await deleteModal.confirm();
      await expect(list.table).toBeVisible();
      await expect(list.row(name)).toHaveCount(0);

      // What the console did is what every replica sees, and each replica had its share of the work.
      expect(await api.findVirtualGateway(mesh, name)).toBeUndefined();
      expect((await api.listVirtualGateways(mesh)).map((g) => g.virtualGatewayName).sort()).toEqual([
        'edge-gw',
        'ingress-gw',
      ]);
      for (const served of set.servedApi) expect(served).toBeGreaterThanOrEqual(3);
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await set.dispose();
    }
  });
});
