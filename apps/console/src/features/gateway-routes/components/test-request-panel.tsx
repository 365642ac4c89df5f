import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { VirtualGatewayPortProtocol } from '@meshconsole/model';
import { lazy, Suspense } from 'react';

export interface TestRequestPanelProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
  /** The gateway listener's protocol: an http or http2 gateway takes paths, a grpc one service names. */
  protocol: VirtualGatewayPortProtocol;
}

// The request form and the answer load only when the Test request tab opens, so the details page stays light.
const TestRequestPanelContent = lazy(() => import('./test-request-panel-content'));

/** Test request tab of the virtual gateway details page: which gateway route takes a request, and what is forwarded. */
export function TestRequestPanel(props: TestRequestPanelProps) {
  return (
    <Suspense
      fallback={
        <Box textAlign="center">
          <StatusIndicator type="loading">Loading the Test request tab</StatusIndicator>
        </Box>
      }
    >
      <TestRequestPanelContent {...props} />
    </Suspense>
  );
}
