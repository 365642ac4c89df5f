import { describe, expect, it } from 'vitest';
import { withCandidate } from './candidate';
import { evaluate, planRoutes, testRequest } from './evaluate';
import { parseQuery } from './request';
import { rewritePrefix } from './rewrite';
import { GRPC_8080, grpc, grpcReq, HTTP_8080, http, req, route } from './test-support';

const outcomes = (answer: ReturnType<typeof testRequest>) =>
  Object.fromEntries(answer.routes.map((r) => [r.gatewayRouteName, r.outcome]));

describe('path matches', () => {
  const routes = [
    route('exact', http({ path: { exact: '/a/b' } })),
    route('regex', http({ path: { regex: '/a/[0-9]+' } })),
    route('prefix', http({ prefix: '/a' })),
  ];

  it('when the path equals an exact path, then the exact route wins, the query string aside', () => {
    expect(testRequest(HTTP_8080, routes, req({ path: '/a/b?x=1' })).matched?.gatewayRouteName).toBe('exact');
  });

  it('when a regex matches only part of the path, then it does not match (Envoy matches the whole path)', () => {
    const answer = testRequest(HTTP_8080, routes, req({ path: '/a/12/c' }));
    expect(outcomes(answer)).toEqual({ exact: 'not-matched', regex: 'not-matched', prefix: 'matched' });
    expect(answer.routes[1]?.reason).toBe(
      'The path /a/12/c does not match its path regex /a/[0-9]+ (the whole path must match).',
    );
  });

  it('when a regex matches the whole path, then it wins over the prefix at the same priority', () => {
    expect(testRequest(HTTP_8080, routes, req({ path: '/a/12' })).matched?.gatewayRouteName).toBe('regex');
  });

  it('when the prefix is a plain string prefix, then /ab matches prefix /a (no segment rule)', () => {
    expect(testRequest(HTTP_8080, routes, req({ path: '/ab' })).matched?.gatewayRouteName).toBe('prefix');
  });

  it('when matching is case-sensitive, then /A does not match prefix /a', () => {
    const answer = testRequest(HTTP_8080, routes, req({ path: '/A' }));
    expect(answer.matched).toBeNull();
    expect(answer.routes.find((r) => r.gatewayRouteName === 'prefix')?.reason).toBe(
      'The path /A does not start with its prefix /a.',
    );
  });
});

