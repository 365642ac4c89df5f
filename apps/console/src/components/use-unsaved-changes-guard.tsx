import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { type ReactNode, type RefObject, useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a form with unsaved changes: a modal for in-app navigation, the browser's own
 * prompt (beforeunload) for reloads, closing the tab and external links. Every form uses this one.
 * `leaving` is read at navigation time: set it before navigating away after a successful save, so
 * that leaving then doesn't ask. Returns the modal to render.
 */
export function useUnsavedChangesGuard(dirty: boolean, leaving: RefObject<boolean>): ReactNode {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, leaving]);

  return (
    <Modal
      visible={blocker.state === 'blocked'}
      header="Leave page?"
      closeAriaLabel="Close dialog"
      onDismiss={() => blocker.reset?.()}
      data-testid="unsaved-changes-modal"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {[
              <Button key="stay" variant="link" onClick={() => blocker.reset?.()} data-testid="stay-on-page">
                Cancel
              </Button>,
              <Button key="leave" variant="primary" onClick={() => blocker.proceed?.()} data-testid="leave-page">
                Leave
              </Button>,
            ]}
          </SpaceBetween>
        </Box>
      }
    >
      You have unsaved changes. If you leave this page, your changes are lost.
    </Modal>
  );
}
