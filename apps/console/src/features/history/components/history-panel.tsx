import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { lazy, Suspense } from 'react';
import type { HistoryPanelProps } from './history-panel-content';

export type { HistoryPanelProps } from './history-panel-content';

// The versions table, the diff and the restore confirmation load only when the history is shown, so the
// details pages stay within their budgets.
const HistoryPanelContent = lazy(() => import('./history-panel-content'));

/** A resource's history: its versions, a diff between any two, and Restore this version. */
export function HistoryPanel(props: HistoryPanelProps) {
  return (
    <Suspense
      fallback={
        <Box textAlign="center">
          <StatusIndicator type="loading">Loading the history</StatusIndicator>
        </Box>
      }
    >
      <HistoryPanelContent {...props} />
    </Suspense>
  );
}