describe('hostname, method, port, headers, query parameters', () => {
  it('when the host is compared, then case and the port do not matter', () => {
    const routes = [route('h', http({ hostname: { exact: 'Books.Example.com' } }))];
    expect(testRequest(HTTP_8080, routes, req({ path: '/', host: 'BOOKS.example.com:8080' })).matched).not.toBeNull();
  });

  it('when a hostname suffix is given, then it needs at least one more character before it', () => {
    const routes = [route('s', http({ hostname: { suffix: '.example.com' } }))];
    expect(testRequest(HTTP_8080, routes, req({ path: '/', host: 'api.example.com' })).matched).not.toBeNull();
    expect(testRequest(HTTP_8080, routes, req({ path: '/', host: '.example.com' })).matched).toBeNull();
    const bare = testRequest(HTTP_8080, routes, req({ path: '/', host: 'example.com' }));
    expect(bare.routes[0]?.reason).toBe('The host example.com does not end with its hostname suffix .example.com.');
  });

  it('when the request has no host, then a hostname match fails and says so', () => {
    const answer = testRequest(
      HTTP_8080,
      [route('h', http({ hostname: { exact: 'a.example.com' } }))],
      req({ path: '/' }),
    );
    expect(answer.routes[0]?.reason).toBe('The request has no host and it needs hostname a.example.com.');
  });

  it('when a method is matched, then another method is not-matched with both named', () => {
    const answer = testRequest(HTTP_8080, [route('m', http({ prefix: '/', method: 'POST' }))], req({ path: '/' }));
    expect(answer.routes[0]?.reason).toBe('The method GET is not its method POST.');
    expect(
      testRequest(HTTP_8080, [route('m', http({ prefix: '/', method: 'POST' }))], req({ path: '/', method: 'POST' }))
        .matched,
    ).not.toBeNull();
  });

  it("when a route matches a port, then only the listener's port matches (requests arrive on the listener)", () => {
    const routes = [route('other', http({ port: 9090 })), route('this', http({ port: 8080 }))];
    const answer = testRequest(HTTP_8080, routes, req({ path: '/x' }));
    expect(answer.matched?.gatewayRouteName).toBe('this');
    expect(answer.routes.find((r) => r.gatewayRouteName === 'other')?.reason).toBe(
      "It matches port 9090 and requests arrive on the listener's port 8080.",
    );
  });

  it('when headers are matched, then each method (exact, prefix, suffix, regex, range, present) reads the value as Envoy does', () => {
    const cases: Array<[Record<string, unknown> | undefined, string | undefined, boolean]> = [
      [{ exact: 'a' }, 'a', true],
      [{ exact: 'a' }, 'A', false],
      [{ prefix: 'ab' }, 'abc', true],
      [{ suffix: 'bc' }, 'abc', true],
      [{ suffix: 'bc' }, 'abd', false],
      [{ regex: '[a-c]+' }, 'abc', true],
      [{ regex: 'b' }, 'abc', false],
      [{ range: { start: -5, end: 5 } }, '-5', true],
      [{ range: { start: -5, end: 5 } }, '5', false],
      [{ range: { start: 0, end: 10 } }, '3.5', false],
      [undefined, '', true],
      [undefined, undefined, false],
      [{ exact: 'a' }, undefined, false],
    ];
    for (const [match, value, expected] of cases) {
      const spec = http({ prefix: '/', headers: [{ name: 'X-Test', ...(match ? { match } : {}) }] });
      const headers = value === undefined ? {} : { 'x-test': value };
      const answer = testRequest(HTTP_8080, [route('h', spec)], req({ path: '/', headers }));
      expect(answer.matched !== null, `${JSON.stringify(match)} on ${value}`).toBe(expected);
    }
  });

  it('when a header condition is inverted, then a missing header still fails, except "absent" (inverted present)', () => {
    const inverted = (match?: Record<string, unknown>) =>
      route('i', http({ prefix: '/', headers: [{ name: 'x-a', invert: true, ...(match ? { match } : {}) }] }));
    expect(
      testRequest(HTTP_8080, [inverted({ exact: '1' })], req({ path: '/', headers: { 'x-a': '2' } })).matched,
    ).not.toBeNull();
    expect(
      testRequest(HTTP_8080, [inverted({ exact: '1' })], req({ path: '/', headers: { 'x-a': '1' } })).matched,
    ).toBeNull();
    const missing = testRequest(HTTP_8080, [inverted({ exact: '1' })], req({ path: '/' }));
    expect(missing.matched).toBeNull();
    expect(missing.routes[0]?.reason).toBe('Header x-a is missing and it needs anything but exactly "1".');
    expect(testRequest(HTTP_8080, [inverted()], req({ path: '/' })).matched).not.toBeNull();
    expect(testRequest(HTTP_8080, [inverted()], req({ path: '/', headers: { 'x-a': '' } })).matched).toBeNull();
  });

  it('when a header condition names :authority, then it reads the Host; one naming host never matches', () => {
    const authority = route(
      'auth',
      http({ prefix: '/', headers: [{ name: ':authority', match: { exact: 'a.example.com' } }] }),
    );
    expect(testRequest(HTTP_8080, [authority], req({ path: '/', host: 'a.example.com' })).matched).not.toBeNull();
    const host = route('host', http({ prefix: '/', headers: [{ name: 'Host', match: { exact: 'a.example.com' } }] }));
    const answer = testRequest(HTTP_8080, [host], req({ path: '/', host: 'a.example.com' }));
    expect(answer.matched).toBeNull();
    expect(answer.routes[0]?.reason).toMatch(/never sees \(Envoy keeps the Host header as :authority\)/);
  });

  it('when query parameters are matched, then the first value counts, nothing is decoded and a bare name is present', () => {
    expect([...parseQuery('a=1&a=2&b&c=x%20y&=z')]).toEqual([
      ['a', '1'],
      ['b', ''],
      ['c', 'x%20y'],
      ['', 'z'],
    ]);
    const routes = [
      route('q', http({ prefix: '/', queryParameters: [{ name: 'a', match: { exact: '1' } }, { name: 'b' }] })),
    ];
    expect(testRequest(HTTP_8080, routes, req({ path: '/?a=1&b' })).matched).not.toBeNull();
    const second = testRequest(HTTP_8080, routes, req({ path: '/?a=2&a=1&b' }));
    expect(second.routes[0]?.reason).toBe('Query parameter a is "2" and it needs exactly "1".');
    expect(testRequest(HTTP_8080, routes, req({ path: '/?a=1' })).routes[0]?.reason).toBe(
      'Query parameter b is missing.',
    );
  });

  it('when several conditions fail, then the reason names each of them', () => {
    const answer = testRequest(
      HTTP_8080,
      [route('r', http({ prefix: '/api', method: 'PUT', headers: [{ name: 'x-user' }] }))],
      req({ path: '/books' }),
    );
    expect(answer.routes[0]?.reason).toBe(
      'The path /books does not start with its prefix /api; the method GET is not its method PUT; header x-user is missing and it needs present.',
    );
  });
});

