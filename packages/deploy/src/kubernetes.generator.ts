import type { DeployArtifact } from './artifact.types';
import { displayQuoted, shellWord } from './file-syntax';
import type { GatewaySpecShape } from './gateway.types';
import { toK8sName } from './gateway-identity';
import { type GenerationContext, k8sPortName } from './generation-context';
import { crdSpecParts } from './virtual-gateway-crd';
import { yamlDocument } from './yaml-text';

function labels(ctx: GenerationContext): Record<string, string> {
  return {
    app: ctx.id.k8sName,
    'app.kubernetes.io/name': ctx.id.k8sName,
    'app.kubernetes.io/component': 'virtual-gateway',
    'app.kubernetes.io/part-of': toK8sName(ctx.id.meshName),
    'app.kubernetes.io/managed-by': 'meshconsole',
  };
}

function artifact(id: string, title: string, filename: string, content: string): DeployArtifact {
  return { id: `kubernetes-${id}`, target: 'kubernetes', title, filename, mediaType: 'application/yaml', content };
}

export function kubernetesArtifacts(ctx: GenerationContext, spec: GatewaySpecShape): DeployArtifact[] {
  const { id, namespace } = ctx;
  const name = id.k8sName;
  const meshLabel = toK8sName(id.meshName);
  const selector = { app: name };

  const namespaceDoc = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace, labels: { mesh: meshLabel, gateway: name } },
  };

  const virtualGateway = {
    apiVersion: 'appmesh.k8s.aws/v1beta2',
    kind: 'VirtualGateway',
    metadata: { name, namespace, labels: labels(ctx) },
    spec: {
      awsName: id.gatewayName,
      namespaceSelector: { matchLabels: { gateway: name } },
      podSelector: { matchLabels: selector },
      ...crdSpecParts(spec),
    },
  };

  const container = {
    name: 'envoy',
    image: ctx.options.envoyImage,
    ports: ctx.listeners.map((listener, index) => ({
      name: k8sPortName(listener, index),
      containerPort: listener.portMapping.port,
      protocol: 'TCP',
    })),
    env: ctx.env.map((e) => ({ name: e.name, value: e.value })),
    readinessProbe: {
      tcpSocket: { port: ctx.primaryPort },
      initialDelaySeconds: 1,
      periodSeconds: 10,
    },
    resources: { requests: { cpu: '512m', memory: '64Mi' } },
    ...(ctx.certificateFiles.length > 0
      ? {
          volumeMounts: ctx.certificateFiles.map((f) => ({
            name: 'certificates',
            mountPath: f.path,
            subPath: f.secretKey,
            readOnly: true,
          })),
        }
      : {}),
  };
  const volumes =
    ctx.certificateFiles.length > 0
      ? [
          {
            name: 'certificates',
            secret: {
              secretName: ctx.certificateSecretName,
              items: ctx.certificateFiles.map((f) => ({ key: f.secretKey, path: f.secretKey })),
            },
          },
        ]
      : undefined;

  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: labels(ctx) },
    spec: {
      replicas: ctx.options.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: labels(ctx) },
        spec: {
          serviceAccountName: name,
          containers: [container],
          ...(volumes ? { volumes } : {}),
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector },
            },
          ],
        },
      },
    },
  };

  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace,
      labels: labels(ctx),
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      },
    },
    spec: {
      type: 'LoadBalancer',
      selector,
      ports: ctx.listeners.map((listener, index) => ({
        name: k8sPortName(listener, index),
        port: listener.portMapping.port,
        targetPort: listener.portMapping.port,
        protocol: 'TCP',
      })),
    },
  };

  const serviceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name,
      namespace,
      labels: labels(ctx),
      annotations: { 'eks.amazonaws.com/role-arn': ctx.roleArn },
    },
  };

  const pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace, labels: labels(ctx) },
    spec: { minAvailable: 1, selector: { matchLabels: selector } },
  };

  return [
    artifact(
      'namespace',
      'Namespace',
      'namespace.yaml',
      yamlDocument(
        namespaceDoc,
        `Namespace of the gateway's Envoy. The label "gateway: ${name}" is the VirtualGateway's namespace selector:\n` +
          `GatewayRoutes in namespaces carrying it join this gateway. The label "mesh: ${meshLabel}" must match the\n` +
          `namespaceSelector of the cluster's Mesh resource for mesh ${displayQuoted(id.meshName)}.`,
      ),
    ),
    artifact(
      'virtual-gateway',
      'VirtualGateway (App Mesh controller)',
      'virtual-gateway.yaml',
      yamlDocument(
        virtualGateway,
        `App Mesh controller resource for virtual gateway ${displayQuoted(id.gatewayName)} in mesh ${displayQuoted(id.meshName)}.\n` +
          'Field names follow the CRD: certificateARN and certificateAuthorityARNs (the API spells them\n' +
          'certificateArn and certificateAuthorityArns). awsName keeps the gateway name used in App Mesh.',
      ),
    ),
    artifact(
      'service-account',
      'ServiceAccount',
      'service-account.yaml',
      yamlDocument(
        serviceAccount,
        "Envoy's identity: the IAM role must allow appmesh:StreamAggregatedResources (iam/).",
      ),
    ),
    artifact(
      'deployment',
      'Deployment',
      'deployment.yaml',
      yamlDocument(
        deployment,
        'Envoy only: no application container and no proxy configuration, so the gateway traffic is not\n' +
          `redirected to itself. The Envoy admin interface listens on ${ctx.adminPort}, apart from the listener.`,
      ),
    ),
    artifact(
      'service',
      'Service (Network Load Balancer)',
      'service.yaml',
      yamlDocument(
        service,
        'An internet-facing Network Load Balancer in front of the Envoy replicas (AWS Load Balancer Controller).\n' +
          "External clients use the load balancer's DNS name.",
      ),
    ),
    artifact('pod-disruption-budget', 'PodDisruptionBudget', 'pod-disruption-budget.yaml', yamlDocument(pdb)),
    ...(ctx.certificateFiles.length > 0 ? [certificatesSecretScript(ctx)] : []),
  ];
}

/** `kubectl create secret` for the certificate files, read from the same paths on the operator's machine by default. */
function certificatesSecretScript(ctx: GenerationContext): DeployArtifact {
  const lines = [
    '#!/usr/bin/env bash',
    `# Creates Secret ${ctx.certificateSecretName}: the certificate files virtual gateway ${displayQuoted(ctx.id.gatewayName)} reads.`,
    '# Each --from-file reads the local file after "="; change those paths to where the files are on this machine.',
    'set -euo pipefail',
    `kubectl create secret generic ${shellWord(ctx.certificateSecretName)} --namespace ${shellWord(ctx.namespace)} \\`,
    ...ctx.certificateFiles.map(
      (f, i) =>
        `  --from-file=${shellWord(`${f.secretKey}=${f.path}`)}${i === ctx.certificateFiles.length - 1 ? '' : ' \\'}`,
    ),
    '',
  ];
  return {
    id: 'kubernetes-certificates-secret',
    target: 'kubernetes',
    title: 'Certificates Secret (kubectl)',
    filename: 'certificates-secret.sh',
    mediaType: 'text/x-shellscript',
    content: lines.join('\n'),
  };
}
