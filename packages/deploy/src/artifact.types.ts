// The bundle's wire shapes are the console API contract's (packages/model); this package fills them.
import type { DeployTarget } from '@meshconsole/model';

export type {
  ArtifactMediaType,
  DeployArtifact,
  DeployBundle,
  DeployTarget,
  ResolvedDeployOptions,
} from '@meshconsole/model';
export { DEPLOY_TARGETS } from '@meshconsole/model';

export const DEPLOY_TARGET_LABELS: Record<DeployTarget, string> = {
  kubernetes: 'Kubernetes',
  ecs: 'Amazon ECS',
  ec2: 'Amazon EC2',
  iam: 'IAM',
};
