import type { RouteFinding } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { checkCandidate, checkRoutes } from './checks';
import { literalPrefix } from './regex';
import { GRPC_8080, grpc, HTTP_8080, http, route } from './test-support';

const codes = (findings: RouteFinding[]) => findings.map((f) => `${f.gatewayRouteName}:${f.code}`);
const only = (spec: Record<string, unknown>) => checkRoutes(HTTP_8080, [route('r', spec)]);

describe('route checks on a route set', () => {
  it('when the routes are sound, then there is no finding', () => {
    const findings = checkRoutes(HTTP_8080, [
      route('chapter', http({ prefix: '/chapter' })),
      route('root', http({ prefix: '/' })),
      route('api', http({ prefix: '/', hostname: { exact: 'api.example.com' } })),
      route('v1', http({ path: { regex: '/v1/.*' } })),
      route('beta', http({ prefix: '/chapter', headers: [{ name: 'x-beta', match: { exact: '1' } }] })),
      route('ports', http({ port: 8080, prefix: '/p' })),
    ]);
    expect(findings).toEqual([]);
  });

  it('when two routes have the same match and priority, then the one that sorts later is a duplicate of the other', () => {
    const findings = checkRoutes(HTTP_8080, [
      route('b', http({ prefix: '/a', headers: [{ name: 'x' }, { name: 'y' }] }, 'b.local', {}, 5)),
      route('a', http({ prefix: '/a', headers: [{ name: 'y' }, { name: 'x' }] }, 'a.local', {}, 5)),
    ]);
    expect(findings).toEqual([
      {
        gatewayRouteName: 'b',
        severity: 'error',
        code: 'duplicate',
        message: 'b has the same match and priority as a; a sorts first by name, so b never receives a request.',
        otherRoute: 'a',
        field: 'httpRoute.match',
      },
    ]);
  });

  it('when a route that comes first matches everything a later one matches, then the later one is shadowed', () => {
    const findings = checkRoutes(HTTP_8080, [
      route('catch-all', http({ prefix: '/' }, 'svc.local', {}, 0)),
      route('chapter', http({ prefix: '/chapter' }, 'svc.local', {}, 10)),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        gatewayRouteName: 'chapter',
        code: 'shadowed',
        severity: 'error',
        otherRoute: 'catch-all',
        message:
          'chapter never receives a request: catch-all comes first (priority 0 comes before 10) and matches every request chapter matches.',
      }),
    ]);
  });

  it('when containment is proved through prefixes, hostnames, headers and query parameters, then each case shadows', () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ prefix: '/a' }, { path: { exact: '/a/b' } }],
      [{ prefix: '/a' }, { path: { regex: '/a/[0-9]+' } }],
      [{ path: { regex: '/a/[0-9]+' } }, { path: { exact: '/a/12' } }],
      [
        { prefix: '/', hostname: { suffix: 'example.com' } },
        { prefix: '/', hostname: { exact: 'a.example.com' } },
      ],
      [
        { prefix: '/', hostname: { suffix: 'example.com' } },
        { prefix: '/', hostname: { suffix: '.example.com' } },
      ],
      [
        { prefix: '/', headers: [{ name: 'x' }] },
        { prefix: '/', headers: [{ name: 'x', match: { exact: '1' } }] },
      ],
      [
        { prefix: '/', headers: [{ name: 'x', match: { prefix: 'ab' } }] },
        { prefix: '/', headers: [{ name: 'x', match: { prefix: 'abc' } }] },
      ],
      [
        { prefix: '/', headers: [{ name: 'x', match: { range: { start: 0, end: 10 } } }] },
        { prefix: '/', headers: [{ name: 'x', match: { exact: '5' } }] },
      ],
      [
        { prefix: '/', queryParameters: [{ name: 'q' }] },
        { prefix: '/', queryParameters: [{ name: 'q', match: { exact: '1' } }] },
      ],
      [
        { prefix: '/', method: 'GET' },
        { prefix: '/x', method: 'GET' },
      ],
    ];
    for (const [wide, narrow] of cases) {
      const findings = checkRoutes(HTTP_8080, [
        route('wide', http(wide, 'svc.local', {}, 1)),
        route('narrow', http(narrow, 'svc.local', {}, 2)),
      ]);
      expect(codes(findings), JSON.stringify([wide, narrow])).toEqual(['narrow:shadowed']);
    }
  });

  it('when the earlier route does not cover the later one, then nothing is reported (no false alarm)', () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ prefix: '/a/' }, { prefix: '/a' }],
      [{ path: { exact: '/a' } }, { prefix: '/a' }],
      [{ prefix: '/a' }, { path: { regex: '/(a|b)/.*' } }],
      [{ prefix: '/', hostname: { exact: 'a.example.com' } }, { prefix: '/' }],
      [
        { prefix: '/', headers: [{ name: 'x', match: { exact: '1' } }] },
        { prefix: '/', headers: [{ name: 'x' }] },
      ],
      [
        { prefix: '/', headers: [{ name: 'x', invert: true }] },
        { prefix: '/', headers: [{ name: 'x' }] },
      ],
      [{ prefix: '/', method: 'POST' }, { prefix: '/' }],
      [
        { prefix: '/', queryParameters: [{ name: 'q', match: { exact: '1' } }] },
        { prefix: '/', queryParameters: [{ name: 'q' }] },
      ],
    ];
    for (const [first, later] of cases) {
      const findings = checkRoutes(HTTP_8080, [
        route('first', http(first, 'svc.local', {}, 1)),
        route('later', http(later, 'svc.local', {}, 2)),
      ]);
      expect(codes(findings), JSON.stringify([first, later])).toEqual([]);
    }
  });

  it('when a more specific route comes first at the same priority, then the catch-all is not shadowed', () => {
    expect(
      checkRoutes(HTTP_8080, [route('root', http({ prefix: '/' })), route('chapter', http({ prefix: '/chapter' }))]),
    ).toEqual([]);
  });
});

