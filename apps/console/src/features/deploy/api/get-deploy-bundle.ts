import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiPath, buildUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const DEPLOY_TARGETS = ['kubernetes', 'ecs', 'ec2', 'iam'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];

export const DeployArtifactSchema = z.object({
  id: z.string(),
  target: z.enum(DEPLOY_TARGETS),
  title: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
export type DeployArtifact = z.infer<typeof DeployArtifactSchema>;

/** Answer of `GET /api/meshes/:mesh/virtual-gateways/:name/deploy`. */
export const DeployBundleSchema = z.object({
  artifacts: z.array(DeployArtifactSchema),
  warnings: z.array(z.string()),
  options: z.object({
    namespace: z.string(),
    replicas: z.number(),
    envoyImage: z.string(),
    clusterName: z.string().optional(),
    region: z.string(),
    iamRoleArn: z.string(),
    adminPort: z.number(),
  }),
});
export type DeployBundle = z.infer<typeof DeployBundleSchema>;

/** The options as typed in the panel (blank means the server's default). */
export interface DeployOptionsParams {
  namespace?: string;
  replicas?: string;
  envoyImage?: string;
  clusterName?: string;
  iamRoleArn?: string;
}

function deployQuery(meshOwner: string | undefined, params: DeployOptionsParams) {
  return { meshOwner, ...params };
}

export function getDeployBundle(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  params: DeployOptionsParams,
  signal?: AbortSignal,
) {
  return api.get(apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'deploy'), DeployBundleSchema, {
    query: deployQuery(meshOwner, params),
    signal,
  });
}

/** URL of the whole bundle (one tar file), for a download link. */
export function deployBundleDownloadUrl(
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  params: DeployOptionsParams,
): string {
  return buildUrl(
    apiPath('meshes', mesh, 'virtual-gateways', gatewayName, 'deploy', 'bundle'),
    deployQuery(meshOwner, params),
  );
}

export const deployBundleQueryOptions = (
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  params: DeployOptionsParams,
) =>
  queryOptions({
    queryKey: queryKeys.deploy.bundle(mesh, meshOwner, gatewayName, { ...params }),
    queryFn: ({ signal }) => getDeployBundle(mesh, meshOwner, gatewayName, params, signal),
    // The bundle follows the gateway's spec, which another tab may have just edited.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

export const useDeployBundle = (
  mesh: string,
  meshOwner: string | undefined,
  gatewayName: string,
  params: DeployOptionsParams,
) => useQuery(deployBundleQueryOptions(mesh, meshOwner, gatewayName, params));
