import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { routeHref } from './routes';

/**
 * Console URLs, built from the route table (lib/routes). A mesh shared by another account is selected
 * with `?meshOwner=<account>`, and every link inside a mesh carries it so deep links and navigation
 * stay in the same mesh.
 */
type Owner = string | undefined;

export const links = {
  meshes: () => routeHref('meshes', {}),
  virtualGateways: (mesh: string, meshOwner?: Owner) => routeHref('virtualGateways', { mesh }, { meshOwner }),
  createVirtualGateway: (mesh: string, meshOwner?: Owner, step?: string) =>
    routeHref('createVirtualGateway', { mesh }, { meshOwner, step }),
  virtualGateway: (mesh: string, meshOwner: Owner, name: string) =>
    routeHref('virtualGateway', { mesh, name }, { meshOwner }),
  editVirtualGateway: (mesh: string, meshOwner: Owner, name: string) =>
    routeHref('editVirtualGateway', { mesh, name }, { meshOwner }),
  createGatewayRoute: (mesh: string, meshOwner: Owner, gateway: string) =>
    routeHref('createGatewayRoute', { mesh, name: gateway }, { meshOwner }),
  gatewayRoute: (mesh: string, meshOwner: Owner, gateway: string, route: string) =>
    routeHref('gatewayRoute', { mesh, name: gateway, route }, { meshOwner }),
  editGatewayRoute: (mesh: string, meshOwner: Owner, gateway: string, route: string) =>
    routeHref('editGatewayRoute', { mesh, name: gateway, route }, { meshOwner }),
  virtualServices: (mesh: string, meshOwner?: Owner) => routeHref('virtualServices', { mesh }, { meshOwner }),
  virtualNodes: (mesh: string, meshOwner?: Owner) => routeHref('virtualNodes', { mesh }, { meshOwner }),
  virtualNode: (mesh: string, meshOwner: Owner, name: string) =>
    routeHref('virtualNode', { mesh, name }, { meshOwner }),
  virtualRouters: (mesh: string, meshOwner?: Owner) => routeHref('virtualRouters', { mesh }, { meshOwner }),
  virtualRouter: (mesh: string, meshOwner: Owner, name: string, search: { tab?: string } = {}) =>
    routeHref('virtualRouter', { mesh, name }, { meshOwner, ...search }),
};

/** The mesh of the current route: `:mesh` and `?meshOwner=`. */
export function useMeshParams(): { mesh: string; meshOwner: string | undefined } {
  const params = useParams();
  const [search] = useSearchParams();
  return { mesh: params.mesh ?? '', meshOwner: search.get('meshOwner') || undefined };
}

/**
 * Cloudscape links fire `onFollow` for plain left clicks only; this turns them into client-side
 * navigation (modifier clicks keep the browser's behaviour of opening a new tab).
 */
export type FollowEvent = CustomEvent<{ href?: string; external?: boolean }>;

export function useFollow(): (event: FollowEvent) => void {
  const navigate = useNavigate();
  return useCallback(
    (event) => {
      const { href, external } = event.detail;
      if (!href || external) return;
      event.preventDefault();
      navigate(href);
    },
    [navigate],
  );
}
