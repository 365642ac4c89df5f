// The documented examples, one row each, with where each one is written down. The guide's /chapter
// example comes first. (README.md, "Rules", cites the same sources.)
import { describe, expect, it } from 'vitest';
import { testRequest } from './evaluate';
import type { GatewayListener, GatewayRouteEntry } from './route-view';
import { HTTP_8080, http, req, route } from './test-support';

interface Example {
  source: string;
  listener?: GatewayListener;
  routes: GatewayRouteEntry[];
  request: Record<string, unknown>;
  /** the winning route, or null */
  matched: string | null;
  host?: string | null;
  path?: string;
  targetPort?: number | null;
}

/** The walkthrough's custom prefix rewrite route. */
const MAROON = route(
  'maroon',
  http({ prefix: '/maroon/', queryParameters: [{ name: 'fishes', match: { exact: 'nemo' } }] }, 'svc.local', {
    rewrite: { prefix: { value: '/red/' } },
  }),
);

const EXAMPLES: Example[] = [
  {
    source:
      'User guide, Virtual gateways, Important box: match prefix /chapter, request /chapter/1 is rewritten to /1 and the host to the target virtual service name',
    routes: [route('chapter', http({ prefix: '/chapter' }, 'svc.local'))],
    request: { path: '/chapter/1', host: 'books.example.com' },
    matched: 'chapter',
    host: 'svc.local',
    path: '/1',
  },
  {
    source:
      'User guide, Gateway routes: match prefix /, www.example.com/chapter/page goes to myservicea.svc.cluster.local/chapter/page',
    routes: [route('all', http({ prefix: '/' }, 'myservicea.svc.cluster.local'))],
    request: { path: '/chapter/page', host: 'www.example.com' },
    matched: 'all',
    host: 'myservicea.svc.cluster.local',
    path: '/chapter/page',
  },
  {
    source: 'User guide, Gateway routes: match prefix /chapter, www.example.com/chapter/page is rewritten to /page',
    routes: [route('chapter', http({ prefix: '/chapter' }))],
    request: { path: '/chapter/page', host: 'www.example.com' },
    matched: 'chapter',
    path: '/page',
  },
  {
    source: 'User guide, Gateway routes: match prefix /chapter, www.example.com/chapter1 is rewritten to /1',
    routes: [route('chapter', http({ prefix: '/chapter' }))],
    request: { path: '/chapter1', host: 'www.example.com' },
    matched: 'chapter',
    path: '/1',
  },
  {
    source:
      'User guide, Gateway routes: prefixes /chapter and /, a request for www.example.com/chapter/ is matched to the /chapter route (longest prefix)',
    routes: [route('root', http({ prefix: '/' })), route('chapter', http({ prefix: '/chapter' }))],
    request: { path: '/chapter/', host: 'www.example.com' },
    matched: 'chapter',
    path: '/',
  },
  {
    source: 'API reference, HttpGatewayRouteMatch.prefix: "/" by itself matches all requests',
    routes: [route('all', http({ prefix: '/' }))],
    request: { path: '/anything/at/all?x=1' },
    matched: 'all',
    path: '/anything/at/all?x=1',
  },
  {
    source: 'API reference, HttpGatewayRouteMatch.prefix: to match my-service.local/metrics, the prefix is /metrics',
    routes: [route('metrics', http({ prefix: '/metrics' }, 'my-service.local'))],
    request: { path: '/metrics', host: 'my-service.local' },
    matched: 'metrics',
    host: 'my-service.local',
    path: '/',
  },
  {
    source:
      'Walkthrough howto-match-and-rewrite-at-ingress: /red/tell on prefix /red is forwarded as /tell (default prefix rewrite)',
    routes: [route('red', http({ prefix: '/red' }, 'colorteller-1.default.svc.cluster.local'))],
    request: { path: '/red/tell' },
    matched: 'red',
    host: 'colorteller-1.default.svc.cluster.local',
    path: '/tell',
  },
  {
    source:
      'Walkthrough howto-match-and-rewrite-at-ingress, hostname matching: prefix /red with exact hostname www.example.com takes curl -H "Host: www.example.com" .../red/tell',
    routes: [route('red', http({ prefix: '/red', hostname: { exact: 'www.example.com' } }))],
    request: { path: '/red/tell', host: 'www.example.com' },
    matched: 'red',
    path: '/tell',
  },
  {
    source: 'Same walkthrough: without that Host header, the hostname-matching route does not take the request',
    routes: [route('red', http({ prefix: '/red', hostname: { exact: 'www.example.com' } }))],
    request: { path: '/red/tell' },
    matched: null,
  },
  {
    source:
      'Walkthrough howto-match-and-rewrite-at-ingress, disable default prefix rewrites: prefix /red/ with defaultPrefix DISABLED keeps /red/tell',
    routes: [
      route('red', http({ prefix: '/red/' }, 'svc.local', { rewrite: { prefix: { defaultPrefix: 'DISABLED' } } })),
    ],
    request: { path: '/red/tell' },
    matched: 'red',
    path: '/red/tell',
  },
  {
    source:
      'Walkthrough howto-match-and-rewrite-at-ingress, custom prefix rewrite: prefix /maroon/ with query fishes=nemo and prefix value /red/ takes /maroon/tell?fishes=nemo',
    routes: [MAROON],
    request: { path: '/maroon/tell?fishes=nemo' },
    matched: 'maroon',
    path: '/red/tell?fishes=nemo',
  },
  {
    source: 'Same walkthrough: the query parameter match needs fishes=nemo',
    routes: [MAROON],
    request: { path: '/maroon/tell?fishes=dory' },
    matched: null,
  },
  {
    source:
      'User guide, Multiple listeners walkthrough: "match": { "port": 1010 } with target port 3030 routes every request on listener 1010',
    listener: { port: 1010, protocol: 'http' },
    routes: [
      route('my-gateway-route-1', {
        httpRoute: {
          match: { port: 1010 },
          action: { target: { virtualService: { virtualServiceName: 'my-virtual-service' }, port: 3030 } },
        },
      }),
    ],
    request: { path: '/' },
    matched: 'my-gateway-route-1',
    host: 'my-virtual-service',
    path: '/',
    targetPort: 3030,
  },
  {
    source: 'API reference, MatchRange: a range of 1-100 matches 1 to 99 (here 99)',
    routes: [
      route('range', http({ prefix: '/', headers: [{ name: 'x-n', match: { range: { start: 1, end: 100 } } }] })),
    ],
    request: { path: '/', headers: { 'x-n': '99' } },
    matched: 'range',
  },
  {
    source: 'API reference, MatchRange: the end of the range is excluded (100 does not match 1-100)',
    routes: [
      route('range', http({ prefix: '/', headers: [{ name: 'x-n', match: { range: { start: 1, end: 100 } } }] })),
    ],
    request: { path: '/', headers: { 'x-n': '100' } },
    matched: null,
  },
  {
    source:
      'User guide, Routes, headers: clientRequestId with prefix 123 and Invert matches a request whose header starts with anything other than 123',
    routes: [
      route(
        'inverted',
        http({ prefix: '/', headers: [{ name: 'clientRequestId', invert: true, match: { prefix: '123' } }] }),
      ),
    ],
    request: { path: '/', headers: { clientRequestId: '456' } },
    matched: 'inverted',
  },
  {
    source: 'Same example: a clientRequestId starting with 123 does not match the inverted route',
    routes: [
      route(
        'inverted',
        http({ prefix: '/', headers: [{ name: 'clientRequestId', invert: true, match: { prefix: '123' } }] }),
      ),
    ],
    request: { path: '/', headers: { clientRequestId: '1234' } },
    matched: null,
  },
  {
    source:
      'User guide, Routes: priority 0 to 1000, where 0 is the highest priority (here 0 wins over a longer prefix at 10)',
    routes: [
      route('short', http({ prefix: '/' }, 'a.local', {}, 0)),
      route('long', http({ prefix: '/chapter' }, 'b.local', {}, 10)),
    ],
    request: { path: '/chapter/1' },
    matched: 'short',
    path: '/chapter/1',
  },
];

