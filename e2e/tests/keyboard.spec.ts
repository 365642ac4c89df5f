import { expect, test } from '../fixtures/test';

test.describe('Keyboard only', () => {
  test('when a gateway is created with the keyboard only, then it is created and its details page opens', async ({
    page,
    api,
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await page.locator('body').press('Tab');
    await gatewayForm.tabTo(gatewayForm.input('Virtual gateway name').first());
    await page.keyboard.type('e2e-keyboard-gateway');
    // Next on each step, with the keyboard: Tab to it, Enter.
    await gatewayForm.tabTo(gatewayForm.nextButton);
    await page.keyboard.press('Enter');
    await gatewayForm.expectStep('Logging');
    await gatewayForm.tabTo(gatewayForm.nextButton);
    await page.keyboard.press('Enter');
    await gatewayForm.expectStep('Listener');
    const port = gatewayForm.input('Port', gatewayForm.section('Listener')).first();
    await gatewayForm.tabTo(port);
    await page.keyboard.type('8181');
    await gatewayForm.tabTo(gatewayForm.nextButton);
    await page.keyboard.press('Enter');
    await gatewayForm.expectStep('Review and create');
    await gatewayForm.tabTo(gatewayForm.createButton);
    await page.keyboard.press('Enter');

    await expect(gatewayForm.heading('e2e-keyboard-gateway')).toBeVisible();
    const stored = await api.getVirtualGateway(demo.mesh, 'e2e-keyboard-gateway');
    expect(stored.spec).toEqual({ listeners: [{ portMapping: { port: 8181, protocol: 'http' } }] });
  });

  test('when a gateway is deleted with the keyboard only, then typing "delete" and Enter deletes it', async ({
    page,
    api,
    demo,
    gatewayDetails,
    deleteModal,
  }) => {
    await gatewayDetails.goto(demo.mesh, demo.gatewayWithoutRoutes);
    await page.locator('body').press('Tab');
    await gatewayDetails.tabTo(gatewayDetails.deleteButton);
    await page.keyboard.press('Enter');
    await expect(deleteModal.title).toBeVisible();
    await gatewayDetails.tabTo(deleteModal.confirmationInput);
    await page.keyboard.type('delete');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-gateways(\\?|$)`));
    await expect.poll(() => api.findVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes)).toBeUndefined();
  });
});
