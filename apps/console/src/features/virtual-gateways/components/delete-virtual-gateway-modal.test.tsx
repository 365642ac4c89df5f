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
  renderWithApp(
    <DeleteVirtualGatewayModal
      mesh="demo-mesh"
      meshOwner={undefined}
      gateway={{ name: 'gw-1', resourceOwner: opts.resourceOwner ?? api.accountId }}
      callerAccountId={api.accountId}
      onDismiss={() => {}}
      onConfirm={onConfirm}
    />,
    { path: '/meshes/demo-mesh/virtual-gateways', pattern: '/meshes/:mesh/virtual-gateways' },
  );
  const modal = () => createWrapper(document.body).findModal('[data-testid="delete-virtual-gateway-modal"]')!;
  const deleteButton = () => modal().findFooter()!.findButton('[data-testid="confirm-delete"]');
  return { modal, deleteButton, onConfirm };
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

  it('when the gateway has gateway routes, then the modal lists them as links and offers no Delete', async () => {
    const m = await renderModal({ routes: ['to-svc-a', 'to-svc-b'] });
    const blocked = await screen.findByTestId('delete-blocked-by-routes');
    const links = Array.from(blocked.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['to-svc-a', '/meshes/demo-mesh/virtual-gateways/gw-1/gateway-routes/to-svc-a'],
      ['to-svc-b', '/meshes/demo-mesh/virtual-gateways/gw-1/gateway-routes/to-svc-b'],
    ]);
    expect(m.deleteButton()).toBeNull();
    expect(m.modal().findContent().findInput()).toBeNull();
  });

  it('when the caller is not the resource owner, then Delete is disabled and the reason is shown', async () => {
    const m = await renderModal({ routes: [], resourceOwner: OTHER });
    const reason = await screen.findByTestId('delete-blocked-by-owner');
    expect(reason.textContent).toContain(`Only the resource owner (account ${OTHER}) can delete this virtual gateway.`);
    m.modal().findContent().findInput()!.setInputValue('delete');
    expect(m.deleteButton()!.isDisabled()).toBe(true);
  });
});
