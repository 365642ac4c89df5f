import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';

export interface DeleteGatewayRouteModalProps {
  /** The route to delete; `null` hides the modal. */
  routeName: string | null;
  onDismiss: () => void;
  onConfirm: (routeName: string) => void;
}

/** Cloudscape "delete with simple confirmation": the name in bold, an info alert, Cancel / Delete. */
export function DeleteGatewayRouteModal({ routeName, onDismiss, onConfirm }: DeleteGatewayRouteModalProps) {
  return (
    <Modal
      visible={routeName !== null}
      onDismiss={onDismiss}
      header="Delete gateway route"
      closeAriaLabel="Close dialog"
      data-testid="delete-gateway-route-modal"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {[
              <Button key="cancel" variant="link" onClick={onDismiss}>
                Cancel
              </Button>,
              <Button
                key="delete"
                variant="primary"
                data-testid="confirm-delete"
                onClick={() => routeName !== null && onConfirm(routeName)}
              >
                Delete
              </Button>,
            ]}
          </SpaceBetween>
        </Box>
      }
    >
      {routeName !== null ? (
        <SpaceBetween size="m">
          {[
            <Box key="question" variant="span">
              Permanently delete gateway route{' '}
              <Box variant="span" fontWeight="bold">
                {routeName}
              </Box>
              ? You can't undo this action.
            </Box>,
            <Alert key="info" type="info" statusIconAriaLabel="Info">
              Requests that this route matches stop reaching its virtual service once it is deleted. Other gateway
              routes of the virtual gateway keep working.
            </Alert>,
          ]}
        </SpaceBetween>
      ) : null}
    </Modal>
  );
}
