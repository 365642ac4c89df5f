import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export interface DeleteSimpleConfirmationModalProps {
  /** What is deleted, in lower case: "gateway route", "virtual service". */
  kind: string;
  /** The name of the resource to delete; `null` hides the modal. */
  name: string | null;
  /** What deleting changes, shown in an info alert. */
  consequence: ReactNode;
  onDismiss: () => void;
  onConfirm: (name: string) => void;
  'data-testid'?: string;
}

/**
 * Cloudscape "delete with simple confirmation": the name in bold, an info alert, Cancel / Delete.
 * (A virtual gateway asks for the typed word instead: its own modal.)
 */
export function DeleteSimpleConfirmationModal({
  kind,
  name,
  consequence,
  onDismiss,
  onConfirm,
  'data-testid': testId,
}: DeleteSimpleConfirmationModalProps) {
  return (
    <Modal
      visible={name !== null}
      onDismiss={onDismiss}
      header={`Delete ${kind}`}
      closeAriaLabel="Close dialog"
      data-testid={testId}
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
                onClick={() => name !== null && onConfirm(name)}
              >
                Delete
              </Button>,
            ]}
          </SpaceBetween>
        </Box>
      }
    >
      {name !== null ? (
        <SpaceBetween size="m">
          {[
            <Box key="question" variant="span">
              Permanently delete {kind}{' '}
              <Box variant="span" fontWeight="bold">
                {name}
              </Box>
              ? You can't undo this action.
            </Box>,
            <Alert key="info" type="info" statusIconAriaLabel="Info">
              {consequence}
            </Alert>,
          ]}
        </SpaceBetween>
      ) : null}
    </Modal>
  );
}