describe('rewrites', () => {
  const run = (spec: Record<string, unknown>, body: Record<string, unknown>) =>
    testRequest(HTTP_8080, [route('r', spec)], req(body)).forwarded;

  it('when nothing is configured, then the host becomes the virtual service name and the prefix becomes /', () => {
    expect(run(http({ prefix: '/chapter' }), { path: '/chapter/1?x=1', host: 'b.example.com' })).toMatchObject({
      host: 'svc.local',
      path: '/1?x=1',
    });
  });

  it('when defaultPrefix is ENABLED, then it is the default, said explicitly', () => {
    const out = run(http({ prefix: '/chapter' }, 'svc.local', { rewrite: { prefix: { defaultPrefix: 'ENABLED' } } }), {
      path: '/chapter/1',
    });
    expect(out?.path).toBe('/1');
    expect(out?.rewrites[1]).toBe(
      'The matched prefix /chapter is replaced by / (Default prefix: ENABLED): /chapter/1 becomes /1.',
    );
  });

  it('when defaultPrefix is DISABLED, then the path is forwarded as it is', () => {
    const out = run(http({ prefix: '/chapter' }, 'svc.local', { rewrite: { prefix: { defaultPrefix: 'DISABLED' } } }), {
      path: '/chapter/1',
    });
    expect(out?.path).toBe('/chapter/1');
    expect(out?.rewrites[1]).toBe('The path /chapter/1 is forwarded as it is (Default prefix: DISABLED).');
  });

  it('when a prefix value is given, then it replaces the matched prefix, and the "/" after it', () => {
    const spec = http({ prefix: '/chapter' }, 'svc.local', { rewrite: { prefix: { value: '/book/' } } });
    expect(run(spec, { path: '/chapter/1' })?.path).toBe('/book/1');
    expect(run(spec, { path: '/chapter1' })?.path).toBe('/book/1');
    expect(run(spec, { path: '/chapter' })?.path).toBe('/book/');
    expect(run(spec, { path: '/chapter?x' })?.path).toBe('/book/?x');
  });

  it('when an exact or regex path match has a path rewrite, then the path is replaced and the query kept', () => {
    const exact = http({ path: { exact: '/old' } }, 'svc.local', { rewrite: { path: { exact: '/new' } } });
    const out = run(exact, { path: '/old?x=1' });
    expect(out?.path).toBe('/new?x=1');
    expect(out?.rewrites[1]).toBe(
      'The path /old is replaced by /new (Path rewrite), and the query string is kept: /old?x=1 becomes /new?x=1.',
    );
    const regex = http({ path: { regex: '/v[0-9]/.*' } }, 'svc.local', { rewrite: { path: { exact: '/v2' } } });
    expect(run(regex, { path: '/v1/users' })?.path).toBe('/v2');
  });

  it('when an exact or regex path match has no path rewrite, then the path is kept (no default path)', () => {
    expect(run(http({ path: { exact: '/old' } }), { path: '/old' })?.path).toBe('/old');
  });

  it('when defaultTargetHostname is DISABLED, then the host is kept, or stays absent', () => {
    const spec = http({ prefix: '/' }, 'svc.local', { rewrite: { hostname: { defaultTargetHostname: 'DISABLED' } } });
    expect(run(spec, { path: '/a', host: 'Books.example.com:8080' })?.host).toBe('Books.example.com:8080');
    const none = run(spec, { path: '/a' });
    expect(none?.host).toBeNull();
    expect(none?.rewrites[0]).toBe('The request has no host, and none is added (Default target hostname: DISABLED).');
  });

  it('when a route has no prefix (hostname only), then the default rewrite leaves the path and a value is put in front', () => {
    expect(run(http({ hostname: { exact: 'a.b' } }), { path: '/x/y', host: 'a.b' })?.path).toBe('/x/y');
    const value = http({ hostname: { exact: 'a.b' } }, 'svc.local', { rewrite: { prefix: { value: '/v2/' } } });
    expect(run(value, { path: '/x/y', host: 'a.b' })?.path).toBe('/v2/x/y');
  });

  it('when the prefix ends with "/", then the rest of the path follows the replacement directly', () => {
    expect(rewritePrefix('/red/tell', '/red/', '/')).toBe('/tell');
    expect(rewritePrefix('/maroon/tell', '/maroon/', '/red/')).toBe('/red/tell');
  });
});

