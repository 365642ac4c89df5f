import { expect, test } from '../fixtures/test';

test.describe('Tags', () => {
  test('when a tag is added in the Tags tab, then the table shows it and the resource carries it', async ({
    api,
    demo,
    gatewayDetails,
  }) => {
    const gateway = await api.getVirtualGateway(demo.mesh, demo.gatewayWithoutRoutes);
    const before = await api.listTags(gateway.metadata.arn);

    await gatewayDetails.goto(demo.mesh, demo.gatewayWithoutRoutes);
    await gatewayDetails.addTag('cost-center', 'e2e-42');

    await expect(gatewayDetails.tagRow('cost-center')).toContainText('e2e-42');
    await gatewayDetails.expectFlash(/tag/i);
    const after = await api.listTags(gateway.metadata.arn);
    expect(after).toEqual(expect.arrayContaining([...before, { key: 'cost-center', value: 'e2e-42' }]));
    expect(after).toHaveLength(before.length + 1);
  });

  test('when a tag is added on a gateway route page, then its Tags table shows it and the route carries it', async ({
    api,
    demo,
    routeDetails,
  }) => {
    const route = (await api.listGatewayRoutes(demo.mesh, demo.gatewayWithRoutes)).find(
      (r) => r.gatewayRouteName === demo.route,
    );
    if (!route) throw new Error(`no gateway route ${demo.route}`);

    await routeDetails.goto(demo.mesh, demo.gatewayWithRoutes, demo.route);
    await routeDetails.addTag('owner', 'e2e-team');

    await expect(routeDetails.tagRow('owner')).toContainText('e2e-team');
    expect(await api.listTags(route.metadata.arn)).toContainEqual({ key: 'owner', value: 'e2e-team' });
  });
});
