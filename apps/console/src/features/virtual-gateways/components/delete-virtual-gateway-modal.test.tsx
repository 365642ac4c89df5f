import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { eventually, renderWithApp, startFakeConsoleApi } from '../../../test/render';
import { seedGateways, seedRoute, seedService } from '../../../test/seed';
import { DeleteVirtualGatewayModal } from './delete-virtual-gateway-modal';

const OTHER = '111122223333';

async function renderModal(opts: { routes: string[]; resourceOwner?: string }) {
  const api = await startFakeConsoleApi();
  await seedGateways(api, ['gw-1']);
  if (opts.routes.length > 0) await seedService(api, 'svc.demo.local');
  for (const name of opts.routes) await seedRoute(api, 'gw-1', name, `/${name}`, 'svc.demo.local');
  const onConfirm = vi.fn();
  const onDeletedWithRoutes = vi.fn();
  renderWithApp(
    <DeleteVirtualGatewayModal
      mesh="demo-mesh"
      meshOwner={undefined}
      gateway={{ name: 'gw-1', resourceOwner: opts.resourceOwner ?? api.accountId }}
      callerAccountId={api.accountId}
      onDismiss={() => {}}
      onConfirm={onConfirm}
      onDeletedWithRoutes={onDeletedWithRoutes}
    />,
    { path: '/meshes/demo-mesh/virtual-gateways', pattern: '/meshes/:mesh/virtual-gateways' },
  );
  const modal = () => createWrapper(document.body).findModal('[data-testid="delete-virtual-gateway-modal"]')!;
  const deleteButton = () => modal().findFooter()!.findButton('[data-testid="confirm-delete"]');
  return { api, modal, deleteButton, onConfirm, onDeletedWithRoutes };
}

describe('delete virtual gateway modal', () => {
  it('when the gateway has no routes, then Delete stays disabled until "delete" is typed', async () => {
    const m = await renderModal({ routes: [] });
    expect(m.modal().findHeader().getElement().textContent).toBe('Delete virtual gateway');
    await eventually(() =>
      expect(m.modal().findContent().findInput()!.findNativeInput().getElement().disabled).toBe(false),
    );
    expect(m.modal().findContent().getElement().querySelector('b')?.textContent).toBe('gw-1');
    expect(m.deleteButton()!.isDisabled()).toBe(true);

    const input = m.modal().findContent().findInput()!;
    input.setInputValue('delet');
    expect(m.deleteButton()!.isDisabled()).toBe(true);
    input.setInputValue('delete');
    expect(m.deleteButton()!.isDisabled()).toBe(false);
    m.deleteButton()!.click();
    expect(m.onConfirm).toHaveBeenCalledWith('gw-1');
  });

  it('when the gateway has gateway routes, then the modal lists them as links and offers no plain Delete', async () => {
    const m = await renderModal({ routes: ['to-svc-a', 'to-svc-b'] });
    const blocked = await screen.findByTestId('delete-blocked-by-routes');
    const links = Array.from(blocked.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['to-svc-a', '/meshes/demo-mesh/virtual-gateways/gw-1/gateway-routes/to-svc-a'],
      ['to-svc-b', '/meshes/demo-mesh/virtual-gateways/gw-1/gateway-routes/to-svc-b'],
    ]);
    expect(m.deleteButton()).toBeNull();
  });

  it('when the gateway has three routes, then Delete with gateway routes shows the plan and, after "delete", deletes all four', async () => {
    const m = await renderModal({ routes: ['r1', 'r2', 'r3'] });
    const steps = await screen.findByTestId('delete-plan-steps');
    await eventually(() =>
      expect(Array.from(steps.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual([
        'Gateway route r1',
        'Gateway route r2',
        'Gateway route r3',
        'Virtual gateway gw-1',
      ]),
    );
    const withRoutes = () => m.modal().findFooter()!.findButton('[data-testid="confirm-delete-with-routes"]')!;
    expect(withRoutes().getElement().textContent).toBe('Delete with gateway routes');
    expect(withRoutes().isDisabled()).toBe(true);
    m.modal().findContent().findInput()!.setInputValue('delete');
    await eventually(() => expect(withRoutes().isDisabled()).toBe(false));
    withRoutes().click();
    await eventually(() => expect(m.onDeletedWithRoutes).toHaveBeenCalledWith('gw-1'));
    const run = m.api.requests.find((r) => r.method === 'POST' && r.path.endsWith('/delete-plan'));
    expect((run?.body as { expect?: string[] } | undefined)?.expect).toHaveLength(4);
    expect(run?.csrf).toBe('1');
    expect((await m.api.mesh.listVirtualGateways({ meshName: 'demo-mesh' })).virtualGateways).toEqual([]);
    expect(m.onConfirm).not.toHaveBeenCalled();
  });

  it('when the plan changed since it was shown, then nothing is deleted and the new plan is shown to confirm', async () => {
    const m = await renderModal({ routes: ['r1'] });
    await screen.findByTestId('delete-plan-steps');
    // The gateway route is deleted behind the console's back with a new one added: the plan changed.
    await m.api.mesh.createGatewayRoute({
      meshName: 'demo-mesh',
      virtualGatewayName: 'gw-1',
      gatewayRouteName: 'sneaky',
      spec: {
        httpRoute: {
          match: { prefix: '/s' },
          action: { target: { virtualService: { virtualServiceName: 'svc.demo.local' } } },
        },
      },
    });
    m.modal().findContent().findInput()!.setInputValue('delete');
    const withRoutes = () => m.modal().findFooter()!.findButton('[data-testid="confirm-delete-with-routes"]')!;
    await eventually(() => expect(withRoutes().isDisabled()).toBe(false));
    withRoutes().click();
    await eventually(() => expect(document.body.textContent).toContain('Nothing was deleted'));
    expect(m.onDeletedWithRoutes).not.toHaveBeenCalled();
    expect(
      (await m.api.mesh.listGatewayRoutes({ meshName: 'demo-mesh', virtualGatewayName: 'gw-1' })).gatewayRoutes,
    ).toHaveLength(2);
    // The plan shown again includes the new route; a second confirmation deletes everything.
    await eventually(() => expect(screen.getByTestId('delete-plan-steps').textContent).toContain('sneaky'));
    withRoutes().click();
    await eventually(() => expect(m.onDeletedWithRoutes).toHaveBeenCalledWith('gw-1'));
  });

  it('when the caller is not the resource owner, then Delete is disabled and the reason is shown', async () => {
    const m = await renderModal({ routes: [], resourceOwner: OTHER });
    const reason = await screen.findByTestId('delete-blocked-by-owner');
    expect(reason.textContent).toContain(`Only the resource owner (account ${OTHER}) can delete this virtual gateway.`);
    m.modal().findContent().findInput()!.setInputValue('delete');
    expect(m.deleteButton()!.isDisabled()).toBe(true);
  });
});
