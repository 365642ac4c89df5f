import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AppMeshResource,
  appmeshResourceArnValue,
  buildAppMeshArn,
  gatewayRouteArn,
  isAcmCertificateArn,
  isAcmPcaArn,
  meshArn,
  parseAppMeshArn,
  routeArn,
  virtualGatewayArn,
  virtualNodeArn,
  virtualRouterArn,
  virtualServiceArn,
} from './index';

const loc = { region: 'us-west-2', accountId: '123456789012' };

describe('App Mesh ARNs', () => {
  it('when each kind is built, then it has the documented form', () => {
    expect(meshArn(loc, 'm1')).toBe('arn:aws:appmesh:us-west-2:123456789012:mesh/m1');
    expect(virtualServiceArn(loc, 'm1', 'svc.local')).toBe(
      'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualService/svc.local',
    );
    expect(virtualGatewayArn(loc, 'm1', 'gw')).toBe('arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualGateway/gw');
    expect(gatewayRouteArn(loc, 'm1', 'gw', 'r1')).toBe(
      'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualGateway/gw/gatewayRoute/r1',
    );
    expect(virtualNodeArn(loc, 'm1', 'n1')).toBe('arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualNode/n1');
    expect(virtualRouterArn(loc, 'm1', 'vr')).toBe('arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualRouter/vr');
    expect(routeArn(loc, 'm1', 'vr', 'r')).toBe(
      'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualRouter/vr/route/r',
    );
  });

  it('when a partition is given, then it is used', () => {
    expect(meshArn({ ...loc, partition: 'aws-cn', region: 'cn-north-1' }, 'm')).toBe(
      'arn:aws-cn:appmesh:cn-north-1:123456789012:mesh/m',
    );
  });

  it('when a gateway route ARN is parsed, then every part comes back', () => {
    expect(
      parseAppMeshArn('arn:aws-us-gov:appmesh:us-gov-west-1:210987654321:mesh/m1/virtualGateway/gw/gatewayRoute/r1'),
    ).toEqual({
      kind: 'gatewayRoute',
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      accountId: '210987654321',
      meshName: 'm1',
      virtualGatewayName: 'gw',
      gatewayRouteName: 'r1',
    });
  });

  it('when the text is not an App Mesh ARN, then parsing gives undefined', () => {
    for (const bad of [
      '',
      'mesh/m1',
      'arn:aws:acm:us-west-2:123456789012:certificate/abc',
      'arn:aws:appmesh:us-west-2:1234:mesh/m1',
      'arn:aws:appmesh:us-west-2:123456789012:mesh/',
      'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualGateway',
      'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/unknownKind/x',
      'arn:aws:appmesh:us-west-2:123456789012:mesh/m1/virtualGateway/gw/route/r',
    ]) {
      expect(parseAppMeshArn(bad), bad).toBeUndefined();
    }
  });

  it('when any resource is built and parsed, then the same resource comes back', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/);
    const resource: fc.Arbitrary<AppMeshResource> = fc.oneof(
      part.map((meshName) => ({ kind: 'mesh' as const, meshName })),
      fc
        .tuple(part, part)
        .map(([meshName, virtualServiceName]) => ({ kind: 'virtualService' as const, meshName, virtualServiceName })),
      fc
        .tuple(part, part)
        .map(([meshName, virtualGatewayName]) => ({ kind: 'virtualGateway' as const, meshName, virtualGatewayName })),
      fc.tuple(part, part, part).map(([meshName, virtualGatewayName, gatewayRouteName]) => ({
        kind: 'gatewayRoute' as const,
        meshName,
        virtualGatewayName,
        gatewayRouteName,
      })),
      fc
        .tuple(part, part)
        .map(([meshName, virtualNodeName]) => ({ kind: 'virtualNode' as const, meshName, virtualNodeName })),
      fc
        .tuple(part, part)
        .map(([meshName, virtualRouterName]) => ({ kind: 'virtualRouter' as const, meshName, virtualRouterName })),
      fc.tuple(part, part, part).map(([meshName, virtualRouterName, routeName]) => ({
        kind: 'route' as const,
        meshName,
        virtualRouterName,
        routeName,
      })),
    );
    const location = fc.record({
      partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
      region: fc.constantFrom('us-west-2', 'eu-central-1', 'ap-southeast-2'),
      accountId: fc.stringMatching(/^\d{12}$/),
    });
    fc.assert(
      fc.property(location, resource, (l, r) => {
        expect(parseAppMeshArn(buildAppMeshArn(l, r))).toEqual({ ...r, ...l });
      }),
    );
  });

  it('when Envoy needs APPMESH_RESOURCE_ARN for a gateway, then it is mesh/<mesh>/virtualGateway/<name>', () => {
    expect(appmeshResourceArnValue('m1', 'ingress-gw')).toBe('mesh/m1/virtualGateway/ingress-gw');
  });
});

describe('ACM ARNs', () => {
  const id = '11111111-2222-3333-4444-555555555555';

  it('when an ARN is an ACM certificate, then only isAcmCertificateArn says so', () => {
    const arn = `arn:aws:acm:us-west-2:123456789012:certificate/${id}`;
    expect(isAcmCertificateArn(arn)).toBe(true);
    expect(isAcmPcaArn(arn)).toBe(false);
    expect(isAcmCertificateArn(`arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/${id}`)).toBe(true);
  });

  it('when an ARN is an ACM Private CA, then only isAcmPcaArn says so', () => {
    const arn = `arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/${id}`;
    expect(isAcmPcaArn(arn)).toBe(true);
    expect(isAcmCertificateArn(arn)).toBe(false);
  });

  it('when an ARN is malformed, then neither check accepts it', () => {
    for (const bad of [
      '',
      id,
      `arn:aws:acm:us-west-2:12345678901:certificate/${id}`,
      `arn:aws:acm:us-west-2:123456789012:certificate/`,
      `arn:aws:acm::123456789012:certificate/${id}`,
      `arn:bogus:acm:us-west-2:123456789012:certificate/${id}`,
      `arn:aws:acm-pca:us-west-2:123456789012:certificate/${id}`,
      `arn:aws:acm:us-west-2:123456789012:certificate/${id} `,
    ]) {
      expect(isAcmCertificateArn(bad) || isAcmPcaArn(bad), bad).toBe(false);
    }
  });
});