describe('documented examples', () => {
  it.each(EXAMPLES)('$source', (example) => {
    const answer = testRequest(example.listener ?? HTTP_8080, example.routes, req(example.request));
    expect(answer.matched?.gatewayRouteName ?? null).toBe(example.matched);
    if (example.matched === null) {
      expect(answer.target).toBeNull();
      expect(answer.forwarded).toBeNull();
      expect(answer.routes.every((r) => r.outcome === 'not-matched' && r.reason.length > 10)).toBe(true);
      return;
    }
    const winner = example.routes.find((r) => r.gatewayRouteName === example.matched)!;
    const service = (winner.spec.httpRoute ?? winner.spec.http2Route)!.action.target.virtualService.virtualServiceName;
    expect(answer.target?.virtualServiceName).toBe(service);
    if (example.host !== undefined) expect(answer.forwarded?.host).toBe(example.host);
    else expect(answer.forwarded?.host).toBe(service);
    if (example.path !== undefined) expect(answer.forwarded?.path).toBe(example.path);
    if (example.targetPort !== undefined) expect(answer.target?.port).toBe(example.targetPort);
  });

  it('when the guide example is answered, then the whole answer reads as the issue describes it', () => {
    const answer = testRequest(
      HTTP_8080,
      [route('chapter', http({ prefix: '/chapter' }, 'svc.local', {}, 10))],
      req({
        method: 'GET',
        path: '/chapter/1?x=1',
        host: 'books.example.com',
        headers: { 'x-user': 'a' },
      }),
    );
    expect(answer).toEqual({
      matched: { gatewayRouteName: 'chapter', priority: 10 },
      target: { virtualServiceName: 'svc.local', port: null },
      forwarded: {
        host: 'svc.local',
        path: '/1?x=1',
        rewrites: [
          "The host books.example.com is replaced by svc.local, the target virtual service's name (the default hostname rewrite).",
          'The matched prefix /chapter is replaced by / (the default prefix rewrite): /chapter/1?x=1 becomes /1?x=1.',
        ],
      },
      routes: [
        {
          gatewayRouteName: 'chapter',
          outcome: 'matched',
          reason: "It is the first route, in the gateway's order, whose conditions all hold (prefix /chapter).",
        },
      ],
    });
  });
});
