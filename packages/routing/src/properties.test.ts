// Properties of selection, rewrites and checks over generated route sets and requests. The values come
// from small pools, so generated requests often hit generated routes and ties are common.
import { GatewayRouteSpecSchema, type HttpTestRequest } from '@meshconsole/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRoutes, covers } from './checks';
import { evaluate, planRoutes, testRequest } from './evaluate';
import { sortRoutes } from './order';
import { rewritePrefix } from './rewrite';
import { type GatewayRouteEntry, viewOf } from './route-view';
import { HTTP_8080, req } from './test-support';

const PREFIXES = ['/', '/a', '/a/', '/ab', '/a/b', '/b'];
const PATHS = ['/', '/a', '/a/', '/a/b', '/a/b/c', '/ab', '/b', '/a/b?q=1', '/a?q=2&q=1', '/b/1?x'];
const HOSTS = ['a.example.com', 'example.com', 'b.example.com:8080', 'other.org'];
const HEADER_NAMES = ['x-a', 'x-b'];
const VALUES = ['1', '2', '12', 'ab'];

const valueMatch = fc.oneof(
  fc.constantFrom(...VALUES).map((exact) => ({ exact })),
  fc.constantFrom(...VALUES).map((prefix) => ({ prefix })),
  fc.constantFrom(...VALUES).map((suffix) => ({ suffix })),
  fc.constantFrom('[0-9]+', 'a.*', '1|2').map((regex) => ({ regex })),
  fc.constantFrom([0, 2], [1, 13], [10, 20]).map(([start, end]) => ({ range: { start: start!, end: end! } })),
);

const header = fc.record(
  { name: fc.constantFrom(...HEADER_NAMES), invert: fc.boolean(), match: valueMatch },
  { requiredKeys: ['name'] },
);

const pathMatch = fc.oneof(
  fc.constantFrom(...PREFIXES).map((prefix) => ({ prefix })),
  fc.constantFrom('/a', '/a/b', '/b').map((exact) => ({ path: { exact } })),
  fc.constantFrom('/a/.*', '/a.*', '/[ab]+').map((regex) => ({ path: { regex } })),
  fc.constant({}),
);

const hostnameMatch = fc.oneof(
  fc.constantFrom('a.example.com', 'example.com').map((exact) => ({ exact })),
  fc.constantFrom('example.com', '.example.com').map((suffix) => ({ suffix })),
);

const rewrite = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('ENABLED', 'DISABLED').map((d) => ({ hostname: { defaultTargetHostname: d } })),
  fc.constantFrom('ENABLED', 'DISABLED').map((d) => ({ prefix: { defaultPrefix: d } })),
  fc.constantFrom('/', '/v2/', '/a/b/').map((value) => ({ prefix: { value } })),
  fc.constantFrom('/new', '/x/y').map((exact) => ({ path: { exact } })),
);

