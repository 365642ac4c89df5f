import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';

/**
 * Console URLs. A mesh shared by another account is selected with `?meshOwner=<account>`, and every
 * link inside a mesh carries it so deep links and navigation stay in the same mesh.
 */
export function meshHref(mesh: string, meshOwner: string | undefined, ...segments: string[]): string {
  const path = ['/meshes', encodeURIComponent(mesh), ...segments.map((s) => encodeURIComponent(s))].join('/');
  return meshOwner ? `${path}?meshOwner=${encodeURIComponent(meshOwner)}` : path;
}

export const links = {
  meshes: () => '/meshes',
  virtualGateways: (mesh: string, meshOwner?: string) => meshHref(mesh, meshOwner, 'virtual-gateways'),
  createVirtualGateway: (mesh: string, meshOwner?: string) => meshHref(mesh, meshOwner, 'virtual-gateways', 'create'),
  virtualGateway: (mesh: string, meshOwner: string | undefined, name: string) =>
    meshHref(mesh, meshOwner, 'virtual-gateways', name),
  editVirtualGateway: (mesh: string, meshOwner: string | undefined, name: string) =>
    meshHref(mesh, meshOwner, 'virtual-gateways', name, 'edit'),
  createGatewayRoute: (mesh: string, meshOwner: string | undefined, gateway: string) =>
    meshHref(mesh, meshOwner, 'virtual-gateways', gateway, 'gateway-routes', 'create'),
  gatewayRoute: (mesh: string, meshOwner: string | undefined, gateway: string, route: string) =>
    meshHref(mesh, meshOwner, 'virtual-gateways', gateway, 'gateway-routes', route),
  editGatewayRoute: (mesh: string, meshOwner: string | undefined, gateway: string, route: string) =>
    meshHref(mesh, meshOwner, 'virtual-gateways', gateway, 'gateway-routes', route, 'edit'),
  virtualServices: (mesh: string, meshOwner?: string) => meshHref(mesh, meshOwner, 'virtual-services'),
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
