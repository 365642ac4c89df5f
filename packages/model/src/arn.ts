/**
 * App Mesh ARNs:
 *   arn:<partition>:appmesh:<region>:<account>:mesh/<mesh>
 *   ...:mesh/<mesh>/virtualService/<name>
 *   ...:mesh/<mesh>/virtualGateway/<name>
 *   ...:mesh/<mesh>/virtualGateway/<gateway>/gatewayRoute/<name>
 *   ...:mesh/<mesh>/virtualNode/<name>
 *   ...:mesh/<mesh>/virtualRouter/<name>
 *   ...:mesh/<mesh>/virtualRouter/<router>/route/<name>
 * The account is the resource owner's.
 */

export type ArnResourceKind =
  | 'mesh'
  | 'virtualService'
  | 'virtualGateway'
  | 'gatewayRoute'
  | 'virtualNode'
  | 'virtualRouter'
  | 'route';

export interface ArnLocation {
  /** `aws` unless given. */
  partition?: string;
  region: string;
  accountId: string;
}

export type AppMeshResource =
  | { kind: 'mesh'; meshName: string }
  | { kind: 'virtualService'; meshName: string; virtualServiceName: string }
  | { kind: 'virtualGateway'; meshName: string; virtualGatewayName: string }
  | { kind: 'gatewayRoute'; meshName: string; virtualGatewayName: string; gatewayRouteName: string }
  | { kind: 'virtualNode'; meshName: string; virtualNodeName: string }
  | { kind: 'virtualRouter'; meshName: string; virtualRouterName: string }
  | { kind: 'route'; meshName: string; virtualRouterName: string; routeName: string };

export type ParsedAppMeshArn = AppMeshResource & { partition: string; region: string; accountId: string };

/** The resource part after `<account>:`, e.g. `mesh/m1/virtualGateway/gw`. */
export function appmeshResourcePath(resource: AppMeshResource): string {
  const mesh = `mesh/${resource.meshName}`;
  switch (resource.kind) {
    case 'mesh':
      return mesh;
    case 'virtualService':
      return `${mesh}/virtualService/${resource.virtualServiceName}`;
    case 'virtualGateway':
      return `${mesh}/virtualGateway/${resource.virtualGatewayName}`;
    case 'gatewayRoute':
      return `${mesh}/virtualGateway/${resource.virtualGatewayName}/gatewayRoute/${resource.gatewayRouteName}`;
    case 'virtualNode':
      return `${mesh}/virtualNode/${resource.virtualNodeName}`;
    case 'virtualRouter':
      return `${mesh}/virtualRouter/${resource.virtualRouterName}`;
    case 'route':
      return `${mesh}/virtualRouter/${resource.virtualRouterName}/route/${resource.routeName}`;
  }
}

export function buildAppMeshArn(location: ArnLocation, resource: AppMeshResource): string {
  const partition = location.partition ?? 'aws';
  return `arn:${partition}:appmesh:${location.region}:${location.accountId}:${appmeshResourcePath(resource)}`;
}

export const meshArn = (loc: ArnLocation, meshName: string) => buildAppMeshArn(loc, { kind: 'mesh', meshName });
export const virtualServiceArn = (loc: ArnLocation, meshName: string, virtualServiceName: string) =>
  buildAppMeshArn(loc, { kind: 'virtualService', meshName, virtualServiceName });
export const virtualGatewayArn = (loc: ArnLocation, meshName: string, virtualGatewayName: string) =>
  buildAppMeshArn(loc, { kind: 'virtualGateway', meshName, virtualGatewayName });
export const gatewayRouteArn = (
  loc: ArnLocation,
  meshName: string,
  virtualGatewayName: string,
  gatewayRouteName: string,
) => buildAppMeshArn(loc, { kind: 'gatewayRoute', meshName, virtualGatewayName, gatewayRouteName });
export const virtualNodeArn = (loc: ArnLocation, meshName: string, virtualNodeName: string) =>
  buildAppMeshArn(loc, { kind: 'virtualNode', meshName, virtualNodeName });