/** Present one time in four, so generated requests often satisfy a whole route. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });

const spec = fc
  .record({
    path: pathMatch,
    hostname: sometimes(hostnameMatch),
    method: sometimes(fc.constantFrom('GET', 'POST')),
    port: sometimes(fc.constantFrom(8080, 8080, 9090)),
    headers: sometimes(fc.array(header, { minLength: 1, maxLength: 2 })),
    queryParameters: sometimes(
      fc.array(
        fc.record(
          { name: fc.constant('q'), match: fc.constantFrom('1', '2').map((exact) => ({ exact })) },
          { requiredKeys: ['name'] },
        ),
        { minLength: 1, maxLength: 1 },
      ),
    ),
    rewrite,
    priority: sometimes(fc.constantFrom(0, 10, 1000)),
    service: fc.constantFrom('a.local', 'b.local'),
  })
  .map(({ path, rewrite: rw, priority, service, ...conditions }) => ({
    httpRoute: {
      match: { ...path, ...Object.fromEntries(Object.entries(conditions).filter(([, v]) => v !== undefined)) },
      action: { target: { virtualService: { virtualServiceName: service } }, ...(rw ? { rewrite: rw } : {}) },
    },
    ...(priority === undefined ? {} : { priority }),
  }))
  .map((s) => GatewayRouteSpecSchema.safeParse(s))
  .filter((r) => r.success)
  .map((r) => r.data!);

const routeSet = fc
  .uniqueArray(fc.record({ name: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'), spec }), {
    minLength: 1,
    maxLength: 6,
    selector: (r) => r.name,
  })
  .map((list): GatewayRouteEntry[] => list.map((r) => ({ gatewayRouteName: r.name, spec: r.spec })));

const request = fc
  .record(
    {
      method: fc.constantFrom('GET', 'POST'),
      path: fc.constantFrom(...PATHS),
      host: fc.constantFrom(...HOSTS),
      headers: fc.dictionary(fc.constantFrom(...HEADER_NAMES), fc.constantFrom(...VALUES), { maxKeys: 2 }),
    },
    { requiredKeys: ['method', 'path'] },
  )
  .map((body): HttpTestRequest => req(body));

const RUNS = { numRuns: 400 };

describe('selection properties', () => {
  it('when routes are given in any order, then the answer is the same', () => {
    fc.assert(
      fc.property(
        routeSet.chain((routes) =>
          fc.tuple(
            fc.constant(routes),
            fc.shuffledSubarray(routes, { minLength: routes.length, maxLength: routes.length }),
          ),
        ),
        request,
        ([routes, shuffled], r) => {
          expect(testRequest(HTTP_8080, shuffled, r)).toEqual(testRequest(HTTP_8080, routes, r));
        },
      ),
      RUNS,
    );
  });

  it('when a request is answered, then every route is listed once, at most one matched, before every lower-priority one', () => {
    fc.assert(
      fc.property(routeSet, request, (routes, r) => {
        const answer = testRequest(HTTP_8080, routes, r);
        expect(answer.routes.map((x) => x.gatewayRouteName).sort()).toEqual(
          routes.map((x) => x.gatewayRouteName).sort(),
        );
        const matched = answer.routes.filter((x) => x.outcome === 'matched');
        expect(matched.length).toBe(answer.matched === null ? 0 : 1);
        const first = answer.routes.findIndex((x) => x.outcome !== 'not-matched');
        if (answer.matched === null) {
          expect(first).toBe(-1);
          expect(answer.target).toBeNull();
          expect(answer.forwarded).toBeNull();
        } else {
          expect(answer.routes[first]).toMatchObject({
            outcome: 'matched',
            gatewayRouteName: answer.matched.gatewayRouteName,
          });
        }
        for (const x of answer.routes) expect(x.reason).toMatch(/^[A-Z].+\.$/);
      }),
      RUNS,
    );
  });

  it('when the winner is taken out, then the next route that matched wins (order is a fixed list)', () => {
    fc.assert(
      fc.property(routeSet, request, (routes, r) => {
        const answer = testRequest(HTTP_8080, routes, r);
        if (answer.matched === null) return;
        const next = answer.routes.find((x) => x.outcome === 'lower-priority')?.gatewayRouteName ?? null;
        const without = routes.filter((x) => x.gatewayRouteName !== answer.matched!.gatewayRouteName);
        expect(testRequest(HTTP_8080, without, r).matched?.gatewayRouteName ?? null).toBe(next);
      }),
      RUNS,
    );
  });

  it('when a catch-all with the lowest rank is added, then it wins exactly the requests nothing else took', () => {
    const catchAll: GatewayRouteEntry = {
      gatewayRouteName: 'zz-catch-all',
      spec: GatewayRouteSpecSchema.parse({
        httpRoute: {
          match: { prefix: '/' },
          action: { target: { virtualService: { virtualServiceName: 'z.local' } } },
        },
        priority: 1000,
      }),
    };
    fc.assert(
      fc.property(routeSet, request, (routes, r) => {
        const before = testRequest(HTTP_8080, routes, r).matched?.gatewayRouteName ?? 'zz-catch-all';
        expect(testRequest(HTTP_8080, [...routes, catchAll], r).matched?.gatewayRouteName).toBe(before);
      }),
      RUNS,
    );
  });
});

describe('rewrite properties', () => {
  it('when a request is forwarded, then the host rewrite and the query string follow the rules', () => {
    fc.assert(
      fc.property(routeSet, request, (routes, r) => {
        const answer = testRequest(HTTP_8080, routes, r);
        if (answer.matched === null) return;
        const winner = routes.find((x) => x.gatewayRouteName === answer.matched!.gatewayRouteName)!.spec.httpRoute!;
        const keepHost = winner.action.rewrite?.hostname?.defaultTargetHostname === 'DISABLED';
        expect(answer.forwarded!.host).toBe(
          keepHost ? (r.host ?? null) : winner.action.target.virtualService.virtualServiceName,
        );
        const query = (p: string) => (p.includes('?') ? p.slice(p.indexOf('?')) : '');
        expect(query(answer.forwarded!.path)).toBe(query(r.path));
        expect(answer.forwarded!.path.startsWith('/')).toBe(true);
        expect(answer.forwarded!.rewrites).toHaveLength(2);
      }),
      RUNS,
    );
  });

  it('when a prefix is rewritten with a value ending in "/", then no "//" appears that the request did not have', () => {
    const segment = fc.stringMatching(/^[a-z0-9]{1,4}$/);
    const pathOf = fc.array(segment, { minLength: 0, maxLength: 4 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(pathOf, pathOf, fc.boolean(), pathOf, (prefix, rest, slash, value) => {
        const p = slash && prefix !== '/' ? `${prefix}/` : prefix;
        const full = `${p}${rest.slice(p.endsWith('/') ? 1 : 0)}`;
        const v = value.endsWith('/') ? value : `${value}/`;
        const out = rewritePrefix(full, p, v);
        expect(out.startsWith(v)).toBe(true);
        if (!full.includes('//')) expect(out.includes('//')).toBe(false);
      }),
      RUNS,
    );
  });

  it('when a prefix that ends with "/" is rewritten to itself, then the path is unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom('/', '/a/', '/a/b/'), fc.stringMatching(/^[a-z/?=&]{0,8}$/), (prefix, rest) => {
        expect(rewritePrefix(prefix + rest, prefix, prefix)).toBe(prefix + rest);
      }),
      RUNS,
    );
  });
});

describe('route check properties', () => {
  it('when shadowing is reported, then it names the first earlier route that covers it, as a pairwise scan finds', () => {
    fc.assert(
      fc.property(routeSet, (routes) => {
        const findings = checkRoutes(HTTP_8080, routes);
        const pair = new Map(
          findings
            .filter((f) => f.code === 'shadowed' || f.code === 'duplicate')
            .map((f) => [f.gatewayRouteName, f.otherRoute]),
        );
        const dead = new Set(
          findings
            .filter(
              (f) =>
                f.severity === 'error' && f.code !== 'shadowed' && f.code !== 'duplicate' && f.code !== 'rewrite-path',
            )
            .map((f) => f.gatewayRouteName),
        );
        const live = sortRoutes(routes.map(viewOf)).filter((v) => !dead.has(v.name));
        live.forEach((r, j) => {
          const first = live.slice(0, j).find((w) => covers(w, r));
          expect(pair.get(r.name), r.name).toBe(first?.name);
        });
      }),
      RUNS,
    );
  });

  it('when a route is reported shadowed, duplicate or never matching, then no request ever selects it', () => {
    fc.assert(
      fc.property(routeSet, fc.array(request, { minLength: 1, maxLength: 8 }), (routes, requests) => {
        const dead = new Set(
          checkRoutes(HTTP_8080, routes)
            .filter((f) => f.severity === 'error' && f.code !== 'rewrite-path')
            .map((f) => f.gatewayRouteName),
        );
        const plan = planRoutes(HTTP_8080, routes);
        for (const r of requests) {
          const winner = evaluate(plan, r).matched?.gatewayRouteName;
          if (winner !== undefined) expect(dead.has(winner), `${winner} won ${JSON.stringify(r)}`).toBe(false);
        }
      }),
      { numRuns: 600 },
    );
  });
});
