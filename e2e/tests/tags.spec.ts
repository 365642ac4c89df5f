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

    const row = gatewayDetails.tagsTable.getByRole('row').filter({ hasText: 'cost-center' });
    await expect(row).toContainText('e2e-42');
    await gatewayDetails.expectFlash(/tag/i);
    const after = await api.listTags(gateway.metadata.arn);
    expect(after).toEqual(expect.arrayContaining([...before, { key: 'cost-center', value: 'e2e-42' }]));
    expect(after).toHaveLength(before.length + 1);
  });
});
