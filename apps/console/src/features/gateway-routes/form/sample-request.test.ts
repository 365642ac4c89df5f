import type { GatewayRouteSpec } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { sampleRequest } from './sample-request';

const target = { target: { virtualService: { virtualServiceName: 'svc.local' } } };
const http = (match: Record<string, unknown>): GatewayRouteSpec =>
  ({ httpRoute: { match, action: target } }) as GatewayRouteSpec;

describe('sampleRequest (the route form preview request)', () => {
  it("when the match is the guide's prefix /chapter, then the sample is /chapter/1", () => {
    expect(sampleRequest(http({ prefix: '/chapter' }), 'http')).toMatchObject({ method: 'GET', path: '/chapter/1' });
    expect(sampleRequest(http({ prefix: '/chapter/' }), 'http')).toMatchObject({ path: '/chapter/1' });
    expect(sampleRequest(http({ prefix: '/' }), 'http')).toMatchObject({ path: '/1' });
  });

  it('when the match has an exact path, a hostname suffix, a method, headers and a query parameter, then the sample meets each', () => {
    const request = sampleRequest(
      http({
        path: { exact: '/books' },
        hostname: { suffix: '.example.com' },
        method: 'POST',
        headers: [
          { name: 'x-user', match: { prefix: 'a' } },
          { name: 'x-off', invert: true, match: { exact: '1' } },
          { name: 'x-any' },
        ],
        queryParameters: [{ name: 'v', match: { exact: '2' } }],
      }),
      'http',
    );
    expect(request).toEqual({
      method: 'POST',
      path: '/books?v=2',
      host: 'www.example.com',
      headers: { 'x-user': 'ax', 'x-any': '1' },
    });
  });

  it('when the path regex has a literal that matches it, then that literal; otherwise no sample', () => {
    expect(sampleRequest(http({ path: { regex: '/books' } }), 'http')).toMatchObject({ path: '/books' });
    expect(sampleRequest(http({ path: { regex: '/books/[0-9]+' } }), 'http')).toBeUndefined();
  });

  it('when the gateway is grpc, then the sample is a call of the service the route matches', () => {
    const spec = { grpcRoute: { match: { serviceName: 'pkg.Svc' }, action: target } } as GatewayRouteSpec;
    expect(sampleRequest(spec, 'grpc')).toEqual({
      serviceName: 'pkg.Svc',
      methodName: 'Method',
      host: 'www.example.com',
    });
  });
});
