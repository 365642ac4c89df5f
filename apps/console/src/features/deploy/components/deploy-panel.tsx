import { lazyPanel } from '../../../components/lazy-panel';

export interface DeployPanelProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
}

/**
 * Deploy tab of the virtual gateway details page: generated bundles that run the gateway's Envoy. The
 * code views and the options form load only when the tab opens, so the details page stays light.
 */
export const DeployPanel = lazyPanel<DeployPanelProps>(
  () => import('./deploy-panel-content'),
  'Loading the Deploy tab',
);
