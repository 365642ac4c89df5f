import type { DeployArtifact, DeployBundle, ResolvedDeployOptions } from './artifact.types';
import { certificateFiles } from './certificate-files';
import {
  DEPLOY_OPTION_LABELS,
  DeployOptionsError,
  type DeployOptionsInput,
  parseDeployOptions,
} from './deploy-options.schema';
import { ec2Artifacts } from './ec2.generator';
import { ecsArtifacts, fargateBlockedPorts } from './ecs.generator';
import { displayQuoted } from './file-syntax';
import type { GatewayShape } from './gateway.types';
import { type GatewayIdentity, gatewayIdentity } from './gateway-identity';
import type { EnvVar, GenerationContext } from './generation-context';
import { iamArtifacts } from './iam.generator';
import { kubernetesArtifacts } from './kubernetes.generator';

/** The oldest Envoy image App Mesh accepts since 2023-06-30. */
const MIN_ENVOY_VERSION = [1, 17, 2, 0] as const;

function envoyImageVersion(image: string): number[] | undefined {
  const tag = /:v(\d+)\.(\d+)\.(\d+)\.(\d+)-prod$/.exec(image);
  return tag ? tag.slice(1).map(Number) : undefined;
}

function olderThan(version: readonly number[], minimum: readonly number[]): boolean {
  for (let i = 0; i < minimum.length; i += 1) {
    const a = version[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}

function envoyEnvironment(id: GatewayIdentity, adminPort: number, clusterName: string | undefined): EnvVar[] {
  const env: EnvVar[] = [{ name: 'APPMESH_RESOURCE_ARN', value: id.resourceArnValue }];
  if (clusterName) env.push({ name: 'APPMESH_RESOURCE_CLUSTER', value: clusterName });
  env.push({ name: 'ENVOY_ADMIN_ACCESS_PORT', value: String(adminPort) });
  env.push({ name: 'AWS_REGION', value: id.region });
  return env;
}

function workloadName(id: GatewayIdentity): string {
  // ECS families, service names, Docker container names and unit names all accept this.
  return id.k8sName.slice(0, 48).replace(/-+$/, '') || 'gateway';
}

/** True when any TLS setting takes its certificate or trust from Envoy SDS. */
function usesSds(spec: GatewayShape['spec']): boolean {
  const client = spec.backendDefaults?.clientPolicy?.tls;
  return (
    spec.listeners.some((l) => l.tls?.certificate.sds !== undefined || l.tls?.validation?.trust.sds !== undefined) ||
    client?.certificate?.sds !== undefined ||
    client?.validation.trust.sds !== undefined
  );
}

function collectWarnings(gateway: GatewayShape, ctx: GenerationContext): string[] {
  const warnings: string[] = [];
  const { id, options } = ctx;
  const blocked = fargateBlockedPorts(ctx.listenerPorts);
  if (blocked.length > 0) {
    warnings.push(
      `AWS Fargate needs listener ports above 1024, and this gateway listens on ${blocked.join(', ')}. ` +
        'The ECS task and service use the EC2 launch type; to run on Fargate, change the listener port to 1025 or higher.',
    );
  }
  if (id.sharedMesh) {
    warnings.push(
      `Mesh ${displayQuoted(id.meshName)} is owned by account ${id.meshOwner} and shared, so APPMESH_RESOURCE_ARN carries the gateway's full ARN (the short form would be looked up in the Envoy's own account).`,
    );
  }
  if (id.callerAccountId !== undefined && id.callerAccountId !== id.resourceOwner) {
    warnings.push(
      `Virtual gateway ${displayQuoted(id.gatewayName)} belongs to account ${id.resourceOwner}, not to your account ${id.callerAccountId}: App Mesh lets an Envoy connect only as a resource its own account owns, so run this Envoy with credentials of account ${id.resourceOwner}.`,
    );
  } else if (id.callerAccountId === undefined && id.sharedMesh) {
    warnings.push(`Run the Envoy with credentials of account ${id.resourceOwner}, which owns the gateway.`);
  }
  if (id.k8sName !== id.gatewayName) {
    warnings.push(
      `${displayQuoted(id.gatewayName)} is not a valid Kubernetes name, so the Kubernetes objects are named "${id.k8sName}"; ` +
        'the VirtualGateway keeps the App Mesh name in awsName.',
    );
  }
  if (usesSds(gateway.spec)) {
    warnings.push(
      "The gateway takes certificates from Envoy SDS: set APPMESH_SDS_SOCKET_PATH to the SDS agent's Unix socket (Envoy 1.15.1.0 or later) and mount that socket into the Envoy.",
    );
  }
  if (ctx.certificateFiles.length > 0) {
    warnings.push(
      `The gateway reads certificates from local files (${ctx.certificateFiles.map((f) => displayQuoted(f.path)).join(', ')}). ` +
        `Kubernetes: create Secret ${ctx.certificateSecretName} in namespace ${ctx.namespace} (kubernetes/certificates-secret.sh); the Deployment mounts each file at its path. ` +
        'EC2: docker run mounts the same paths from the host. ECS: provide them through a volume or an image built on the Envoy image. ' +
        'Envoy does not reload them: restart it after a renewal.',
    );
  }
  const version = envoyImageVersion(options.envoyImage);
  if (!version) {
    warnings.push(
      `${DEPLOY_OPTION_LABELS.envoyImage} "${options.envoyImage}" is not pinned to an App Mesh release tag (vX.Y.Z.W-prod); pin it so every replica runs the same Envoy.`,
    );
  } else if (olderThan(version, MIN_ENVOY_VERSION)) {
    warnings.push(
      `${DEPLOY_OPTION_LABELS.envoyImage} ${options.envoyImage} is older than v1.17.2.0-prod, the oldest Envoy App Mesh accepts since 2023-06-30.`,
    );
  }
  if (!ctx.roleArnGiven) {
    warnings.push(
      `No ${DEPLOY_OPTION_LABELS.iamRoleArn} given: the bundle names ${ctx.roleArn}. Create that role with the proxy authorization policy, or give your own role.`,
    );
  }
  if (ctx.listeners.length > 1) {
    warnings.push(
      `The gateway has ${ctx.listeners.length} listeners; the load balancers and readiness checks use the first (port ${ctx.primaryPort}).`,
    );
  }
  return warnings;
}

/** Facts about who asks, not chosen by the user. */
export interface GenerationInputContext {
  /** The account viewing the gateway (the console's account): decides "a mesh shared with you". */
  callerAccountId?: string;
}

/**
 * Builds the deployment bundle for a virtual gateway: Kubernetes, Amazon ECS, Amazon EC2 and IAM artifacts
 * that run the gateway's Envoy. Pure: no I/O. Throws `DeployOptionsError` when the options are invalid.
 */
export function generateBundle(
  gateway: GatewayShape,
  input: DeployOptionsInput = {},
  context: GenerationInputContext = {},
): DeployBundle {
  const parsed = parseDeployOptions(input);
  if (!parsed.success) throw parsed.error;
  const options = parsed.data;
  const id = gatewayIdentity(gateway, options.region, context.callerAccountId);

  const listeners = gateway.spec.listeners;
  const first = listeners[0];
  if (!first) {
    throw new DeployOptionsError({
      gateway: [
        `Virtual gateway ${displayQuoted(gateway.virtualGatewayName)} has no listener, so there is no port to deploy.`,
      ],
    });
  }
  const listenerPorts = listeners.map((l) => l.portMapping.port);
  const healthPorts = listeners.flatMap((l) => (l.healthCheck?.port ? [l.healthCheck.port] : []));
  if ([...listenerPorts, ...healthPorts].includes(options.adminPort)) {
    throw new DeployOptionsError({
      adminPort: [
        `${DEPLOY_OPTION_LABELS.adminPort} must differ from the listener ports; ${options.adminPort} is in use by the gateway. Choose another port, such as ${nextFreePort(options.adminPort, [...listenerPorts, ...healthPorts])}.`,
      ],
    });
  }

  const roleArn = options.iamRoleArn ?? `arn:${id.partition}:iam::${id.resourceOwner}:role/${workloadName(id)}-envoy`;
  const ctx: GenerationContext = {
    id,
    options,
    namespace: options.namespace ?? id.k8sName,
    listeners,
    listenerPorts,
    primaryPort: first.portMapping.port,
    adminPort: options.adminPort,
    env: envoyEnvironment(id, options.adminPort, options.clusterName),
    roleArn,
    roleArnGiven: options.iamRoleArn !== undefined,
    workloadName: workloadName(id),
    certificateFiles: certificateFiles(gateway.spec),
    certificateSecretName: `${id.k8sName.slice(0, 57).replace(/-+$/, '')}-certs`,
  };

  const artifacts: DeployArtifact[] = [
    ...kubernetesArtifacts(ctx, gateway.spec),
    ...ecsArtifacts(ctx),
    ...ec2Artifacts(ctx),
    ...iamArtifacts(ctx, gateway.spec),
  ];
  const resolved: ResolvedDeployOptions = {
    namespace: ctx.namespace,
    replicas: options.replicas,
    envoyImage: options.envoyImage,
    ...(options.clusterName ? { clusterName: options.clusterName } : {}),
    region: id.region,
    iamRoleArn: roleArn,
    adminPort: options.adminPort,
  };
  return { artifacts, warnings: collectWarnings(gateway, ctx), options: resolved };
}

/** A port near `from` that none of the listeners use. */
export function nextFreePort(from: number, used: readonly number[]): number {
  for (let port = from + 1; port <= 65535; port += 1) if (!used.includes(port)) return port;
  for (let port = 1025; port < from; port += 1) if (!used.includes(port)) return port;
  return from;
}
