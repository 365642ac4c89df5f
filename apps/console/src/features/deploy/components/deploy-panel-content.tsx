import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { DEPLOY_TARGET_LABELS, DEPLOY_TARGETS, type DeployBundle, type DeployTarget } from '@meshconsole/model';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ControlledInput } from '../../../components/form/form-fields';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { type DeployOptionsParams, deployBundleDownloadUrl, useDeployBundle } from '../api/get-deploy-bundle';
import { DeployArtifactView } from './deploy-artifact-view';
import type { DeployPanelProps } from './deploy-panel';

interface DeployFormValues {
  namespace: string;
  replicas: string;
  envoyImage: string;
  clusterName: string;
  iamRoleArn: string;
}

const FIELDS = ['namespace', 'replicas', 'envoyImage', 'clusterName', 'iamRoleArn'] as const;

function toParams(values: DeployFormValues): DeployOptionsParams {
  const params: DeployOptionsParams = {};
  for (const field of FIELDS) {
    const value = values[field]?.trim();
    if (value) params[field] = value;
  }
  return params;
}

/** The Deploy tab's content (loaded on demand by `DeployPanel`). */
export default function DeployPanelContent({ mesh, meshOwner, gatewayName }: DeployPanelProps) {
  const { control, setError, clearErrors } = useForm<DeployFormValues>({
    mode: 'onTouched',
    defaultValues: { namespace: '', replicas: '2', envoyImage: '', clusterName: '', iamRoleArn: '' },
  });
  const values = useWatch({ control });
  const typed = useMemo(() => toParams(values as DeployFormValues), [values]);
  const params = useDebouncedValue(typed, 350);
  const query = useDeployBundle(mesh, meshOwner, gatewayName, params);
  const [target, setTarget] = useState<DeployTarget>('kubernetes');

  // The last bundle the server generated, with the options that produced it: shown (and downloadable)
  // while the user fixes an option the server refused.
  const fresh = query.data && !query.isPlaceholderData ? { bundle: query.data, params } : undefined;
  const [lastGood, setLastGood] = useState<{ bundle: DeployBundle; params: DeployOptionsParams }>();
  useEffect(() => {
    if (fresh) setLastGood(fresh);
  }, [fresh?.bundle, fresh?.params]);
  const shown = fresh ?? lastGood;

  const error = query.error;
  useEffect(() => {
    clearErrors();
    if (error instanceof ApiError) {
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        if ((FIELDS as readonly string[]).includes(field) && messages[0]) {
          setError(field as (typeof FIELDS)[number], { type: 'server', message: messages[0] });
        }
      }
    }
  }, [error, clearErrors, setError]);

  const fieldErrorShown =
    error instanceof ApiError && Object.keys(error.fieldErrors).some((f) => (FIELDS as readonly string[]).includes(f));
  const artifacts = shown?.bundle.artifacts.filter((a) => a.target === target) ?? [];
  const resolved = shown?.bundle.options;

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="Run this gateway's Envoy on Kubernetes, Amazon ECS or Amazon EC2: the Envoy container only, no proxy configuration, several replicas behind a Network Load Balancer, with proxy authorization."
            actions={
              <Button
                iconName="download"
                href={shown ? deployBundleDownloadUrl(mesh, meshOwner, gatewayName, shown.params) : undefined}
                download
                disabled={!shown}
                disabledReason="The bundle is being generated."
              >
                Download bundle
              </Button>
            }
          >
            Deploy
          </Header>
        }
      >
        <ColumnLayout columns={2}>
          <ControlledInput
            control={control}
            name="namespace"
            label="Namespace"
            description="Kubernetes namespace of the Envoy, its Service and the VirtualGateway."
            placeholder={resolved?.namespace}
          />
          <ControlledInput
            control={control}
            name="replicas"
            label="Replicas"
            description="Envoy instances behind the Network Load Balancer."
            constraintText="2 to 50."
            type="number"
          />
          <ControlledInput
            control={control}
            name="envoyImage"
            label="Envoy image"
            description="The App Mesh Envoy image, pinned to a release."
            placeholder={resolved?.envoyImage}
          />
          <ControlledInput
            control={control}
            name="clusterName"
            label="Cluster name override"
            optional
            description="Sets APPMESH_RESOURCE_CLUSTER: the name the Envoy uses for itself in metrics and traces."
            placeholder={gatewayName}
          />
          <ControlledInput
            control={control}
            name="iamRoleArn"
            label="IAM role ARN"
            optional
            description="Role the Envoy runs as; it needs the proxy authorization policy."
            placeholder={resolved?.iamRoleArn}
          />
        </ColumnLayout>
      </Container>

      {error && !fieldErrorShown ? (
        <Alert type="error" header="The deployment bundle couldn't be generated">
          {errorMessage(error)}
        </Alert>
      ) : null}

      {shown && shown.bundle.warnings.length > 0 ? (
        <Alert type="warning" header="Before you deploy">
          <ul>
            {shown.bundle.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {shown ? (
        <SpaceBetween size="m">
          <SegmentedControl
            label="Target platform"
            selectedId={target}
            onChange={({ detail }) => setTarget(detail.selectedId as DeployTarget)}
            options={DEPLOY_TARGETS.map((t) => ({ id: t, text: DEPLOY_TARGET_LABELS[t] }))}
          />
          {artifacts.map((artifact) => (
            <DeployArtifactView key={artifact.id} artifact={artifact} />
          ))}
        </SpaceBetween>
      ) : query.isPending ? (
        <Box textAlign="center">
          <StatusIndicator type="loading">Generating the deployment bundle</StatusIndicator>
        </Box>
      ) : null}
    </SpaceBetween>
  );
}
