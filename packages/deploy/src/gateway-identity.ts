import { appmeshResourceArnValue, parseAppMeshArn } from '@meshconsole/model';
import type { GatewayShape } from './gateway.types';

/** The facts every artifact shares, derived once from the gateway and the options. */
export interface GatewayIdentity {
  meshName: string;
  gatewayName: string;
  /** The gateway's full ARN (from its metadata). */
  arn: string;
  partition: string;
  region: string;
  /** Account that owns the mesh. */
  meshOwner: string;
  /** Account that created the gateway: the Envoy must run with this account's credentials. */
  resourceOwner: string;
  /** True when the mesh belongs to another account than the gateway or the caller. */
  sharedMesh: boolean;
  /** The account viewing the gateway, when known. */
  callerAccountId: string | undefined;
  /** The value of APPMESH_RESOURCE_ARN. */
  resourceArnValue: string;
  /** A Kubernetes-safe (DNS-1123 label) base name derived from the gateway name. */
  k8sName: string;
}

/** The short form the App Mesh user guide documents for a gateway's Envoy: `mesh/<mesh>/virtualGateway/<name>`. */
export const shortResourceArn = appmeshResourceArnValue;

/**
 * APPMESH_RESOURCE_ARN for the gateway's Envoy.
 * - A gateway you own in a mesh you own: the documented short form `mesh/<mesh>/virtualGateway/<name>`
 *   (the Envoy resolves it in its own account).
 * - Any gateway in a mesh shared by another account: the gateway's full ARN, because the short form
 *   names no mesh owner and would be looked up in the Envoy's own account, where the mesh is not.
 * `callerAccountId` is the account viewing the gateway (the console's account), when known.
 */
export function resourceArnValue(gateway: GatewayShape, callerAccountId?: string): string {
  const { meshOwner, resourceOwner, arn } = gateway.metadata;
  const ownMesh = meshOwner === resourceOwner && (callerAccountId === undefined || callerAccountId === meshOwner);
  return ownMesh ? shortResourceArn(gateway.meshName, gateway.virtualGatewayName) : arn;
}

/** Lowercase DNS-1123 label (max 63) from any App Mesh name; never empty. */
export function toK8sName(name: string, maxLength = 63): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return cleaned === '' ? 'gateway' : cleaned;
}

export function gatewayIdentity(
  gateway: GatewayShape,
  regionOverride?: string,
  callerAccountId?: string,
): GatewayIdentity {
  const parsed = parseAppMeshArn(gateway.metadata.arn);
  return {
    meshName: gateway.meshName,
    gatewayName: gateway.virtualGatewayName,
    arn: gateway.metadata.arn,
    partition: parsed?.partition ?? 'aws',
    region: regionOverride ?? parsed?.region ?? 'us-west-2',
    meshOwner: gateway.metadata.meshOwner,
    resourceOwner: gateway.metadata.resourceOwner,
    sharedMesh:
      gateway.metadata.meshOwner !== gateway.metadata.resourceOwner ||
      (callerAccountId !== undefined && callerAccountId !== gateway.metadata.meshOwner),
    callerAccountId,
    resourceArnValue: resourceArnValue(gateway, callerAccountId),
    k8sName: toK8sName(gateway.virtualGatewayName),
  };
}
