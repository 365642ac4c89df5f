import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';

export interface DeleteVirtualServiceModalProps {
  serviceName: string | null;
  onDismiss: () => void;
  onConfirm: (serviceName: string) => void;
}

/** Cloudscape "delete with simple confirmation" for a virtual service. */
export function DeleteVirtualServiceModal({ serviceName, onDismiss, onConfirm }: DeleteVirtualServiceModalProps) {
  return (
    <Modal
      visible={serviceName !== null}
      onDismiss={onDismiss}
      header="Delete virtual service"
      closeAriaLabel="Close dialog"
      data-testid="delete-virtual-service-modal"
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
                onClick={() => serviceName !== null && onConfirm(serviceName)}
              >
                Delete
              </Button>,
            ]}
          </SpaceBetween>
        </Box>
      }
    >
      {serviceName !== null ? (
        <SpaceBetween size="m">
          {[
            <Box key="question" variant="span">
              Permanently delete virtual service{' '}
              <Box variant="span" fontWeight="bold">
                {serviceName}
              </Box>
              ? You can't undo this action.
            </Box>,
            <Alert key="info" type="info" statusIconAriaLabel="Info">
              A virtual service that a gateway route targets can't be deleted. Delete those gateway routes first.
            </Alert>,
          ]}
        </SpaceBetween>
      ) : null}
    </Modal>
  );
}
