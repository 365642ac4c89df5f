import { DeleteVirtualGatewayModal, expect, test, VirtualGatewayDetailsPage } from '@meshconsole/playwright';
import { SHOP } from './shop';

// Two files, run by two workers at once, seed the same names: each worker has its own server, so
// neither sees the other's data (a shared server would refuse the second seed: the mesh exists).
test('when a seeded gateway is deleted from its details page with the typed confirmation, then it is gone (a)', async ({
  page,
  meshconsole,
}) => {
  expect(await meshconsole.seed(SHOP)).toEqual({ meshes: 1, virtualServices: 1, virtualGateways: 1, gatewayRoutes: 0 });

  const details = new VirtualGatewayDetailsPage(page);
  await details.goto('shop', 'edge');
  await expect(details.heading('edge')).toBeVisible();

  await details.deleteButton.click();
  const modal = new DeleteVirtualGatewayModal(page);
  await expect(modal.deleteButton).toBeDisabled();
  await modal.typeConfirmation('delete');
  await modal.deleteButton.click();

  await expect(page).toHaveURL(/\/meshes\/shop\/virtual-gateways(\?|$)/);
  expect(await meshconsole.api.findVirtualGateway('shop', 'edge')).toBeUndefined();
});
