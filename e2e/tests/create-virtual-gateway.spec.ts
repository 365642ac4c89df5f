import { toSpec } from '@meshconsole/playwright';
import { FULL_GATEWAY, minimalGateway, PRODUCT_EXAMPLE_JSON } from '../fixtures/gateways';
import { expect, test } from '../fixtures/test';

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
    // Review and create sums up each step in the details page's terms.
    await gatewayForm.expectStep('Review and create');
    await expect(gatewayForm.reviewOf('Virtual gateway details')).toContainText(FULL_GATEWAY.name);
    await expect(gatewayForm.reviewOf('Virtual gateway details')).toContainText('spiffe://example.org/ca-bundle');
    await expect(gatewayForm.reviewOf('Logging')).toContainText(
      'JSON: start_time=%START_TIME%, status=%RESPONSE_CODE%',
    );
    await expect(gatewayForm.reviewOf('Listener')).toContainText('/etc/envoy/certs/server-chain.pem');
    await gatewayForm.submitCreate();

    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-gateways/${FULL_GATEWAY.name}(\\?|$)`));
    await expect(gatewayDetails.heading(FULL_GATEWAY.name)).toBeVisible();
    await gatewayDetails.expectFlash(FULL_GATEWAY.name);

    // What the server stored is exactly what the form stands for.
    const stored = await api.getVirtualGateway(demo.mesh, FULL_GATEWAY.name);
    const expectedSpec = toSpec(FULL_GATEWAY);
    expect(stored.spec).toEqual(expectedSpec);
    expect(stored.metadata.version).toBe(1);

    // The details page shows it in the console's terms, section by section.
    const d = gatewayDetails;
    const shown: Array<[section: string, key: string, value: string]> = [
      ['General configuration', 'ARN', stored.metadata.arn],
      ['General configuration', 'Status', 'Active'],
      ['General configuration', 'Mesh owner', '123456789012'],
      ['General configuration', 'Resource owner', '123456789012'],
      ['General configuration', 'Version', '1'],
      ['Client policy defaults', 'Enforce TLS', 'Yes'],
      ['Client policy defaults', 'Ports', '443, 8443'],
      ['Client policy defaults', 'Validation method', 'Envoy Secret Discovery Service (SDS)'],
      ['Client policy defaults', 'Secret name', 'spiffe://example.org/ca-bundle'],
      [
        'Client policy defaults',
        'Subject Alternative Names',
        'backend.example.org, spiffe://example.org/ns/shop/sa/backend',
      ],
      [
        'Client policy defaults',
        'Provide client certificate',
        'Local file hosting: /etc/envoy/certs/client-chain.pem, /etc/envoy/certs/client-key.pem',
      ],
      ['Logging', 'HTTP access logs path', '/dev/stdout'],
      ['Logging', 'Log format', 'JSON: start_time=%START_TIME%, status=%RESPONSE_CODE%'],
      ['Listener', 'Protocol', 'http'],
      ['Listener', 'Port', '8443'],
      ['Connection pool', 'Maximum connections', '250'],
      ['Connection pool', 'Maximum pending requests', '40'],
      ['Health check', 'Health check protocol', 'http'],
      ['Health check', 'Health check port', '8443'],
      ['Health check', 'Healthy threshold', '3'],
      ['Health check', 'Health check interval', '10000 ms'],
      ['Health check', 'Path', '/healthz'],
      ['Health check', 'Timeout period', '4000 ms'],
      ['Health check', 'Unhealthy threshold', '4'],
      ['TLS termination', 'Mode', 'STRICT'],
      ['TLS termination', 'Certificate method', 'Local file hosting'],
      [
        'TLS termination',
        'Certificate chain and private key',
        '/etc/envoy/certs/server-chain.pem, /etc/envoy/certs/server-key.pem',
      ],
      ['TLS termination', 'Require client certificate', 'Local file hosting: /etc/envoy/certs/client-ca.pem'],
      ['TLS termination', 'Subject Alternative Names', 'client.example.org'],
    ];
    for (const [section, key, value] of shown) {
      await expect(d.value(key, d.section(section)), `${section} > ${key}`).toHaveText(value);
    }

    // The JSON tab is the describe output.
    const text = await d.describeJsonText();
    // As the AWS CLI prints it: 4-space indentation, keys sorted, timestamps as ISO 8601 with microseconds.
    expect(text.split('\n').slice(0, 3)).toEqual([
      '{',
      '    "virtualGateway": {',
      `        "meshName": "${demo.mesh}",`,
    ]);
    const json = JSON.parse(text) as {
      virtualGateway: Record<string, unknown> & { metadata: Record<string, unknown> };
    };
    for (const key of ['createdAt', 'lastUpdatedAt'] as const) {
      const value = json.virtualGateway.metadata[key];
      expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$/);
      expect(Date.parse(String(value)) / 1000).toBeCloseTo(stored.metadata[key], 2);
    }
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

    // The example carries no name: Next asks for one; the Listener step holds the example's listener.
    await gatewayForm.next();
    await expect(gatewayForm.fieldError('Virtual gateway name')).toHaveText('Virtual gateway name is required.');
    await gatewayForm.fill('Virtual gateway name', 'e2e-imported-example');
    await gatewayForm.nextTo('Listener');
    const listener = gatewayForm.section('Listener');
    await expect(gatewayForm.input('Port', listener).first()).toHaveValue('9080');
    await expect(gatewayForm.formField('Protocol', listener)).toContainText('http');
    await gatewayForm.submitCreate();
    await expect(page).toHaveURL(/\/virtual-gateways\/e2e-imported-example(\?|$)/);
    const stored = await api.getVirtualGateway(demo.mesh, 'e2e-imported-example');
    expect(stored.spec).toEqual(JSON.parse(PRODUCT_EXAMPLE_JSON).spec);
  });

  test('when an imported JSON has fields the form cannot use, then the form fills in what it can and lists the rest', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.importJson(
      JSON.stringify({
        virtualGatewayName: 'e2e-imported-partial',
        spec: {
          listeners: [{ portMapping: { port: 7070, protocol: 'grpc' }, connectionPool: { grpc: { maxRequests: 9 } } }],
          logging: { accessLog: { file: { path: '/var/log/envoy.log' } } },
        },
        notAField: true,
      }),
    );

    // Every step is filled from the JSON.
    await expect(gatewayForm.input('Virtual gateway name').first()).toHaveValue('e2e-imported-partial');
    await expect(gatewayForm.importResult).toContainText('notAField');
    await gatewayForm.nextTo('Logging');
    await expect(gatewayForm.input('HTTP access logs path', gatewayForm.section('Logging')).first()).toHaveValue(
      '/var/log/envoy.log',
    );
    await gatewayForm.nextTo('Listener');
    const listener = gatewayForm.section('Listener');
    await expect(gatewayForm.input('Port', listener).first()).toHaveValue('7070');
    await expect(gatewayForm.formField('Protocol', listener)).toContainText('grpc');
    await expect(gatewayForm.input('Maximum requests', gatewayForm.section('Connection pool')).first()).toHaveValue(
      '9',
    );
  });

  test("when a newcomer follows the product guide's steps by its labels, then the gateway is created and its details page shows it", async ({
    page,
    api,
    demo,
    gatewayForm,
    gatewayDetails,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    // 1. Virtual gateway details: the name (client policy defaults stay optional).
    await expect(gatewayForm.stepLink('Virtual gateway details')).toBeVisible();
    await gatewayForm.fill('Virtual gateway name', 'e2e-guide-gateway');
    await gatewayForm.next();
    // 2. Logging: the HTTP access logs path the guide recommends.
    await gatewayForm.expectStep('Logging');
    await gatewayForm.fill('HTTP access logs path', '/dev/stdout', gatewayForm.section('Logging'));
    await gatewayForm.next();
    // 3. Listener: a Protocol and the Port Envoy listens on (the guide's example: http, 9080).
    await gatewayForm.expectStep('Listener');
    await gatewayForm.choose('Protocol', 'http', gatewayForm.section('Listener'));
    await gatewayForm.fill('Port', 9080, gatewayForm.section('Listener'));
    await gatewayForm.next();
    // 4. Review and create.
    await gatewayForm.expectStep('Review and create');
    await expect(gatewayForm.reviewOf('Listener')).toContainText('9080');
    expect(JSON.parse(await gatewayForm.requestJsonText())).toMatchObject({
      virtualGatewayName: 'e2e-guide-gateway',
      spec: { listeners: [{ portMapping: { port: 9080, protocol: 'http' } }] },
    });
    await expect(gatewayForm.createButton).toBeVisible();
    await gatewayForm.createButton.click();

    await expect(page).toHaveURL(/\/virtual-gateways\/e2e-guide-gateway(\?|$)/);
    await gatewayDetails.expectFlash('e2e-guide-gateway');
    await expect(gatewayDetails.value('Port').first()).toHaveText('9080');
    await expect(gatewayDetails.value('HTTP access logs path')).toHaveText('/dev/stdout');
    const stored = await api.getVirtualGateway(demo.mesh, 'e2e-guide-gateway');
    expect(stored.spec).toEqual({
      listeners: [{ portMapping: { port: 9080, protocol: 'http' } }],
      logging: { accessLog: { file: { path: '/dev/stdout' } } },
    });
  });

  test('when the user goes Previous and Next through the steps, then every value is kept and Review still shows it all', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.fillGateway(FULL_GATEWAY);
    const before = JSON.parse(await gatewayForm.requestJsonText());
    expect(before.spec).toEqual(toSpec(FULL_GATEWAY));

    for (const step of ['Listener', 'Logging', 'Virtual gateway details'] as const) {
      await gatewayForm.previous();
      await gatewayForm.expectStep(step);
    }
    await expect(gatewayForm.input('Virtual gateway name').first()).toHaveValue(FULL_GATEWAY.name);
    const cp = gatewayForm.section('Client policy defaults');
    await expect(gatewayForm.input('Ports', cp).first()).toHaveValue('443, 8443');
    await gatewayForm.nextTo('Listener');
    await expect(gatewayForm.input('Health check interval', gatewayForm.section('Health check')).first()).toHaveValue(
      '10000',
    );
    await gatewayForm.nextTo('Review and create');
    expect(JSON.parse(await gatewayForm.requestJsonText())).toEqual(before);

    // Edit on Review and create opens the step; the values are still there.
    await gatewayForm.editStep('Logging');
    await expect(gatewayForm.input('HTTP access logs path', gatewayForm.section('Logging')).first()).toHaveValue(
      '/dev/stdout',
    );
  });

  test('when a second listener is imported, then the form keeps the first and says why: one port and protocol per gateway', async ({
    demo,
    gatewayForm,
  }) => {
    await gatewayForm.gotoCreate(demo.mesh);
    await gatewayForm.importJson(
      JSON.stringify({
        spec: {
          listeners: [
            { portMapping: { port: 8080, protocol: 'http' } },
            { portMapping: { port: 8443, protocol: 'http2' } },
          ],
        },
      }),
    );
    await expect(gatewayForm.importResult).toContainText('spec.listeners.1.portMapping.port');
    await expect(gatewayForm.importResult).toContainText(
      'meshconsole follows the App Mesh console guide, one port and protocol per virtual gateway. Create another virtual gateway for another port or protocol.',
    );
  });
});
