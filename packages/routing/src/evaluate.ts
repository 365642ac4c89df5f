// Which gateway route takes a request, why the others do not, and what the virtual service receives.
import type { TestRequest, TestRequestAnswer } from '@meshconsole/model';
import { describeHost, describePath, failures } from './conditions';
import { sortRoutes, whyFirst } from './order';
import { gatewayRequest } from './request';
import { forward } from './rewrite';
import { type GatewayListener, type GatewayRouteEntry, type RouteView, viewOf } from './route-view';

/** A gateway's routes read once, in the order the gateway tries them; evaluate as many requests as you like. */
export interface RoutePlan {
  listener: GatewayListener;
  routes: readonly RouteView[];
}

export function planRoutes(listener: GatewayListener, routes: readonly GatewayRouteEntry[]): RoutePlan {
  return { listener, routes: sortRoutes(routes.map(viewOf)) };
}

const sentence = (clauses: readonly string[]) => {
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

/** The route's conditions in a few words: `prefix /chapter, hostname books.example.com, 1 header`. */
export function describeMatch(route: RouteView): string {
  const parts: string[] = [];
  if (route.path.kind !== 'any') parts.push(describePath(route.path));
  if (route.serviceName !== undefined) parts.push(`service name ${route.serviceName}`);
  if (route.host.kind !== 'any') parts.push(describeHost(route.host));
  if (route.method !== undefined) parts.push(`method ${route.method}`);
  if (route.port !== undefined) parts.push(`port ${route.port}`);
  const what = route.protocol === 'grpc' ? 'metadata condition' : 'header condition';
  if (route.fields.length > 0) parts.push(`${route.fields.length} ${what}${route.fields.length === 1 ? '' : 's'}`);
  if (route.query.length > 0) {
    parts.push(`${route.query.length} query parameter condition${route.query.length === 1 ? '' : 's'}`);
  }
  return parts.length === 0 ? 'it matches every request' : parts.join(', ');
}

export function evaluate(plan: RoutePlan, input: TestRequest): TestRequestAnswer {
  const request = gatewayRequest(input);
  let winner: RouteView | undefined;
  const routes: TestRequestAnswer['routes'] = [];
  for (const route of plan.routes) {
    const failed = failures(route, request, plan.listener);
    if (failed.length > 0) {
      routes.push({ gatewayRouteName: route.name, outcome: 'not-matched', reason: sentence(failed) });
    } else if (winner === undefined) {
      winner = route;
      routes.push({
        gatewayRouteName: route.name,
        outcome: 'matched',
        reason: `It is the first route, in the gateway's order, whose conditions all hold (${describeMatch(route)}).`,
      });
    } else {
      routes.push({
        gatewayRouteName: route.name,
        outcome: 'lower-priority',
        reason: `It matches too, but ${winner.name} comes first: ${whyFirst(winner, route)}.`,
      });
    }
  }
  if (winner === undefined) return { matched: null, target: null, forwarded: null, routes };
  return {
    matched: { gatewayRouteName: winner.name, priority: winner.priority ?? null },
    target: { virtualServiceName: winner.target.virtualServiceName, port: winner.target.port ?? null },
    forwarded: forward(winner, request),
    routes,
  };
}

/** `evaluate(planRoutes(listener, routes), request)`. */
export function testRequest(
  listener: GatewayListener,
  routes: readonly GatewayRouteEntry[],
  request: TestRequest,
): TestRequestAnswer {
  return evaluate(planRoutes(listener, routes), request);
}