describe('route checks on one route', () => {
  it('when the match port is not the listener port, then it is a port-mismatch on the match port', () => {
    expect(only(http({ port: 9090 }))).toEqual([
      expect.objectContaining({
        code: 'port-mismatch',
        severity: 'error',
        field: 'httpRoute.match.port',
        message: "Match port 9090 is not the listener's port 8080: every request arrives on 8080, so r never matches.",
      }),
    ]);
  });

  it("when the route type is not the listener's protocol, then it is a protocol-mismatch", () => {
    expect(checkRoutes(GRPC_8080, [route('h', http({ prefix: '/' }))])).toEqual([
      expect.objectContaining({
        code: 'protocol-mismatch',
        field: 'httpRoute',
        message: expect.stringContaining('grpcRoute routes'),
      }),
    ]);
    expect(checkRoutes(GRPC_8080, [route('g', grpc({ serviceName: 'a.B' }))])).toEqual([]);
  });

  it('when a path or rewrite is under /aws-appmesh or /aws-app-mesh, then it is reserved (a warning)', () => {
    const findings = [
      ...only(http({ path: { exact: '/aws-appmesh/x' } })),
      ...only(http({ path: { regex: '/AWS-App-Mesh/.*' } })),
      ...only(http({ prefix: '/a' }, 'svc.local', { rewrite: { prefix: { value: '/aws-appmesh/' } } })),
      ...only(http({ path: { exact: '/a' } }, 'svc.local', { rewrite: { path: { exact: '/aws-app-mesh/a' } } })),
    ];
    expect(findings.map((f) => [f.code, f.severity, f.field])).toEqual([
      ['reserved', 'warning', 'httpRoute.match.path.exact'],
      ['reserved', 'warning', 'httpRoute.match.path.regex'],
      ['reserved', 'warning', 'httpRoute.action.rewrite.prefix.value'],
      ['reserved', 'warning', 'httpRoute.action.rewrite.path.exact'],
    ]);
  });

  it('when a regex is not RE2 (lookahead, backreference), then it is invalid-regex, though JavaScript would take it', () => {
    expect(() => /\/(?=a)/).not.toThrow();
    const path = only(http({ path: { regex: '/(?=a).*' } }));
    expect(path).toEqual([expect.objectContaining({ code: 'invalid-regex', field: 'httpRoute.match.path.regex' })]);
    expect(path[0]?.message).toContain('invalid or unsupported Perl syntax');
    const header = only(http({ prefix: '/', headers: [{ name: 'x', match: { regex: '(a)\\1' } }] }));
    expect(header).toEqual([
      expect.objectContaining({ code: 'invalid-regex', field: 'httpRoute.match.headers.0.match.regex' }),
    ]);
  });

  it('when a regex is over RE2 program size 100, then it is regex-too-complex (a warning)', () => {
    expect(only(http({ path: { regex: '/.{1,200}' } }))).toEqual([
      expect.objectContaining({ code: 'regex-too-complex', severity: 'warning' }),
    ]);
  });

  it('when a path can never be a request path, then it is unmatchable-path', () => {
    const specs = [
      http({ path: { exact: 'api/users' } }),
      http({ path: { exact: '/a?b=1' } }),
      http({ path: { regex: 'api/.*' } }),
      http({ prefix: '/a b' }),
      http({ prefix: '/a#b' }),
    ];
    for (const spec of specs) expect(codes(only(spec)), JSON.stringify(spec)).toEqual(['r:unmatchable-path']);
    expect(only(http({ path: { regex: '(/a|b)' } }))).toEqual([]);
  });

  it('when a hostname can never be a request host, then it is unmatchable-hostname', () => {
    for (const hostname of [
      { exact: '*.example.com' },
      { suffix: '*.example.com' },
      { exact: 'a.example.com:8080' },
      { exact: 'a b' },
      { suffix: 'a..b' },
    ]) {
      expect(codes(only(http({ hostname }))), JSON.stringify(hostname)).toEqual(['r:unmatchable-hostname']);
    }
    expect(only(http({ hostname: { exact: '[::1]' } }))).toEqual([]);
  });

  it('when a header condition names host, then it is host-header (Envoy keeps Host as :authority)', () => {
    expect(only(http({ prefix: '/', headers: [{ name: 'Host', match: { exact: 'a.b' } }] }))).toEqual([
      expect.objectContaining({ code: 'host-header', field: 'httpRoute.match.headers.0.name' }),
    ]);
    expect(only(http({ prefix: '/', headers: [{ name: ':authority', match: { exact: 'a.b' } }] }))).toEqual([]);
  });

  it('when two conditions on one header, metadata or query parameter exclude each other, then it is a contradiction', () => {
    const pairs = [
      [
        { name: 'x', match: { exact: '1' } },
        { name: 'X', match: { exact: '2' } },
      ],
      [
        { name: 'x', match: { exact: '1' } },
        { name: 'x', invert: true, match: { exact: '1' } },
      ],
      [{ name: 'x' }, { name: 'x', invert: true }],
      [
        { name: 'x', match: { prefix: 'ab' } },
        { name: 'x', match: { prefix: 'b' } },
      ],
      [
        { name: 'x', match: { range: { start: 0, end: 5 } } },
        { name: 'x', match: { range: { start: 5, end: 9 } } },
      ],
    ];
    for (const headers of pairs) {
      expect(codes(only(http({ prefix: '/', headers }))), JSON.stringify(headers)).toEqual(['r:contradiction']);
    }
    expect(
      only(
        http({
          prefix: '/',
          headers: [
            { name: 'x', match: { prefix: 'a' } },
            { name: 'x', match: { suffix: 'b' } },
          ],
        }),
      ),
    ).toEqual([]);
    const query = only(
      http({
        prefix: '/',
        queryParameters: [
          { name: 'q', match: { exact: '1' } },
          { name: 'q', match: { exact: '2' } },
        ],
      }),
    );
    expect(codes(query)).toEqual(['r:contradiction']);
    const metadata = checkRoutes(GRPC_8080, [
      route(
        'g',
        grpc({
          serviceName: 'a.B',
          metadata: [
            { name: 'm', match: { exact: '1' } },
            { name: 'm', match: { suffix: '2' } },
          ],
        }),
      ),
    ]);
    expect(metadata).toEqual([
      expect.objectContaining({ code: 'contradiction', message: expect.stringMatching(/^Metadata m must be/) }),
    ]);
  });

  it('when a rewrite produces "//" or a path without "/", then it is rewrite-path', () => {
    const doubled = only(http({ prefix: '/a' }, 'svc.local', { rewrite: { prefix: { value: '//' } } }));
    expect(doubled).toEqual([
      expect.objectContaining({
        code: 'rewrite-path',
        severity: 'warning',
        message: expect.stringContaining('(/a/x becomes //x)'),
      }),
    ]);
    const relative = only(http({ path: { exact: '/a' } }, 'svc.local', { rewrite: { path: { exact: 'b' } } }));
    expect(relative).toEqual([expect.objectContaining({ code: 'rewrite-path', severity: 'error' })]);
  });

  it('when a route never matches, then it is not also reported as shadowed, nor does it shadow others', () => {
    const findings = checkRoutes(HTTP_8080, [
      route('root', http({ prefix: '/' }, 'svc.local', {}, 0)),
      route('dead', http({ prefix: '/x', port: 1 }, 'svc.local', {}, 5)),
      route('dead-first', http({ port: 2 }, 'svc.local', {}, 0)),
    ]);
    expect(codes(findings)).toEqual(['dead-first:port-mismatch', 'dead:port-mismatch']);
  });
});

