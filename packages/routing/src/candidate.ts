// Route sets that include a route not saved yet: the route form evaluates and checks what it is about to
// create or save, against the gateway's other routes.
import type { VirtualGatewaySpec } from '@meshconsole/model';
import type { GatewayListener, GatewayRouteEntry } from './route-view';

/** The gateway's one listener (a virtual gateway has exactly one). */
export function listenerOf(spec: VirtualGatewaySpec): GatewayListener {
  const listener = spec.listeners[0];
  if (!listener) throw new Error('A virtual gateway has one listener; this spec has none.');
  return { port: listener.portMapping.port, protocol: listener.portMapping.protocol };
}

export interface CandidateOptions {
  /** The saved route the candidate replaces (an edit); without it the candidate is added (a create). */
  replacing?: string;
}

/**
 * `routes` with `candidate` in place of the route it replaces, or added. A saved route with the candidate's
 * own name is replaced too, so a name is never evaluated twice.
 */
export function withCandidate(
  routes: readonly GatewayRouteEntry[],
  candidate: GatewayRouteEntry,
  options: CandidateOptions = {},
): GatewayRouteEntry[] {
  const others = routes.filter(
    (r) => r.gatewayRouteName !== candidate.gatewayRouteName && r.gatewayRouteName !== options.replacing,
  );
  return [...others, candidate];
}
