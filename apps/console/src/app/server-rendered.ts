import type { RouteId } from '../lib/routes';

/**
 * The pages the server renders on a first load (entry-server.tsx): those that show data and take no
 * typing. A form is left to the browser, so that what is typed before its code has run is never lost.
 * The build marks them in `dist/route-preloads.json` (`render: true`), which the BFF reads.
 */
export const SERVER_RENDERED: readonly RouteId[] = [
  'meshes',
  'virtualGateways',
  'virtualGateway',
  'gatewayRoute',
  'virtualServices',
  'virtualNodes',
  'virtualNode',
  'virtualRouters',
  'virtualRouter',
];
