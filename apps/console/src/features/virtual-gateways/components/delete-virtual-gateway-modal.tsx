import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { type ReactElement, useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { links, useFollow } from '../../../lib/links';
import { useGatewayRouteNames } from '../api/list-gateway-route-names';

export const DELETE_CONSENT_WORD = 'delete';

export interface DeleteTarget {
  name: string;
  resourceOwner: string;
}

export interface DeleteVirtualGatewayModalProps {
  mesh: string;
  meshOwner: string | undefined;
  /** The gateway to delete; the modal is visible while this is set. */
  gateway: DeleteTarget | null;
  /** The caller's account; undefined while the session loads. */
  callerAccountId: string | undefined;
  onDismiss: () => void;
  onConfirm: (name: string) => void;
}

/** Why the caller can't delete this gateway, or undefined when they can. */
export function ownerBlockReason(
  resourceOwner: string,
  callerAccountId: string | undefined,
  action: 'delete' | 'edit' = 'delete',
): string | undefined {
  if (callerAccountId === undefined || callerAccountId === resourceOwner) return undefined;
  return `Only the resource owner (account ${resourceOwner}) can ${action} this virtual gateway. You're signed in as account ${callerAccountId}.`;
}

export function DeleteVirtualGatewayModal(props: DeleteVirtualGatewayModalProps) {
  const { gateway, mesh, meshOwner } = props;
  const [typed, setTyped] = useState('');
  const follow = useFollow();
  const routes = useGatewayRouteNames(mesh, meshOwner, gateway?.name ?? '', gateway !== null);

  useEffect(() => {
    setTyped('');
  }, [gateway?.name]);

  if (!gateway) return null;

  const ownerReason = ownerBlockReason(gateway.resourceOwner, props.callerAccountId);
  const routeNames = routes.data ?? [];
  const hasRoutes = routeNames.length > 0;
  const checking = routes.isPending;
  const matches = typed.trim().toLowerCase() === DELETE_CONSENT_WORD;
  const canDelete = !ownerReason && !checking && !routes.isError && !hasRoutes;

  const submit = () => {
    if (canDelete && matches) props.onConfirm(gateway.name);
  };

  const body: ReactElement[] = [];
  if (checking) {
    body.push(
      <Box key="checking">
        <Spinner /> Checking whether {gateway.name} has gateway routes
      </Box>,
    );
  } else if (routes.isError) {
    body.push(
      <Alert
        key="routes-error"
        type="error"
        header="Couldn't check for gateway routes"
        action={<Button onClick={() => routes.refetch()}>Retry</Button>}
      >
        {errorMessage(routes.error)}
      </Alert>,
    );
  } else if (hasRoutes) {
    body.push(
      <Alert
        key="has-routes"
        type="warning"
        header="This virtual gateway has gateway routes"
        data-testid="delete-blocked-by-routes"
      >
        <SpaceBetween size="xs">
          {[
            <Box key="t" variant="p">
              You can't delete <b>{gateway.name}</b> while it has gateway routes. Delete{' '}
              {routeNames.length === 1 ? 'this gateway route' : `these ${routeNames.length} gateway routes`} first:
            </Box>,
            <ul key="l" style={{ margin: 0 }} aria-label="Gateway routes of this virtual gateway">
              {routeNames.map((route) => (
                <li key={route}>
                  <Link href={links.gatewayRoute(mesh, meshOwner, gateway.name, route)} onFollow={follow}>
                    {route}
                  </Link>
                </li>
              ))}
            </ul>,
          ]}
        </SpaceBetween>
      </Alert>,
    );
  }

  if (ownerReason) {
    body.push(
      <Alert
        key="owner"
        type="info"
        header="You can't delete this virtual gateway"
        data-testid="delete-blocked-by-owner"
      >
        {ownerReason}
      </Alert>,
    );
  }

  if (!hasRoutes) {
    body.push(
      <Box key="question" variant="span">
        Permanently delete virtual gateway <b>{gateway.name}</b>? You can't undo this action.
      </Box>,
      <Alert key="warning" type="warning" statusIconAriaLabel="Warning">
        Envoy proxies configured with this virtual gateway lose their configuration, and clients outside the mesh can no
        longer reach the services behind it.
      </Alert>,
      <form
        key="confirm"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormField label={`To confirm this deletion, type "${DELETE_CONSENT_WORD}".`}>
          <Input
            value={typed}
            onChange={({ detail }) => setTyped(detail.value)}
            placeholder={DELETE_CONSENT_WORD}
            disabled={!canDelete}
            ariaRequired
            autoComplete={false}
            data-testid="delete-confirmation-input"
          />
        </FormField>
      </form>,
    );
  }

  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        {[
          <Button key="cancel" variant="link" onClick={props.onDismiss} data-testid="cancel-delete">
            Cancel
          </Button>,
          ...(hasRoutes
            ? []
            : [
                <Button
                  key="delete"
                  variant="primary"
                  disabled={!canDelete || !matches}
                  disabledReason={ownerReason}
                  onClick={submit}
                  data-testid="confirm-delete"
                >
                  Delete
                </Button>,
              ]),
        ]}
      </SpaceBetween>
    </Box>
  );

  return (
    <Modal
      visible
      header="Delete virtual gateway"
      onDismiss={props.onDismiss}
      closeAriaLabel="Close dialog"
      footer={footer}
      data-testid="delete-virtual-gateway-modal"
    >
      <SpaceBetween size="m">{body}</SpaceBetween>
    </Modal>
  );
}
