import {
  DeleteVirtualGatewayModal,
  expect,
  type Meshconsole,
  type SeedDocument,
  VirtualGatewayDetailsPage,
} from '@meshconsole/playwright';
import type { Page } from '@playwright/test';

/** Test data: a mesh with one virtual service and one virtual gateway, in the App Mesh API's shapes. */
export const SHOP: SeedDocument = {
  meshes: [
    {
      meshName: 'shop',
      virtualServices: [{ virtualServiceName: 'books.local', spec: {} }],
      virtualGateways: [
        {
          virtualGatewayName: 'edge',
          spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
          tags: [{ key: 'team', value: 'books' }],
        },
      ],
    },
  ],
};

/** Seeds SHOP, opens the gateway's details page and deletes it with the typed confirmation. */
export async function deleteSeededGateway(page: Page, meshconsole: Meshconsole): Promise<void> {
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
}
