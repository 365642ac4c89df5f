import type { CertificateFile } from './certificate-files';
import type { DeployOptions } from './deploy-options.schema';
import type { ListenerShape } from './gateway.types';
import type { GatewayIdentity } from './gateway-identity';

export interface EnvVar {
  name: string;
  value: string;
}

/** Everything the per-target writers need, computed once. */
export interface GenerationContext {
  id: GatewayIdentity;
  options: DeployOptions;
  namespace: string;
  listeners: ListenerShape[];
  listenerPorts: number[];
  /** The first listener's port: the one the load balancers and readiness checks use. */
  primaryPort: number;
  adminPort: number;
  /** The Envoy's environment, in a stable order. */
  env: EnvVar[];
  /** Role the Envoy runs as (given, or a suggested name in the gateway's account). */
  roleArn: string;
  roleArnGiven: boolean;
  /** Name used for ECS families/services, Docker containers and systemd units. */
  workloadName: string;
  /** Certificates and keys the Envoy reads from files (local file hosting). */
  certificateFiles: CertificateFile[];
  /** The Kubernetes Secret that carries them. */
  certificateSecretName: string;
}

/** A port's name in Kubernetes (max 15 characters). */
export function k8sPortName(listener: ListenerShape, index: number): string {
  const protocol = listener.portMapping.protocol;
  return index === 0 ? protocol : `${protocol}-${index + 1}`;
}
