import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { lazy, Suspense } from 'react';

export interface DeployPanelProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
}

// The code views and the options form load only when the Deploy tab opens, so the details page stays light.
const DeployPanelContent = lazy(() => import('./deploy-panel-content'));

/** Deploy tab of the virtual gateway details page: generated bundles that run the gateway's Envoy. */
export function DeployPanel(props: DeployPanelProps) {
  return (
    <Suspense
      fallback={
        <Box textAlign="center">
          <StatusIndicator type="loading">Loading the Deploy tab</StatusIndicator>
        </Box>
      }
    >
      <DeployPanelContent {...props} />
    </Suspense>
  );
}
