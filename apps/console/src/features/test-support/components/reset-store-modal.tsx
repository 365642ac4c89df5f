import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Session } from '@meshconsole/model';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFlash } from '../../../components/app-shell';
import { errorMessage } from '../../../lib/api-client';
import { links } from '../../../lib/links';
import { resetStore } from '../api/reset-store';
import { canSign } from '../api/sign-request';

export interface ResetStoreModalProps {
  session: Session;
  onDismiss: () => void;
}

/**
 * Reset demo data: erases the local mesh and seeds it again, or leaves it empty. When the server does not allow
 * it, the modal says why and how to allow it; when the server requires a signature, it asks for an ADMIN_KEYS
 * access key and signs the request in the page (docs/security.md, "Test-support endpoints").
 */
export default function ResetStoreModal({ session, onDismiss }: ResetStoreModalProps) {
  const support = session.testSupport ?? { enabled: false, signatureRequired: false };
  const [seed, setSeed] = useState<'demo' | 'none'>('demo');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const flash = useFlash();
  const navigate = useNavigate();

  const submit = async () => {
    if (support.signatureRequired) {
      if (!canSign()) {
        setError(
          'This page cannot sign requests: browsers offer Web Crypto only on HTTPS or localhost. Open the console there, or sign the reset from a script.',
        );
        return;
      }
      if (accessKeyId.trim() === '' || secretAccessKey === '') {
        setError('Access key ID and Secret access key are required to sign the reset.');
        return;
      }
    }
    setBusy(true);
    setError(undefined);
    try {
      await resetStore(
        { seed },
        session,
        support.signatureRequired ? { accessKeyId: accessKeyId.trim(), secretAccessKey } : undefined,
      );
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
      return;
    }
    await queryClient.invalidateQueries();
    flash.push({
      id: 'reset-store',
      type: 'success',
      content: seed === 'demo' ? 'The store was reset to the demo data.' : 'The store was emptied.',
    });
    onDismiss();
    navigate(links.meshes());
  };

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header="Reset demo data"
      closeAriaLabel="Close dialog"
      data-testid="reset-store-modal"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {support.enabled
              ? [
                  <Button key="cancel" variant="link" onClick={onDismiss}>
                    Cancel
                  </Button>,
                  <Button key="reset" variant="primary" loading={busy} onClick={() => void submit()}>
                    Reset
                  </Button>,
                ]
              : [
                  <Button key="close" variant="primary" onClick={onDismiss}>
                    Close
                  </Button>,
                ]}
          </SpaceBetween>
        </Box>
      }
    >
      {support.enabled ? (
        <SpaceBetween size="m">
          <Box variant="p">
            Reset erases the meshes, virtual gateways, gateway routes, virtual services and tags of every account on
            this server. You can't undo this action.
          </Box>
          <FormField label="Start over with">
            <RadioGroup
              value={seed}
              onChange={({ detail }) => setSeed(detail.value === 'none' ? 'none' : 'demo')}
              items={[
                { value: 'demo', label: 'Demo data' },
                { value: 'none', label: 'An empty store' },
              ]}
            />
          </FormField>
          {support.signatureRequired ? (
            <SpaceBetween size="m">
              <Alert type="info" statusIconAriaLabel="Info" header="This server requires a signed request">
                Sign in with an access key listed in ADMIN_KEYS. The secret signs the request in this page; it is never
                sent or stored.
              </Alert>
              <FormField label="Access key ID">
                <Input
                  value={accessKeyId}
                  onChange={({ detail }) => setAccessKeyId(detail.value)}
                  autoComplete={false}
                />
              </FormField>
              <FormField label="Secret access key">
                <Input
                  type="password"
                  value={secretAccessKey}
                  onChange={({ detail }) => setSecretAccessKey(detail.value)}
                  autoComplete={false}
                />
              </FormField>
            </SpaceBetween>
          ) : null}
          {error ? (
            <Alert type="error" statusIconAriaLabel="Error" header="The store was not reset">
              {error}
            </Alert>
          ) : null}
        </SpaceBetween>
      ) : (
        <Alert type="info" statusIconAriaLabel="Info" header="Reset is not allowed on this server">
          {support.reason ?? 'The test-support endpoints are off on this server.'}
        </Alert>
      )}
    </Modal>
  );
}
