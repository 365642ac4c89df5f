import { type Crumb, meshCrumbs } from '../../../components/app-shell';
import { links } from '../../../lib/links';

/** AWS App Mesh > Meshes > mesh > Virtual gateways > gateway > ...rest */
export function gatewayRouteCrumbs(mesh: string, meshOwner: string | undefined, gatewayName: string, ...rest: Crumb[]) {
  return meshCrumbs(
    mesh,
    meshOwner,
    { text: 'Virtual gateways', href: links.virtualGateways(mesh, meshOwner) },
    { text: gatewayName, href: links.virtualGateway(mesh, meshOwner, gatewayName) },
    ...rest,
  );
}
