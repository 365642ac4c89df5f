import { expect, test } from '../fixtures/test';

test.describe('Edit virtual gateway', () => {
  test('when a gateway is edited and saved, then the change is stored, the version goes up and the name stays read-only', async ({
    page,
    api,
    demo,
    gatewayForm,
    gatewayDetails,
  }) => {
    const name = 'e2e-edit-gateway';
    const created = await api.createVirtualGateway(demo.mesh, name, {
      listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
    });
    expect(created.metadata.version).toBe(1);

    await gatewayDetails.goto(demo.mesh, name);
    await expect(gatewayDetails.value('Version')).toHaveText('1');
    await gatewayDetails.editButton.click();
    await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${name}/edit(\\?|$)`));
    await expect(gatewayForm.saveButton).toBeVisible();

    const nameInput = gatewayForm.input('Virtual gateway name').first();
    await expect(nameInput).toHaveValue(name);
    await expect(nameInput).not.toBeEditable();

    const listener = gatewayForm.section('Listener');
    await expect(gatewayForm.input('Port', listener).first()).toHaveValue('8080');
    await gatewayForm.fill('Port', 9443, listener);
    await gatewayForm.setChecked('Enable health check', true, listener);
    // A new health check starts on the listener's protocol and port.
    await expect(gatewayForm.input('Health check port', listener).first()).toHaveValue('9443');
    await gatewayForm.choose('Health check protocol', 'http', listener);
    await gatewayForm.fill('Healthy threshold', 2, listener);
    await gatewayForm.fill('Health check interval', 6000, listener);
    await gatewayForm.fill('Timeout period', 2500, listener);
    await gatewayForm.fill('Unhealthy threshold', 3, listener);
    await gatewayForm.submitSave();

    await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${name}(\\?|$)`));
    await gatewayDetails.expectFlash(name);
    await expect(gatewayDetails.value('Version')).toHaveText('2');
    await expect(gatewayDetails.value('Port').first()).toHaveText('9443');

    const stored = await api.getVirtualGateway(demo.mesh, name);
    expect(stored.metadata.version).toBe(2);
    expect(stored.metadata.uid).toBe(created.metadata.uid);
    expect(stored.spec).toEqual({
      listeners: [
        {
          portMapping: { port: 9443, protocol: 'http' },
          healthCheck: {
            protocol: 'http',
            port: 9443,
            healthyThreshold: 2,
            intervalMillis: 6000,
            timeoutMillis: 2500,
            unhealthyThreshold: 3,
          },
        },
      ],
    });
  });

  test('when an edit has an invalid value, then the field shows the message and the stored gateway and its version stay', async ({
    api,
    demo,
    gatewayForm,
  }) => {
    const before = await api.getVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes);
    await gatewayForm.gotoEdit(demo.mesh, demo.gatewayWithoutRoutes);
    const listener = gatewayForm.section('Listener');
    await gatewayForm.fill('Port', 0, listener);
    await gatewayForm.submitSave();

    await expect(gatewayForm.fieldError('Port', listener)).toHaveText('Port must be between 1 and 65535.');
    const after = await api.getVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes);
    expect(after.metadata.version).toBe(before.metadata.version);
    expect(after.spec).toEqual(before.spec);
  });

  test('when the user leaves the edit page with unsaved changes, then the console asks first, and leaving saves nothing', async ({
    page,
    api,
    demo,
    gatewayForm,
  }) => {
    const before = await api.getVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes);
    await gatewayForm.gotoEdit(demo.mesh, demo.gatewayWithoutRoutes);
    await gatewayForm.fill('Port', 9999, gatewayForm.section('Listener'));

    const leave = page.getByRole('dialog', { name: 'Leave page?' });
    await gatewayForm.cancelButton.first().click();
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(leave).toBeHidden();
    await expect(gatewayForm.input('Port', gatewayForm.section('Listener')).first()).toHaveValue('9999');

    await gatewayForm.cancelButton.first().click();
    await leave.getByRole('button', { name: 'Leave', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/virtual-gateways/${demo.gatewayWithoutRoutes}(\\?|$)`));
    const after = await api.getVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes);
    expect(after.metadata.version).toBe(before.metadata.version);
    expect(after.spec).toEqual(before.spec);
  });
});