describe('route checks for a candidate', () => {
  it('when a new route would be shadowed, or would shadow a saved one, then the form gets those findings only', () => {
    const saved = [
      route('root', http({ prefix: '/' }, 'svc.local', {}, 10)),
      route('chapter', http({ prefix: '/chapter' }, 'svc.local', {}, 20)),
      route('bad', http({ port: 1 })),
    ];
    const shadowed = checkCandidate(HTTP_8080, saved, route('new', http({ prefix: '/new' }, 'svc.local', {}, 30)));
    expect(codes(shadowed)).toEqual(['new:shadowed']);
    const shadowing = checkCandidate(HTTP_8080, saved, route('first', http({ prefix: '/' }, 'svc.local', {}, 0)));
    expect(codes(shadowing)).toEqual(['root:shadowed', 'chapter:shadowed']);
    expect(shadowing.every((f) => f.otherRoute === 'first')).toBe(true);
    const edit = checkCandidate(HTTP_8080, saved, route('chapter', http({ prefix: '/chapter' }, 'svc.local', {}, 5)), {
      replacing: 'chapter',
    });
    expect(edit).toEqual([]);
  });
});

describe('literal prefix of a regex', () => {
  it('when a regex starts with literal text, then that text is its literal prefix', () => {
    expect(literalPrefix('^/api/v[0-9]+')).toBe('/api/v');
    expect(literalPrefix('/a?b')).toBe('/');
    expect(literalPrefix('/ab*')).toBe('/a');
    expect(literalPrefix('/ab+')).toBe('/ab');
    expect(literalPrefix('\\/x\\.y')).toBe('/x.y');
    expect(literalPrefix('/a|/b')).toBe('');
    expect(literalPrefix('\\d+')).toBe('');
  });
});
