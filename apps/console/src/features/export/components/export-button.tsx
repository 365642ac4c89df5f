import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { lazy, Suspense, useState } from 'react';
import { PrefetchOnIntent } from '../../../components/prefetch-on-intent';
import type { ExportScope } from '../api/get-export';
import { exportTitle } from './export-title';

// The code views and the tabs load when Export is chosen, so the pages that offer it stay light.
const loadModal = () => import('./export-modal');
const ExportModal = lazy(loadModal);

/**
 * **Export**: the mesh (or one virtual gateway, `virtualGateway`) as Terraform, CloudFormation, App Mesh
 * controller or Gateway API files, in a modal.
 */
export function ExportButton(scope: ExportScope) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <PrefetchOnIntent href={undefined} onIntent={() => void loadModal()}>
        <Button onClick={() => setOpen(true)} data-testid="export">
          Export
        </Button>
      </PrefetchOnIntent>
      {open ? (
        <Suspense
          fallback={
            <Modal visible onDismiss={close} header={exportTitle(scope)} closeAriaLabel="Close dialog" size="max">
              <Box textAlign="center">
                <StatusIndicator type="loading">Loading the export</StatusIndicator>
              </Box>
            </Modal>
          }
        >
          <ExportModal scope={scope} onDismiss={close} />
        </Suspense>
      ) : null}
    </>
  );
}
