import { type RouteSpec, RouteSpecSchema } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { testRequest } from './evaluate';
import { followService, type RouterRouteEntry } from './service-hop';
import { GRPC_8080, grpc, grpcReq, HTTP_8080, http, req, route } from './test-support';

/** A router route, checked by the model's schema. */
function rr(routeName: string, spec: unknown): RouterRouteEntry {
  return { routeName, spec: RouteSpecSchema.parse(spec) as RouteSpec };
}

const targets = (...pairs: Array<[string, number]>) => pairs.map(([virtualNode, weight]) => ({ virtualNode, weight }));
const ROUTER = { provider: { virtualRouter: { virtualRouterName: 'router' } } };

/** The gateway sends /api/... to svc.local with its prefix rewritten to / (the default). */
function throughGateway(path: string, headers: Record<string, string> = {}) {
  const request = req({ path, headers });
  const answer = testRequest(HTTP_8080, [route('api', http({ prefix: '/api/' }))], request);
  return { answer, request };
}

describe('followService', () => {
  it("when a router provides the target, then the first route in priority order whose match holds takes the gateway's forwarded path, and its weights read as shares", () => {
    const { answer, request } = throughGateway('/api/orders/7');
    expect(answer.forwarded?.path).toBe('/orders/7');
    const hop = followService(answer, request, {
      virtualServiceName: 'svc.local',
      spec: ROUTER,
      routes: [
        rr('catch-all', { httpRoute: { match: { prefix: '/' }, action: { weightedTargets: targets(['v1', 1]) } } }),
        rr('orders', {
          priority: 5,
          httpRoute: { match: { prefix: '/orders' }, action: { weightedTargets: targets(['blue', 3], ['green', 1]) } },
        }),
        rr('api-only', {
          priority: 1,
          httpRoute: { match: { prefix: '/api' }, action: { weightedTargets: targets(['never', 1]) } },
        }),
      ],
    });
    expect(hop).toMatchObject({
      provider: 'virtualRouter',
      virtualRouterName: 'router',
      route: { routeName: 'orders', priority: 5 },
      weightedTargets: [
        { virtualNode: 'blue', weight: 3, percent: 75 },
        { virtualNode: 'green', weight: 1, percent: 25 },
      ],
    });
  });

  it('when a header condition fails on every route, then no route takes the request and the reason names each miss', () => {
    const { answer, request } = throughGateway('/api/x', { 'x-canary': 'no' });
    const hop = followService(answer, request, {
      virtualServiceName: 'svc.local',
      spec: ROUTER,
      routes: [
        rr('canary', {
          httpRoute: {
            match: { prefix: '/', headers: [{ name: 'X-Canary', match: { exact: 'yes' } }] },
            action: { weightedTargets: targets(['canary', 1]) },
          },
        }),
      ],
    });
    expect(hop.route).toBeNull();
    expect(hop.weightedTargets).toEqual([]);
    expect(hop.reason).toContain('canary: header x-canary does not match');
  });

  it('when a node provides the target, or nothing does, then the hop says so', () => {
    const { answer, request } = throughGateway('/api/');
    expect(
      followService(answer, request, {
        virtualServiceName: 'svc.local',
        spec: { provider: { virtualNode: { virtualNodeName: 'n' } } },
        routes: [],
      }),
    ).toMatchObject({ provider: 'virtualNode', virtualNodeName: 'n' });
    expect(followService(answer, request, { virtualServiceName: 'svc.local', spec: {}, routes: [] }).provider).toBe(
      'none',
    );
    expect(
      followService(answer, request, { virtualServiceName: 'svc.local', spec: undefined, routes: [] }).reason,
    ).toBe('Virtual service svc.local does not exist in this mesh.');
  });

  it('when a grpc request reaches a router, then its grpc route matches on service and method names', () => {
    const request = grpcReq({ serviceName: 'pkg.Books', methodName: 'Get' });
    const answer = testRequest(GRPC_8080, [route('books', grpc({ serviceName: 'pkg.Books' }))], request);
    const hop = followService(answer, request, {
      virtualServiceName: 'svc.local',
      spec: ROUTER,
      routes: [
        rr('list', {
          grpcRoute: {
            match: { serviceName: 'pkg.Books', methodName: 'List' },
            action: { weightedTargets: targets(['a', 1]) },
          },
        }),
        rr('get', {
          grpcRoute: {
            match: { serviceName: 'pkg.Books', methodName: 'Get' },
            action: { weightedTargets: targets(['b', 1]) },
          },
        }),
      ],
    });
    expect(hop.route?.routeName).toBe('get');
    expect(hop.weightedTargets).toEqual([{ virtualNode: 'b', weight: 1, percent: 100 }]);
  });
});