export const virtualRouterArn = (loc: ArnLocation, meshName: string, virtualRouterName: string) =>
  buildAppMeshArn(loc, { kind: 'virtualRouter', meshName, virtualRouterName });
export const routeArn = (loc: ArnLocation, meshName: string, virtualRouterName: string, routeName: string) =>
  buildAppMeshArn(loc, { kind: 'route', meshName, virtualRouterName, routeName });

/** The `APPMESH_RESOURCE_ARN` value Envoy needs for a virtual gateway: `mesh/<mesh>/virtualGateway/<name>`. */
export function appmeshResourceArnValue(meshName: string, virtualGatewayName: string): string {
  return appmeshResourcePath({ kind: 'virtualGateway', meshName, virtualGatewayName });
}

const NAME = '([^/]+)';
const RESOURCE_PATTERNS: ReadonlyArray<[RegExp, (m: string[]) => AppMeshResource]> = [
  [new RegExp(`^mesh/${NAME}$`), (m) => ({ kind: 'mesh', meshName: m[1]! })],
  [
    new RegExp(`^mesh/${NAME}/virtualService/${NAME}$`),
    (m) => ({ kind: 'virtualService', meshName: m[1]!, virtualServiceName: m[2]! }),
  ],
  [
    new RegExp(`^mesh/${NAME}/virtualGateway/${NAME}$`),
    (m) => ({ kind: 'virtualGateway', meshName: m[1]!, virtualGatewayName: m[2]! }),
  ],
  [
    new RegExp(`^mesh/${NAME}/virtualGateway/${NAME}/gatewayRoute/${NAME}$`),
    (m) => ({ kind: 'gatewayRoute', meshName: m[1]!, virtualGatewayName: m[2]!, gatewayRouteName: m[3]! }),
  ],
  [
    new RegExp(`^mesh/${NAME}/virtualNode/${NAME}$`),
    (m) => ({ kind: 'virtualNode', meshName: m[1]!, virtualNodeName: m[2]! }),
  ],
  [
    new RegExp(`^mesh/${NAME}/virtualRouter/${NAME}$`),
    (m) => ({ kind: 'virtualRouter', meshName: m[1]!, virtualRouterName: m[2]! }),
  ],
  [
    new RegExp(`^mesh/${NAME}/virtualRouter/${NAME}/route/${NAME}$`),
    (m) => ({ kind: 'route', meshName: m[1]!, virtualRouterName: m[2]!, routeName: m[3]! }),
  ],
];

const APPMESH_ARN = /^arn:([a-z][a-z0-9-]*):appmesh:([a-z0-9-]+):(\d{12}):(.+)$/;

/** Parses an App Mesh ARN; `undefined` when the text is not one. */
export function parseAppMeshArn(arn: string): ParsedAppMeshArn | undefined {
  const m = APPMESH_ARN.exec(arn);
  if (!m) return undefined;
  const [, partition, region, accountId, resourcePath] = m;
  for (const [pattern, build] of RESOURCE_PATTERNS) {
    const r = pattern.exec(resourcePath!);
    if (r) return { ...build(r), partition: partition!, region: region!, accountId: accountId! };
  }
  return undefined;
}

const PARTITION = '(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)';
const REGION = '[a-z]{2}(-[a-z]+)+-\\d+';
const ACM_CERTIFICATE_ARN = new RegExp(`^arn:${PARTITION}:acm:${REGION}:\\d{12}:certificate/[A-Za-z0-9-]+$`);
const ACM_PCA_ARN = new RegExp(`^arn:${PARTITION}:acm-pca:${REGION}:\\d{12}:certificate-authority/[A-Za-z0-9-]+$`);

/** `arn:aws:acm:<region>:<account>:certificate/<id>`: an ACM certificate (listener TLS `acm.certificateArn`). */
export function isAcmCertificateArn(value: string): boolean {
  return ACM_CERTIFICATE_ARN.test(value);
}

/** `arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>`: an ACM Private CA (validation trust). */
export function isAcmPcaArn(value: string): boolean {
  return ACM_PCA_ARN.test(value);
}
