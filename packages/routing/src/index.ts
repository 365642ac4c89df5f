// @meshconsole/routing: App Mesh gateway route selection and rewrites, pure (no I/O). Which route takes
// a request and what the virtual service receives (`testRequest`), and the route checks (`checkRoutes`).
// Rules and sources: README.md.
export { type CandidateOptions, listenerOf, withCandidate } from './candidate';
export { checkCandidate, checkRoutes, covers } from './checks';
export { describeMatch, evaluate, planRoutes, type RoutePlan, testRequest } from './evaluate';
export { compareRoutes, sortRoutes, whyFirst } from './order';
export { compileRegex, ENVOY_MAX_PROGRAM_SIZE, fullMatch, literalPrefix } from './regex';
export { hostNameOf, parseQuery } from './request';
export { rewritePrefix } from './rewrite';
export {
  DEFAULT_PRIORITY,
  type GatewayListener,
  type GatewayRouteEntry,
  type RouteView,
  routeKeyFor,
  viewOf,
} from './route-view';
export { followService, type RouterRouteEntry, type ServiceContext } from './service-hop';
