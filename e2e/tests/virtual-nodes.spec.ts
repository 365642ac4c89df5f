import { describeCliJson } from '@meshconsole/model';
import { VirtualNodesPage, VirtualRoutersPage } from '@meshconsole/playwright';
import { DEMO_NODE, DEMO_NODE_2, DEMO_ROUTE, DEMO_ROUTER } from '../fixtures/demo-seed';
import { expect, test } from '../fixtures/test';

test.describe('Virtual nodes and virtual routers', () => {
  test('when a node is opened from the mesh navigation, then the table shows it and its JSON is what the API describes, as the CLI prints it', async ({
    page,
    demo,
    api,
  }) => {
    const nodes = new VirtualNodesPage(page);
    await nodes.open(`/meshes/${encodeURIComponent(demo.mesh)}/virtual-gateways`, nodes.heading(/Virtual gateways/));
    await page.getByRole('navigation').getByRole('link', { name: 'Virtual nodes', exact: true }).click();
    await expect(nodes.table).toBeVisible();
    await expect(nodes.row(DEMO_NODE)).toHaveCount(1);
    await expect(nodes.row(DEMO_NODE_2)).toHaveCount(1);
    const cells = await nodes.rowTexts(DEMO_NODE);
    expect(cells.slice(0, 4)).toEqual([DEMO_NODE, `DNS ${DEMO_NODE}.demo.local`, 'http:8080', 'orders.demo.local']);

    await nodes.openNode(DEMO_NODE);
    await expect(nodes.section('node-service-discovery')).toContainText(`${DEMO_NODE}.demo.local`);
    await expect(nodes.section('node-logging')).toContainText('/dev/stdout');
    const described = await api.describeVirtualNode(demo.mesh, DEMO_NODE);
    expect(await nodes.describeJsonText()).toBe(describeCliJson('virtualNode', described));
  });

  test('when the router is opened, then its route lists the weights, its JSON is describe-route, and a target links to its node', async ({
    page,
    demo,
    api,
  }) => {
    const routers = new VirtualRoutersPage(page);
    await routers.goto(demo.mesh);
    await routers.openRouter(DEMO_ROUTER);
    await expect(routers.routeRow(DEMO_ROUTE)).toHaveCount(1);
    expect(await routers.weightedTargets(DEMO_ROUTE)).toEqual([
      `${DEMO_NODE} (weight 80, 80%)`,
      `${DEMO_NODE_2} (weight 20, 20%)`,
    ]);
    const route = await api.describeRoute(demo.mesh, DEMO_ROUTER, DEMO_ROUTE);
    expect(await routers.routeJsonText(DEMO_ROUTE)).toBe(describeCliJson('route', route));

    await routers.targetLink(DEMO_ROUTE, DEMO_NODE_2).click();
    await expect(routers.heading(DEMO_NODE_2)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/meshes/${demo.mesh}/virtual-nodes/${DEMO_NODE_2}$`));
  });

  test('when a virtual service is created with the router as provider, then its row links to the router', async ({
    page,
    demo,
    api,
  }) => {
    const shell = new VirtualRoutersPage(page);
    await shell.open(`/meshes/${encodeURIComponent(demo.mesh)}/virtual-services`, shell.heading(/Virtual services/));
    await shell.action('Create virtual service').first().click();
    const modal = page.getByRole('dialog', { name: 'Create virtual service' });
    await modal.getByLabel('Virtual service name').fill('catalog-split.demo.local');
    await modal.getByRole('radio', { name: 'Virtual router' }).check();
    await modal.getByRole('button', { name: /Choose a virtual router/ }).click();
    await page.getByRole('option', { name: DEMO_ROUTER }).click();
    await modal.getByRole('button', { name: 'Create virtual service' }).click();
    await expect(modal).toBeHidden();

    const services = await api.listVirtualServices(demo.mesh);
    const created = services.find((s) => s.virtualServiceName === 'catalog-split.demo.local');
    expect(created?.spec).toEqual({ provider: { virtualRouter: { virtualRouterName: DEMO_ROUTER } } });
    const link = page.getByRole('link', { name: `Virtual router ${DEMO_ROUTER}`, exact: true });
    await expect(link).toHaveCount(1);
    await link.click();
    await expect(shell.heading(DEMO_ROUTER)).toBeVisible();
    await expect(shell.routeRow(DEMO_ROUTE)).toHaveCount(1);
  });
});
