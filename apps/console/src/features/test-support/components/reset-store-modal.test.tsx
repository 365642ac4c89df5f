import createWrapper from '@cloudscape-design/components/test-utils/dom';
import type { Session } from '@meshconsole/model';
import { describe, expect, it, vi } from 'vitest';
import { eventually, renderWithApp, startFakeConsoleApi } from '../../../test/render';
import ResetStoreModal from './reset-store-modal';

const base = { accountId: '123456789012', region: 'us-west-2', backend: 'local' } as const;

/** The modal over the fake console API (real engine); `refuse` answers the reset with that error instead. */
async function renderModal(session: Session, refuse?: { status: number; code: string; message: string }) {
  const api = await startFakeConsoleApi();
  if (refuse) api.failNext('POST', '/api/admin/reset', { code: refuse.code, message: refuse.message }, refuse.status);
  const resets = () => api.requests.filter((r) => r.path === '/api/admin/reset');
  const onDismiss = vi.fn();
  const view = renderWithApp(<ResetStoreModal session={session} onDismiss={onDismiss} />, {
    path: '/meshes/demo-mesh/virtual-gateways',
    pattern: '/meshes/:mesh/virtual-gateways',
  });
  const modal = () => createWrapper(document.body).findModal('[data-testid="reset-store-modal"]')!;
  const button = (text: string) =>
    modal()
      .findFooter()!
      .findAllButtons()
      .find((b) => b.getElement().textContent === text);
  return { modal, button, api, resets, onDismiss, ...view };
}

describe('reset demo data modal', () => {
  it('when the server does not allow reset, then the modal says why and offers only Close', async () => {
    const reason =
      'The test-support endpoints are off: this server listens on 0.0.0.0, beyond this machine. Start it with ADMIN_API=on to allow them.';
    const { modal, button, resets } = await renderModal({
      ...base,
      testSupport: { enabled: false, signatureRequired: false, reason },
    });
    const alert = modal().findContent().findAlert()!;
    expect(alert.findHeader()!.getElement().textContent).toBe('Reset is not allowed on this server');
    expect(alert.findContent().getElement().textContent).toBe(reason);
    expect(button('Reset')).toBeUndefined();
    expect(button('Close')).toBeDefined();
    expect(resets()).toEqual([]);
  });

  it('when reset is allowed without a signature, then Reset posts the chosen seed and goes to the meshes', async () => {
    const { modal, button, api, resets, onDismiss, router } = await renderModal({
      ...base,
      testSupport: { enabled: true, signatureRequired: false },
    });
    modal().findContent().findRadioGroup()!.findInputByValue('none')!.click();
    button('Reset')!.click();
    await eventually(() => expect(onDismiss).toHaveBeenCalled());
    expect(resets()).toHaveLength(1);
    expect(resets()[0]?.body).toEqual({ seed: 'none' });
    expect(resets()[0]?.headers).not.toHaveProperty('authorization');
    expect(router.state.location.pathname).toBe('/meshes');
    // The engine was reset with no seed: the demo mesh the test started with is gone.
    expect((await api.mesh.listMeshPage({})).items).toEqual([]);
  });

  it('when the server requires a signature, then the request is signed with the key given and the secret is not sent', async () => {
    const { modal, button, resets, onDismiss } = await renderModal({
      ...base,
      testSupport: { enabled: true, signatureRequired: true },
    });
    const inputs = modal().findContent().findAllInputs();
    expect(inputs).toHaveLength(2);
    button('Reset')!.click();
    await eventually(() =>
      expect(modal().findContent().getElement().textContent).toContain(
        'Access key ID and Secret access key are required to sign the reset.',
      ),
    );
    expect(resets()).toEqual([]);
    inputs[0]!.setInputValue('AKIDADMIN');
    inputs[1]!.setInputValue('admin-secret');
    button('Reset')!.click();
    await eventually(() => expect(onDismiss).toHaveBeenCalled());
    const sent = resets()[0]!;
    expect(sent.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDADMIN\/\d{8}\/us-west-2\/meshconsole\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.stringify(sent)).not.toContain('admin-secret');
  });

  it('when the server refuses the signed reset, then its message is shown in the modal and it stays open', async () => {
    const message =
      'Access key AKIDUSER may not use the test-support endpoints: list a key with a secret in ADMIN_KEYS and sign with it.';
    const { modal, button, onDismiss } = await renderModal(
      { ...base, testSupport: { enabled: true, signatureRequired: true } },
      { status: 403, code: 'ForbiddenException', message },
    );
    const inputs = modal().findContent().findAllInputs();
    inputs[0]!.setInputValue('AKIDUSER');
    inputs[1]!.setInputValue('user-secret');
    button('Reset')!.click();
    await eventually(() => expect(modal().findContent().getElement().textContent).toContain(message));
    expect(onDismiss).not.toHaveBeenCalled();
  });
});
