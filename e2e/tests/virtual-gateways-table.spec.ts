import { expect, test } from '../fixtures/test';

test.describe('Virtual gateways table', () => {
  test('when the table is filtered, then the rows and the counter follow, and clearing the filter brings them back', async ({
    demo,
    gatewaysList,
  }) => {
    await gatewaysList.goto(demo.mesh);
    await expect(gatewaysList.counter).toHaveText('(2)');
    await expect(gatewaysList.row(demo.gatewayWithRoutes)).toHaveCount(1);
    await expect(gatewaysList.row(demo.gatewayWithoutRoutes)).toHaveCount(1);

    await gatewaysList.filter(demo.gatewayWithoutRoutes);
    await expect(gatewaysList.row(demo.gatewayWithoutRoutes)).toHaveCount(1);
    await expect(gatewaysList.row(demo.gatewayWithRoutes)).toHaveCount(0);

    await gatewaysList.filter('no-gateway-is-called-this');
    await expect(gatewaysList.row(demo.gatewayWithRoutes)).toHaveCount(0);
    await expect(gatewaysList.row(demo.gatewayWithoutRoutes)).toHaveCount(0);
    await gatewaysList.action('Clear filter').first().click();
    await expect(gatewaysList.filterInput).toHaveValue('');
    await expect(gatewaysList.row(demo.gatewayWithRoutes)).toHaveCount(1);

    // Selecting a row puts it in the counter and enables the single-row actions.
    await gatewaysList.select(demo.gatewayWithRoutes);
    await expect(gatewaysList.counter).toHaveText('(1/2)');
    await expect(gatewaysList.viewDetailsButton).toBeEnabled();
    await gatewaysList.viewDetailsButton.click();
    await expect(gatewaysList.heading(demo.gatewayWithRoutes)).toBeVisible();
  });

  test('when a column is hidden in Preferences, then it stays hidden after a reload (kept per browser)', async ({
    page,
    demo,
    gatewaysList,
  }) => {
    await gatewaysList.goto(demo.mesh);
    expect(await gatewaysList.columnHeaders()).toContain('Last updated');
    await gatewaysList.setColumnVisible('Last updated', false);
    await expect(gatewaysList.table.getByRole('columnheader', { name: 'Last updated' })).toHaveCount(0);

    await page.reload();
    await expect(gatewaysList.row(demo.gatewayWithRoutes)).toHaveCount(1);
    await expect(gatewaysList.table.getByRole('columnheader', { name: 'Last updated' })).toHaveCount(0);
    expect(await gatewaysList.columnHeaders()).toContain('Name');
  });

  test('when a mesh has no virtual gateways, then the table says so and offers Create virtual gateway', async ({
    page,
    api,
    gatewaysList,
  }) => {
    await api.createMesh('e2e-empty-mesh');
    await gatewaysList.goto('e2e-empty-mesh');
    await expect(gatewaysList.table.getByText('No virtual gateways', { exact: true })).toBeVisible();
    await gatewaysList.action('Create virtual gateway', gatewaysList.table).first().click();
    await expect(page).toHaveURL(/\/meshes\/e2e-empty-mesh\/virtual-gateways\/create(\?|$)/);
  });
});
