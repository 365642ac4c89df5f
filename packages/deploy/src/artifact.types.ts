export type DeployTarget = 'kubernetes' | 'ecs' | 'ec2' | 'iam';

export const DEPLOY_TARGETS: readonly DeployTarget[] = ['kubernetes', 'ecs', 'ec2', 'iam'];

export const DEPLOY_TARGET_LABELS: Record<DeployTarget, string> = {
  kubernetes: 'Kubernetes',
  ecs: 'Amazon ECS',
  ec2: 'Amazon EC2',
  iam: 'IAM',
};

export type ArtifactMediaType =
  | 'application/yaml'
  | 'application/json'
  | 'text/x-shellscript'
  | 'text/plain'
  | 'text/markdown';

export interface DeployArtifact {
  /** Stable id, unique in a bundle, e.g. `kubernetes-deployment`. */
  id: string;
  target: DeployTarget;
  /** A short human title, e.g. "Deployment". */
  title: string;
  /** File name inside the target's folder of the bundle, e.g. `deployment.yaml`. */
  filename: string;
  mediaType: ArtifactMediaType;
  content: string;
}

/** The options a bundle was generated with, defaults filled in. */
export interface ResolvedDeployOptions {
  namespace: string;
  replicas: number;
  envoyImage: string;
  clusterName?: string;
  region: string;
  iamRoleArn: string;
  adminPort: number;
}

export interface DeployBundle {
  artifacts: DeployArtifact[];
  warnings: string[];
  options: ResolvedDeployOptions;
}
