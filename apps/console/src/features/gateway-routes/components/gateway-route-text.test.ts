import type { GatewayRouteData } from '@meshconsole/model';
import { describe, expect, it } from 'vitest';
import { describeGatewayRouteJson, matchSummary, rewriteTexts } from './gateway-route-text';

const route: GatewayRouteData = {
  virtualGatewayName: 'ingress-gw',
  meshName: 'demo-mesh',
  gatewayRouteName: 'catalog-route',
  status: { status: 'ACTIVE' },
  spec: {
    httpRoute: {
      match: { prefix: '/catalog', method: 'GET', headers: [{ name: 'x-a', match: { exact: '1' } }] },
      action: { target: { virtualService: { virtualServiceName: 'catalog.demo.local' }, port: 8080 } },
    },
  },
  metadata: {
    version: 2,
    uid: 'u-1',
    resourceOwner: '123456789012',
    meshOwner: '123456789012',
    lastUpdatedAt: 1649259762.015,
    createdAt: 1649259762,
    arn: 'arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw/gatewayRoute/catalog-route',
  },
};

describe('describeGatewayRouteJson', () => {
  it('when printed, then it is {"gatewayRoute": ...} with sorted keys, ISO timestamps and 4-space indents, like the CLI', () => {
    const text = describeGatewayRouteJson(route);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['gatewayRoute']);
    expect(Object.keys(parsed.gatewayRoute)).toEqual([
      'gatewayRouteName',
      'meshName',
      'metadata',
      'spec',
      'status',
      'virtualGatewayName',
    ]);
    expect(parsed.gatewayRoute.metadata.createdAt).toBe('2022-04-06T15:42:42+00:00');
    expect(parsed.gatewayRoute.metadata.lastUpdatedAt).toBe('2022-04-06T15:42:42.015000+00:00');
    expect(text).toContain('\n    "gatewayRoute": {\n        "gatewayRouteName": "catalog-route",');
  });
});

describe('console texts', () => {
  it('when a route matches a prefix, a method and a header, then the summary lists them', () => {
    expect(matchSummary(route.spec)).toBe('Prefix /catalog · GET · 1 header');
  });

  it('when no rewrite is set on a prefix route, then the defaults are spelled out', () => {
    expect(rewriteTexts(route.spec)).toEqual({
      hostname: 'Rewritten to catalog.demo.local (default).',
      path: 'The matched prefix /catalog is rewritten to / (default).',
    });
  });
});
