// The virtual node and virtual router pages, and the virtual services' providers, in the whole console
// (shell, route table, loaders) over the fake console API (the real engine).
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { describeCliJson } from '@meshconsole/model';
import { act, configure } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeConsoleApi } from '../../../test/fake-console-api';
import { eventually, renderConsole, startFakeConsoleApi } from '../../../test/render';

configure({ getElementError: (message) => new Error(message ?? 'Element not found') });

const MESH = 'demo-mesh';
const LISTENER = { portMapping: { port: 8080, protocol: 'http' as const } };

async function nodesApi(): Promise<FakeConsoleApi> {
  const api = await startFakeConsoleApi();
  for (const name of ['catalog-v1', 'catalog-v2']) {
    await api.mesh.createVirtualNode({
      meshName: MESH,
      virtualNodeName: name,
      spec: {
        listeners: [LISTENER],
        serviceDiscovery: { dns: { hostname: `${name}.demo.local` } },
        logging: { accessLog: { file: { path: '/dev/stdout' } } },
      },
    });
  }
  await api.mesh.createVirtualRouter({
    meshName: MESH,
    virtualRouterName: 'catalog-router',
    spec: { listeners: [LISTENER] },
  });
  await api.mesh.createRoute({
    meshName: MESH,
    virtualRouterName: 'catalog-router',
    routeName: 'catalog-split',
    spec: {
      priority: 1,
      httpRoute: {
        match: { prefix: '/' },
        action: {
          weightedTargets: [
            { virtualNode: 'catalog-v1', weight: 80 },
            { virtualNode: 'catalog-v2', weight: 20 },
          ],
        },
      },
    },
  });
  return api;
}

const body = () => createWrapper(document.body);
/** A CodeView's text: one table row per line (as the Playwright kit's codeViewText reads it). */
function codeText(root: Element | undefined): string {
  const rows = [...(root?.querySelectorAll('tbody tr') ?? [])];
  return rows.map((row) => (row.lastElementChild?.textContent ?? '').replace(/\n$/, '')).join('\n');
}
const text = (el: { getElement(): Element } | null | undefined) => el?.getElement().textContent ?? '';

describe('virtual nodes and virtual routers', () => {
  it('when a virtual node is opened from the mesh navigation and its JSON tab shown, then the JSON is what the CLI prints for the API answer', async () => {
    const api = await nodesApi();
    const { router } = renderConsole(`/meshes/${MESH}/virtual-gateways`);
    await eventually(() =>
      expect(body().findSideNavigation()?.findLinkByHref(`/meshes/${MESH}/virtual-nodes`)).toBeTruthy(),
    );
    act(() => body().findSideNavigation()!.findLinkByHref(`/meshes/${MESH}/virtual-nodes`)!.click());
    const table = () => body().findTable('[data-testid="virtual-nodes-table"]')!;
    await eventually(() => expect(table().findRows()).toHaveLength(2), 8000);
    expect(text(table().findBodyCell(1, 2))).toBe('DNS catalog-v1.demo.local');
    expect(text(table().findBodyCell(1, 3))).toBe('http:8080');

    act(() => table().findBodyCell(1, 1)!.findLink()!.click());
    await eventually(() => expect(body().findTabs()?.findTabLinkByIndex(2)).toBeTruthy(), 8000);
    expect(router.state.location.pathname).toBe(`/meshes/${MESH}/virtual-nodes/catalog-v1`);
    expect(text(body().find('[data-testid="dns-hostname"]'))).toBe('catalog-v1.demo.local');
    expect(text(body().find('[data-testid="access-log-path"]'))).toBe('/dev/stdout');
    act(() => body().findTabs()!.findTabLinkByIndex(2)!.click());
    const described = (await api.mesh.describeVirtualNode({ meshName: MESH, virtualNodeName: 'catalog-v1' }))
      .virtualNode;
    await eventually(() =>
      expect(body().find('[data-testid="describe-json"]')?.getElement().textContent).toContain('"virtualNode": {'),
    );
    expect(codeText(body().find('[data-testid="describe-json"]')?.getElement())).toBe(
      describeCliJson('virtualNode', described),
    );
  });

  it('when a virtual router is opened, then its route shows the weights and the target links to the node', async () => {
    const api = await nodesApi();
    const { router } = renderConsole(`/meshes/${MESH}/virtual-routers/catalog-router`);
    const routes = () => body().findTable('[data-testid="routes-table"]')!;
    await eventually(() => expect(routes().findRows()).toHaveLength(1), 8000);
    expect(text(routes().findBodyCell(1, 1))).toBe('catalog-split');
    expect(text(routes().findBodyCell(1, 2))).toBe('HTTP');
    expect(text(routes().findBodyCell(1, 4))).toBe('prefix /');
    const targets = routes().findBodyCell(1, 5)!.findAll('[data-testid="weighted-target"]').map(text);
    expect(targets).toEqual(['catalog-v1 (weight 80, 80%)', 'catalog-v2 (weight 20, 20%)']);

    const described = (
      await api.mesh.describeRoute({ meshName: MESH, virtualRouterName: 'catalog-router', routeName: 'catalog-split' })
    ).route;
    const section = body().find('[data-testid="route-json-catalog-split"]')!.findExpandableSection()!;
    act(() => section.findExpandButton().click());
    await eventually(() =>
      expect(codeText(section.findContent().getElement())).toBe(describeCliJson('route', described)),
    );

    act(() => routes().findBodyCell(1, 5)!.findLink()!.click());
    await eventually(() => expect(router.state.location.pathname).toBe(`/meshes/${MESH}/virtual-nodes/catalog-v1`));
  });

  it('when a virtual service is created with a router provider, then the request names it and the row links to the router', async () => {
    const api = await nodesApi();
    const { router } = renderConsole(`/meshes/${MESH}/virtual-services`);
    const table = () => body().findTable('[data-testid="virtual-services-table"]')!;
    await eventually(() => expect(table()).toBeTruthy(), 8000);
    await eventually(() =>
      expect(
        body()
          .findAllButtons()
          .find((b) => text(b) === 'Create virtual service'),
      ).toBeTruthy(),
    );
    act(() =>
      body()
        .findAllButtons()
        .find((b) => text(b) === 'Create virtual service')!
        .click(),
    );
    const modal = body().findModal('[data-testid="create-virtual-service-modal"]')!;
    act(() => modal.findContent().findInput()!.setInputValue('catalog.demo.local'));
    act(() => modal.findContent().findRadioGroup()!.findInputByValue('virtualRouter')!.click());
    const select = () => modal.findContent().findSelect()!;
    await eventually(() => expect(select()).toBeTruthy());
    act(() => select().openDropdown());
    await eventually(() => expect(select().findDropdown().findOptions().map(text)).toEqual(['catalog-router']));
    act(() => select().selectOptionByValue('catalog-router'));
    await act(async () => modal.findContent().findForm()!.findActions()!.findButton('[type="submit"]')!.click());

    await eventually(() => expect(table().findRows()).toHaveLength(1));
    const posted = api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/virtual-services'));
    expect(posted.map((r) => r.body)).toEqual([
      {
        virtualServiceName: 'catalog.demo.local',
        spec: { provider: { virtualRouter: { virtualRouterName: 'catalog-router' } } },
      },
    ]);
    const link = table().findBodyCell(1, 3)!.findLink()!;
    expect(text(link)).toBe('Virtual router catalog-router');
    act(() => link.click());
    await eventually(() =>
      expect(router.state.location.pathname).toBe(`/meshes/${MESH}/virtual-routers/catalog-router`),
    );
  });
});
