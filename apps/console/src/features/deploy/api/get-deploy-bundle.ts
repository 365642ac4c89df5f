import { DeployBundleSchema } from '@meshconsole/model';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, apiPath, buildUrl } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

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
