// Beyond the gateway: the virtual service a gateway route targets, what provides it, and for a virtual
// router, which of its routes takes the forwarded request and the weighted virtual nodes it reaches.
// Route order: lowest priority value first (0 is the highest priority; a route without one comes after
// every route with one), then by name; the first route whose match holds takes the request.
import type { RouteSpec, ServiceHop, TestRequest, TestRequestAnswer, VirtualServiceSpec } from '@meshconsole/model';
import { fieldMatches, pathMatches } from './conditions';
import { type GatewayRequest, gatewayRequest } from './request';
import { fieldConditions, type PathCondition } from './route-view';

export interface RouterRouteEntry {
  routeName: string;
  spec: RouteSpec;
}

/** What the mesh says about the target: its spec (undefined when it does not exist) and its router's routes. */
export interface ServiceContext {
  virtualServiceName: string;
  spec: VirtualServiceSpec | undefined;
  routes: readonly RouterRouteEntry[];
}

const UNSET_PRIORITY = 1001;

/** Why the route does not take the request (empty: it does). */
function misses(spec: RouteSpec, request: GatewayRequest): string[] {
  const out: string[] = [];
  const http = spec.httpRoute ?? spec.http2Route;
  if (http) {
    if (request.grpc) return ['it is an HTTP route and the request is gRPC'];
    const m = http.match;
    const path: PathCondition =
      m.prefix !== undefined
        ? { kind: 'prefix', value: m.prefix }
        : m.path?.exact !== undefined
          ? { kind: 'exact', value: m.path.exact }
          : m.path?.regex !== undefined
            ? { kind: 'regex', value: m.path.regex }
            : { kind: 'any' };
    if (!pathMatches(path, request))
      out.push(
        `the path ${request.path} does not match ${path.kind === 'any' ? 'its path' : `${path.kind} ${JSON.stringify((path as { value: string }).value)}`}`,
      );
    if (m.method !== undefined && m.method !== request.method) out.push(`the method is not ${m.method}`);
    for (const condition of fieldConditions(m.headers, 'match.headers')) {
      if (!fieldMatches(condition, request.fields.get(condition.name)))
        out.push(`header ${condition.name} does not match`);
    }
    for (const q of m.queryParameters ?? []) {
      const value = request.query.get(q.name);
      if (value === undefined || (q.match?.exact !== undefined && value !== q.match.exact))
        out.push(`query parameter ${q.name} does not match`);
    }
    return out;
  }
  if (spec.grpcRoute) {
    if (!request.grpc) return ['it is a gRPC route and the request is HTTP'];
    const m = spec.grpcRoute.match;
    const [, service = '', method = ''] = request.fullPath.split('/');
    if (m.serviceName !== undefined && m.serviceName !== service) out.push(`the service is not ${m.serviceName}`);
    if (m.methodName !== undefined && m.methodName !== method) out.push(`the method is not ${m.methodName}`);
    for (const condition of fieldConditions(m.metadata, 'match.metadata')) {
      if (!fieldMatches(condition, request.fields.get(condition.name)))
        out.push(`metadata ${condition.name} does not match`);
    }
    return out;
  }
  return []; // a tcp route takes every connection
}

function targetsOf(spec: RouteSpec) {
  const route = spec.httpRoute ?? spec.http2Route ?? spec.grpcRoute ?? spec.tcpRoute;
  const targets = route?.action.weightedTargets ?? [];
  const total = targets.reduce((sum, t) => sum + t.weight, 0);
  return targets.map((t) => ({
    virtualNode: t.virtualNode,
    weight: t.weight,
    percent: total === 0 ? 0 : Math.round((t.weight / total) * 10000) / 100,
  }));
}

/** The hop from the gateway's answer on: follows the target to its provider (pure; the caller reads the mesh). */
export function followService(answer: TestRequestAnswer, input: TestRequest, context: ServiceContext): ServiceHop {
  const virtualServiceName = context.virtualServiceName;
  const provider = context.spec?.provider;
  if (!context.spec) {
    return {
      virtualServiceName,
      provider: 'none',
      reason: `Virtual service ${virtualServiceName} does not exist in this mesh.`,
    };
  }
  if (provider?.virtualNode) {
    const name = provider.virtualNode.virtualNodeName;
    return {
      virtualServiceName,
      provider: 'virtualNode',
      virtualNodeName: name,
      reason: `Virtual node ${name} provides ${virtualServiceName} and takes the request.`,
    };
  }
  if (!provider?.virtualRouter) {
    return {
      virtualServiceName,
      provider: 'none',
      reason: `Virtual service ${virtualServiceName} has no provider: the request reaches no virtual node.`,
    };
  }
  const virtualRouterName = provider.virtualRouter.virtualRouterName;
  // What the service receives: the gateway's forwarded host and path, the request's method and headers.
  const forwarded = answer.forwarded;
  const request = gatewayRequest(
    'serviceName' in input || !forwarded
      ? input
      : { ...input, path: forwarded.path, ...(forwarded.host === null ? {} : { host: forwarded.host }) },
  );
  const ordered = [...context.routes].sort(
    (a, b) =>
      (a.spec.priority ?? UNSET_PRIORITY) - (b.spec.priority ?? UNSET_PRIORITY) ||
      (a.routeName < b.routeName ? -1 : a.routeName > b.routeName ? 1 : 0),
  );
  const skipped: string[] = [];
  for (const route of ordered) {
    const missed = misses(route.spec, request);
    if (missed.length > 0) {
      skipped.push(`${route.routeName}: ${missed.join('; ')}`);
      continue;
    }
    const weightedTargets = targetsOf(route.spec);
    return {
      virtualServiceName,
      provider: 'virtualRouter',
      virtualRouterName,
      route: { routeName: route.routeName, priority: route.spec.priority ?? null },
      weightedTargets,
      reason: `Virtual router ${virtualRouterName} provides ${virtualServiceName}; its route ${route.routeName} is the first whose match holds and sends the request to ${weightedTargets.map((t) => `${t.virtualNode} (${t.percent}%)`).join(', ')}.`,
    };
  }
  return {
    virtualServiceName,
    provider: 'virtualRouter',
    virtualRouterName,
    route: null,
    weightedTargets: [],
    reason:
      ordered.length === 0
        ? `Virtual router ${virtualRouterName} provides ${virtualServiceName} but has no routes: the request reaches no virtual node.`
        : `No route of virtual router ${virtualRouterName} takes the request (${skipped.join('. ')}).`,
  };
}
