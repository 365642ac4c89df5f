import { FULL_GATEWAY, minimalGateway, PRODUCT_EXAMPLE_JSON } from '../fixtures/gateways';
import { expect, test } from '../fixtures/test';
import { toSpec } from '../pages/gateway-input';

test.describe('Create virtual gateway', () => {
  test('when every section is filled, then the gateway is created and the details page and JSON tab show what was entered', async ({
    page,
    api,
    demo,
    gatewayForm,
    gatewayDetails,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.fillGateway(FULL_GATEWAY);
    await gatewayForm.submitCreate();

    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-gateways/${FULL_GATEWAY.name}(\\?|$)`));
    await expect(gatewayDetails.heading(FULL_GATEWAY.name)).toBeVisible();
    await gatewayDetails.expectFlash(FULL_GATEWAY.name);

    // What the server stored is exactly what the form stands for.
    const stored = await api.getVirtualGateway(demo.mesh, FULL_GATEWAY.name);
    const expectedSpec = toSpec(FULL_GATEWAY);
    expect(stored.spec).toEqual(expectedSpec);
    expect(stored.metadata.version).toBe(1);

    // The details page shows it in the console's terms.
    const d = gatewayDetails;
    await expect(d.value('Status')).toContainText('ACTIVE', { ignoreCase: true });
    await expect(d.value('Version')).toHaveText('1');
    await expect(d.page.getByText(stored.metadata.arn).first()).toBeVisible();
    await expect(d.value('Protocol')).toHaveText('http');
    await expect(d.value('Port').first()).toHaveText('8443');
    await expect(d.value('Maximum connections')).toHaveText('250');
    await expect(d.value('Maximum pending requests')).toHaveText('40');
    await expect(d.value('Healthy threshold')).toHaveText('3');
    await expect(d.value('Health check interval')).toContainText('10000');
    await expect(d.value('Timeout period')).toContainText('4000');
    await expect(d.value('Unhealthy threshold')).toHaveText('4');
    await expect(d.value('Path')).toHaveText('/healthz');
    await expect(d.value('Mode')).toHaveText('STRICT');
    await expect(d.value('HTTP access logs path')).toHaveText('/dev/stdout');
    for (const text of [
      '/etc/envoy/certs/server-chain.pem',
      '/etc/envoy/certs/server-key.pem',
      '/etc/envoy/certs/client-ca.pem',
      'client.example.org',
      'spiffe://example.org/ca-bundle',
      'backend.example.org',
      'spiffe://example.org/ns/shop/sa/backend',
      '/etc/envoy/certs/client-chain.pem',
      '/etc/envoy/certs/client-key.pem',
      'start_time',
      '%RESPONSE_CODE%',
    ]) {
      await expect(d.page.getByText(text, { exact: true }).first(), `details page shows ${text}`).toBeVisible();
    }

    // The JSON tab is the describe output.
    const json = (await d.describeJson()) as { virtualGateway: Record<string, unknown> };
    expect(json.virtualGateway).toMatchObject({
      meshName: demo.mesh,
      virtualGatewayName: FULL_GATEWAY.name,
      spec: expectedSpec,
      status: { status: 'ACTIVE' },
    });
    expect(json.virtualGateway.spec).toEqual(expectedSpec);
    expect(json.virtualGateway.metadata).toMatchObject({
      arn: stored.metadata.arn,
      uid: stored.metadata.uid,
      version: 1,
      meshOwner: stored.metadata.meshOwner,
      resourceOwner: stored.metadata.resourceOwner,
    });
  });

  test('when the name is already used in the mesh, then the name field says so and nothing else is created', async ({
    api,
    demo,
    gatewayForm,
  }) => {
    const before = await api.listVirtualGateways(demo.mesh);
    const existing = before.find((g) => g.virtualGatewayName === demo.gatewayWithoutRoutes);
    expect(existing).toBeDefined();

    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.fillGateway(minimalGateway(demo.gatewayWithoutRoutes, 9191));
    await gatewayForm.submitCreate();

    await expect(gatewayForm.fieldError('Virtual gateway name')).toContainText(demo.gatewayWithoutRoutes);
    await expect(gatewayForm.fieldError('Virtual gateway name')).toContainText(/already/i);
    await expect(gatewayForm.heading('Create virtual gateway')).toBeVisible();

    const after = await api.listVirtualGateways(demo.mesh);
    expect(after.length).toBe(before.length);
    const unchanged = await api.getVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes);
    expect(unchanged.metadata.version).toBe(existing?.metadata.version);
    expect(unchanged.spec).toEqual(existing?.spec);
  });

  test("when the product's example create-virtual-gateway.json is imported, then the form fills in and creates that gateway", async ({
    page,
    api,
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.importJson(PRODUCT_EXAMPLE_JSON);

    const listener = gatewayForm.section('Listener');
    await expect(gatewayForm.input('Port', listener).first()).toHaveValue('9080');
    await expect(gatewayForm.formField('Protocol', listener)).toContainText('http');

    // The example carries no name: the form asks for one, then creates exactly the example's spec.
    await gatewayForm.fill('Virtual gateway name', 'e2e-imported-example');
    await gatewayForm.submitCreate();
    await expect(page).toHaveURL(/\/virtual-gateways\/e2e-imported-example(\?|$)/);
    const stored = await api.getVirtualGateway(demo.mesh, 'e2e-imported-example');
    expect(stored.spec).toEqual(JSON.parse(PRODUCT_EXAMPLE_JSON).spec);
  });
});
