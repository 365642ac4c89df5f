// The bundle's wire shapes are the console API contract's (packages/model); this package fills them.
export type {
  ArtifactMediaType,
  DeployArtifact,
  DeployBundle,
  DeployTarget,
  ResolvedDeployOptions,
} from '@meshconsole/model';
export { DEPLOY_TARGET_LABELS, DEPLOY_TARGETS } from '@meshconsole/model';
