export type {
  ArtifactMediaType,
  DeployArtifact,
  DeployBundle,
  DeployTarget,
  ResolvedDeployOptions,
} from './artifact.types';
export { DEPLOY_TARGET_LABELS, DEPLOY_TARGETS } from './artifact.types';
export type { BundleArchive, TarEntry } from './bundle-archive';
export { artifactPath, bundleArchive, bundleReadme, createTar } from './bundle-archive';
export type {
  DeployFieldName,
  DeployOptionName,
  DeployOptions,
  DeployOptionsInput,
  ParseDeployOptionsResult,
} from './deploy-options.schema';
export {
  DEFAULT_ADMIN_PORT,
  DEFAULT_ENVOY_IMAGE,
  DEFAULT_REPLICAS,
  DEPLOY_OPTION_LABELS,
  DeployOptionsError,
  DeployOptionsSchema,
  MAX_REPLICAS,
  parseDeployOptions,
} from './deploy-options.schema';
export { fargateBlockedPorts } from './ecs.generator';
export type { GatewayShape, GatewaySpecShape } from './gateway.types';
export { gatewayIdentity, resourceArnValue, shortResourceArn, toK8sName } from './gateway-identity';
export { type GenerationInputContext, generateBundle } from './generate-bundle';
export { crdSpecParts } from './virtual-gateway-crd';
export { compact, yamlDocument } from './yaml-text';