describe('order', () => {
  it('when priorities differ, then the lower number wins and the reason says so', () => {
    const routes = [
      route('b', http({ prefix: '/' }, 'b.local', {}, 20)),
      route('a', http({ prefix: '/' }, 'a.local', {}, 10)),
    ];
    const answer = testRequest(HTTP_8080, routes, req({ path: '/x' }));
    expect(answer.matched).toEqual({ gatewayRouteName: 'a', priority: 10 });
    expect(answer.routes).toEqual([
      expect.objectContaining({ gatewayRouteName: 'a', outcome: 'matched' }),
      {
        gatewayRouteName: 'b',
        outcome: 'lower-priority',
        reason: 'It matches too, but a comes first: priority 10 comes before 20.',
      },
    ]);
  });

  it('when a priority is not set, then it sorts as 1000, after every set priority', () => {
    const routes = [
      route('unset', http({ prefix: '/long/prefix' })),
      route('set', http({ prefix: '/' }, 'svc.local', {}, 999)),
    ];
    const answer = testRequest(HTTP_8080, routes, req({ path: '/long/prefix/x' }));
    expect(answer.matched).toEqual({ gatewayRouteName: 'set', priority: 999 });
    expect(answer.routes[1]?.reason).toBe(
      'It matches too, but set comes first: priority 999 comes before not set (1000).',
    );
  });

  it('when priorities tie, then exact beats regex beats the longest prefix, then hostname, headers, query, port, name', () => {
    const routes = [
      route('p-short', http({ prefix: '/a' })),
      route('p-long', http({ prefix: '/a/b' })),
      route('host-suffix', http({ prefix: '/a/b', hostname: { suffix: '.example.com' } })),
      route('host-exact', http({ prefix: '/a/b', hostname: { exact: 'x.example.com' } })),
      route('regex', http({ path: { regex: '/a/b[0-9]+' } })),
      route('exact', http({ path: { exact: '/a/b1' } })),
      route('header', http({ prefix: '/a/b', headers: [{ name: 'x-h' }] })),
      route('z-name', http({ prefix: '/a/b', method: 'GET' })),
    ];
    const plan = planRoutes(HTTP_8080, routes);
    expect(plan.routes.map((r) => r.name)).toEqual([
      'exact',
      'regex',
      'host-exact',
      'host-suffix',
      'z-name',
      'header',
      'p-long',
      'p-short',
    ]);
    const answer = evaluate(plan, req({ path: '/a/b1', host: 'x.example.com', headers: { 'x-h': '1' } }));
    expect(answer.routes.every((r) => r.outcome !== 'not-matched')).toBe(true);
    expect(answer.matched?.gatewayRouteName).toBe('exact');
    const reasons = Object.fromEntries(answer.routes.map((r) => [r.gatewayRouteName, r.reason]));
    expect(reasons.regex).toBe(
      'It matches too, but exact comes first: the same priority, and an exact path comes before a path regex.',
    );
    expect(reasons['p-short']).toBe(
      'It matches too, but exact comes first: the same priority, and an exact path comes before a prefix.',
    );
    const byPrefix = evaluate(plan, req({ method: 'POST', path: '/a/bz' }));
    expect(byPrefix.matched?.gatewayRouteName).toBe('p-long');
    expect(byPrefix.routes.find((r) => r.gatewayRouteName === 'p-short')?.reason).toBe(
      'It matches too, but p-long comes first: the same priority, and its prefix /a/b is longer than /a.',
    );
  });

  it('when two routes are equally specific at one priority, then the name decides', () => {
    const answer = testRequest(
      HTTP_8080,
      [route('b', http({ prefix: '/' })), route('a', http({ prefix: '/' }))],
      req({ path: '/' }),
    );
    expect(answer.routes[1]?.reason).toBe(
      'It matches too, but a comes first: the same priority and equally specific matches, and the name a sorts before b.',
    );
  });

  it('when a route of another protocol is on the gateway, then it is not-matched for that reason', () => {
    const answer = testRequest(
      HTTP_8080,
      [route('h2', { http2Route: http({ prefix: '/' }).httpRoute })],
      req({ path: '/' }),
    );
    expect(answer.matched).toBeNull();
    expect(answer.routes[0]?.reason).toBe(
      "It is an http2 route and this gateway's listener is http, so it never receives requests.",
    );
  });
});

