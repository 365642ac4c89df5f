import type { VirtualGatewayPortProtocol } from '@meshconsole/model';
import { lazyPanel } from '../../../components/lazy-panel';

export interface TestRequestPanelProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
  /** The gateway listener's protocol: an http or http2 gateway takes paths, a grpc one service names. */
  protocol: VirtualGatewayPortProtocol;
}

/**
 * Test request tab of the virtual gateway details page: which gateway route takes a request, and what
 * is forwarded. The request form and the answer load only when the tab opens, so the details page stays light.
 */
export const TestRequestPanel = lazyPanel<TestRequestPanelProps>(
  () => import('./test-request-panel-content'),
  'Loading the Test request tab',
);
