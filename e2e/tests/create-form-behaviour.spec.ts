import { expect, test } from '../fixtures/test';

test.describe('Create virtual gateway: how the form behaves', () => {
  test('when the page opens, then no field shows an error; leaving a required field empty shows its message, typing clears it', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await expect(gatewayForm.fieldErrors).toHaveCount(0);

    const name = gatewayForm.input('Virtual gateway name').first();
    await name.focus();
    await name.blur();
    await expect(gatewayForm.fieldError('Virtual gateway name')).toHaveText('Virtual gateway name is required.');
    await name.pressSequentially('my-gateway');
    await expect(gatewayForm.fieldError('Virtual gateway name')).toHaveCount(0);
  });

  test('when a Subject Alternative Name row is added, then it shows no error until the user leaves it', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.expandClientPolicy();
    const section = gatewayForm.section('Client policy defaults');
    await section.getByRole('button', { name: 'Add SAN', exact: true }).click();
    const row = gatewayForm.listInput('Subject Alternative Name', 0, section);
    await expect(row).toBeVisible();
    await expect(gatewayForm.listError('Subject Alternative Name', 0, section)).toHaveCount(0);
    await row.pressSequentially('backend.example.org');
    await expect(gatewayForm.listError('Subject Alternative Name', 0, section)).toHaveCount(0);
  });

  test('when the user types, then the JSON preview and the AWS CLI command show the request the form would send', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.fillGateway({
      name: 'e2e-preview',
      listener: { protocol: 'http2', port: 9443, connectionPool: { maxRequests: 33 } },
    });
    await expect
      .poll(async () => JSON.parse(await gatewayForm.requestJsonText()))
      .toMatchObject({
        meshName: demo.mesh,
        virtualGatewayName: 'e2e-preview',
        spec: {
          listeners: [
            { portMapping: { port: 9443, protocol: 'http2' }, connectionPool: { http2: { maxRequests: 33 } } },
          ],
        },
      });
    const cli = await gatewayForm.cliCommandText();
    expect(cli).toContain('aws appmesh create-virtual-gateway');
    expect(cli).toContain(`--mesh-name ${demo.mesh}`);
    expect(cli).toContain('e2e-preview');
    expect(cli).toContain('"maxRequests":33');
  });

  test('when a disabled optional section was filled, then it sends nothing', async ({ api, demo, gatewayForm }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.fillGateway({
      name: 'e2e-disabled-sections',
      listener: {
        protocol: 'http',
        port: 8088,
        connectionPool: { maxConnections: 5 },
        healthCheck: {
          protocol: 'http',
          healthyThreshold: 2,
          intervalMillis: 5000,
          timeoutMillis: 2000,
          unhealthyThreshold: 2,
        },
      },
    });
    // Back on the Listener step from Review and create, the options are turned off again.
    await gatewayForm.editStep('Listener');
    const listener = gatewayForm.section('Listener');
    await gatewayForm.setChecked('Enable connection pool', false, listener);
    await gatewayForm.setChecked('Enable health check', false, listener);
    await gatewayForm.submitCreate();
    await expect(gatewayForm.heading('e2e-disabled-sections')).toBeVisible();
    const stored = await api.getVirtualGateway(demo.mesh, 'e2e-disabled-sections');
    expect(stored.spec).toEqual({ listeners: [{ portMapping: { port: 8088, protocol: 'http' } }] });
  });

  test('when Enable health check is turned on, then Health check protocol and port start as the listener’s', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh, undefined, 'Listener');
    const listener = gatewayForm.section('Listener');
    await gatewayForm.choose('Protocol', 'http2', listener);
    await gatewayForm.fill('Port', 8443, listener);
    await gatewayForm.setChecked('Enable health check', true, listener);
    const hc = gatewayForm.section('Health check');
    await expect(gatewayForm.formField('Health check protocol', hc)).toContainText('http2');
    await expect(gatewayForm.input('Health check port', hc).first()).toHaveValue('8443');
  });

  test('when a step has a bad value, then Next stays on it with the model message at the field, and ?step= opens a step directly', async ({
    page,
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh, undefined, 'Listener');
    await expect(page).toHaveURL(/[?&]step=listener/);
    const listener = gatewayForm.section('Listener');
    await gatewayForm.fill('Port', 70000, listener);
    await gatewayForm.next();
    await gatewayForm.expectStep('Listener');
    await expect(gatewayForm.fieldError('Port', listener)).toHaveText('Port must be between 1 and 65535.');
    await expect(gatewayForm.input('Port', listener).first()).toBeFocused();
  });

  test('when the user leaves the wizard with values typed in, then the console asks first; moving between steps does not', async ({
    page,
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.fill('Virtual gateway name', 'e2e-unsaved');
    await gatewayForm.next();
    await gatewayForm.expectStep('Logging');
    const leave = page.getByRole('dialog', { name: 'Leave page?' });
    await expect(leave).toBeHidden();
    await gatewayForm.wizard.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(leave).toBeVisible();
    await leave.getByRole('button', { name: 'Cancel', exact: true }).click();
    await gatewayForm.previous();
    await expect(gatewayForm.input('Virtual gateway name').first()).toHaveValue('e2e-unsaved');
  });
});