describe('grpc', () => {
  const routes = [
    route('svc', grpc({ serviceName: 'pkg.Svc' }, 'grpc.local', {}, 10)),
    route(
      'meta',
      grpc({ serviceName: 'pkg.Svc', metadata: [{ name: 'x-tenant', match: { exact: 'a' } }] }, 'tenant.local', {}, 5),
    ),
    route('host', grpc({ hostname: { suffix: '.example.com' } }, 'host.local')),
  ];

  it('when the service name and metadata match, then that route wins and only the host is rewritten', () => {
    const answer = testRequest(
      GRPC_8080,
      routes,
      grpcReq({ serviceName: 'pkg.Svc', methodName: 'Get', host: 'api.example.com', metadata: { 'X-Tenant': 'a' } }),
    );
    expect(answer.matched).toEqual({ gatewayRouteName: 'meta', priority: 5 });
    expect(answer.forwarded).toEqual({
      host: 'tenant.local',
      path: '/pkg.Svc/Get',
      rewrites: [
        "The host api.example.com is replaced by tenant.local, the target virtual service's name (the default hostname rewrite).",
        'The path /pkg.Svc/Get is forwarded as it is (a gRPC gateway route rewrites only the host).',
      ],
    });
    expect(outcomes(answer)).toEqual({ meta: 'matched', svc: 'lower-priority', host: 'lower-priority' });
  });

  it('when the service differs, then a hostname-only grpc route takes it; without a host nothing does', () => {
    expect(
      testRequest(GRPC_8080, routes, grpcReq({ serviceName: 'other.Svc', host: 'a.example.com' })).matched
        ?.gatewayRouteName,
    ).toBe('host');
    const none = testRequest(GRPC_8080, routes, grpcReq({ serviceName: 'other.Svc' }));
    expect(none.matched).toBeNull();
    expect(none.routes.find((r) => r.gatewayRouteName === 'svc')?.reason).toBe(
      'The gRPC service other.Svc is not its service name pkg.Svc.',
    );
  });

  it('when defaultTargetHostname is DISABLED on a grpc route, then the host is kept', () => {
    const keep = [
      route(
        'k',
        grpc({ serviceName: 'pkg.Svc' }, 'svc.local', { rewrite: { hostname: { defaultTargetHostname: 'DISABLED' } } }),
      ),
    ];
    expect(testRequest(GRPC_8080, keep, grpcReq({ serviceName: 'pkg.Svc', host: 'a.b' })).forwarded?.host).toBe('a.b');
  });
});

describe('a candidate route', () => {
  it('when a candidate is added or replaces a saved route, then the request is evaluated against the new set', () => {
    const saved = [route('chapter', http({ prefix: '/chapter' }, 'old.local')), route('root', http({ prefix: '/' }))];
    const candidate = route('chapter-one', http({ path: { exact: '/chapter/1' } }, 'new.local'));
    const added = testRequest(HTTP_8080, withCandidate(saved, candidate), req({ path: '/chapter/1' }));
    expect(added.matched?.gatewayRouteName).toBe('chapter-one');
    expect(added.routes).toHaveLength(3);
    const edited = route('chapter', http({ prefix: '/chapter' }, 'edited.local'));
    const replaced = testRequest(
      HTTP_8080,
      withCandidate(saved, edited, { replacing: 'chapter' }),
      req({ path: '/chapter/2' }),
    );
    expect(replaced.target?.virtualServiceName).toBe('edited.local');
    expect(replaced.routes).toHaveLength(2);
  });
});
