import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { DeployArtifact, DeployBundle } from './artifact.types';
import { DEFAULT_ENVOY_IMAGE, DeployOptionsError } from './deploy-options.schema';
import { fullSpec, ownedGateway, sharedGateway } from './gateway.fixtures';
import { generateBundle } from './generate-bundle';

type Json = Record<string, unknown>;

function artifact(bundle: DeployBundle, id: string): DeployArtifact {
  const found = bundle.artifacts.find((a) => a.id === id);
  if (!found) throw new Error(`no artifact ${id}`);
  return found;
}
const yamlOf = (bundle: DeployBundle, id: string) => parse(artifact(bundle, id).content) as Json;
const jsonOf = (bundle: DeployBundle, id: string) => JSON.parse(artifact(bundle, id).content) as Json;

function deploymentContainer(bundle: DeployBundle) {
  const deployment = yamlOf(bundle, 'kubernetes-deployment') as {
    spec: {
      replicas: number;
      template: { spec: { containers: Array<Json & { env: Array<{ name: string; value: string }> }> } };
    };
  };
  const containers = deployment.spec.template.spec.containers;
  expect(containers).toHaveLength(1);
  return { deployment, container: containers[0]! };
}

function envMap(list: Array<{ name: string; value: string }>): Record<string, string> {
  return Object.fromEntries(list.map((e) => [e.name, e.value]));
}

function ecsContainer(bundle: DeployBundle) {
  const task = jsonOf(bundle, 'ecs-task-definition') as Json & {
    containerDefinitions: Array<Json & { environment: Array<{ name: string; value: string }> }>;
  };
  expect(task.containerDefinitions).toHaveLength(1);
  return { task, container: task.containerDefinitions[0]! };
}

/** Every key anywhere in a JSON value. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  return [];
}

describe('generateBundle', () => {
  it('when generating for any gateway, then every artifact parses in its own format', () => {
    for (const gateway of [ownedGateway(), sharedGateway(), ownedGateway({ spec: fullSpec })]) {
      const bundle = generateBundle(gateway, { clusterName: 'edge' });
      expect(bundle.artifacts.map((a) => a.target)).toEqual(
        expect.arrayContaining(['kubernetes', 'ecs', 'ec2', 'iam']),
      );
      expect(new Set(bundle.artifacts.map((a) => a.id)).size).toBe(bundle.artifacts.length);
      for (const a of bundle.artifacts) {
        if (a.mediaType === 'application/yaml') {
          const docs = parseAllDocuments(a.content);
          expect(Array.isArray(docs) ? docs : [docs]).toHaveLength(1);
          const doc = Array.isArray(docs) ? docs[0]! : docs;
          expect(doc.errors, a.id).toEqual([]);
          expect(doc.toJS(), a.id).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String) });
        } else if (a.mediaType === 'application/json') {
          expect(() => JSON.parse(a.content), a.id).not.toThrow();
        } else if (a.mediaType === 'text/x-shellscript') {
          const check = spawnSync('bash', ['-n'], { input: a.content, encoding: 'utf8' });
          expect(check.status, `${a.id}: ${check.stderr}`).toBe(0);
        } else {
          expect(a.content).toMatch(
            /^\[Unit\][\s\S]*\n\[Service\][\s\S]*\nExecStart=\/usr\/bin\/docker run [\s\S]*\n\[Install\]\n/,
          );
        }
      }
    }
  });

  it('when the mesh is owned, then APPMESH_RESOURCE_ARN is the short form everywhere and IAM names the full ARN', () => {
    const bundle = generateBundle(ownedGateway(), { clusterName: 'edge-gw' }, { callerAccountId: '123456789012' });
    const expected = {
      APPMESH_RESOURCE_ARN: 'mesh/demo-mesh/virtualGateway/ingress-gw',
      APPMESH_RESOURCE_CLUSTER: 'edge-gw',
      ENVOY_ADMIN_ACCESS_PORT: '9901',
      AWS_REGION: 'us-west-2',
    };
    expect(envMap(deploymentContainer(bundle).container.env)).toEqual(expected);
    expect(envMap(ecsContainer(bundle).container.environment)).toEqual(expected);
    const run = artifact(bundle, 'ec2-docker-run').content;
    const unit = artifact(bundle, 'ec2-systemd-unit').content;
    for (const text of [run, unit]) {
      expect(text).toContain('--env APPMESH_RESOURCE_ARN=mesh/demo-mesh/virtualGateway/ingress-gw');
      expect(text).toContain('--env APPMESH_RESOURCE_CLUSTER=edge-gw');
      expect(text).toContain('--env ENVOY_ADMIN_ACCESS_PORT=9901');
    }
    const policy = jsonOf(bundle, 'iam-proxy-authorization-policy') as { Statement: Json[] };
    expect(policy.Statement).toEqual([
      {
        Sid: 'AppMeshProxyAuthorization',
        Effect: 'Allow',
        Action: 'appmesh:StreamAggregatedResources',
        Resource: 'arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/ingress-gw',
      },
    ]);
    expect(bundle.warnings.join('\n')).not.toContain('shared');
  });

  it('when you created the gateway in a mesh shared with you, then APPMESH_RESOURCE_ARN is the full ARN everywhere', () => {
    const bundle = generateBundle(sharedGateway(), {}, { callerAccountId: '210987654321' });
    const fullArn = 'arn:aws:appmesh:eu-west-1:210987654321:mesh/shared-mesh/virtualGateway/partner-gw';
    const expected = { APPMESH_RESOURCE_ARN: fullArn, ENVOY_ADMIN_ACCESS_PORT: '9901', AWS_REGION: 'eu-west-1' };
    expect(envMap(deploymentContainer(bundle).container.env)).toEqual(expected);
    expect(envMap(ecsContainer(bundle).container.environment)).toEqual(expected);
    expect(artifact(bundle, 'ec2-docker-run').content).toContain(`--env APPMESH_RESOURCE_ARN=${fullArn}`);
    expect(artifact(bundle, 'ec2-systemd-unit').content).toContain(`--env APPMESH_RESOURCE_ARN=${fullArn}`);
    const policy = jsonOf(bundle, 'iam-proxy-authorization-policy') as { Statement: Array<{ Resource: string }> };
    expect(policy.Statement[0]?.Resource).toBe(fullArn);
    expect(bundle.warnings.find((w) => w.includes('shared'))).toContain('account 123456789012');
    expect(bundle.warnings.some((w) => w.includes('belongs to account'))).toBe(false);
  });

  it("when the gateway is the mesh owner's, seen from a mesh shared with you, then the full ARN is used and the owner's account is named", () => {
    const arn = 'arn:aws:appmesh:us-west-2:111122223333:mesh/partner-mesh/virtualGateway/partner-gw';
    const gateway = sharedGateway({
      meshName: 'partner-mesh',
      metadata: { arn, meshOwner: '111122223333', resourceOwner: '111122223333' },
    });
    const bundle = generateBundle(gateway, {}, { callerAccountId: '123456789012' });
    expect(envMap(deploymentContainer(bundle).container.env).APPMESH_RESOURCE_ARN).toBe(arn);
    expect(bundle.warnings.find((w) => w.includes('belongs to account'))).toContain(
      'run this Envoy with credentials of account 111122223333',
    );
    expect(bundle.options.iamRoleArn).toBe('arn:aws:iam::111122223333:role/partner-gw-envoy');
    // Without knowing the caller, the same gateway looks like one in an owned mesh: the short form.
    expect(envMap(deploymentContainer(generateBundle(gateway)).container.env).APPMESH_RESOURCE_ARN).toBe(
      'mesh/partner-mesh/virtualGateway/partner-gw',
    );
  });

  it('when no cluster name override is given, then APPMESH_RESOURCE_CLUSTER is absent', () => {
    const bundle = generateBundle(ownedGateway(), { clusterName: '' });
    expect(envMap(deploymentContainer(bundle).container.env)).not.toHaveProperty('APPMESH_RESOURCE_CLUSTER');
    expect(artifact(bundle, 'ec2-docker-run').content).not.toContain('APPMESH_RESOURCE_CLUSTER');
  });

  it('when generating the ECS task, then Envoy is the only container, without proxyConfiguration or user', () => {
    const { task, container } = ecsContainer(generateBundle(ownedGateway({ spec: fullSpec })));
    expect(container.name).toBe('envoy');
    expect(container.image).toBe(DEFAULT_ENVOY_IMAGE);
    const keys = allKeys(task);
    expect(keys).not.toContain('proxyConfiguration');
    expect(keys).not.toContain('user');
    expect(container.portMappings).toEqual([{ containerPort: 8443, hostPort: 8443, protocol: 'tcp' }]);
    expect(container.healthCheck).toMatchObject({
      command: ['CMD-SHELL', 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE'],
    });
  });

  it('when generating the Kubernetes Deployment, then it runs Envoy alone with replicas, the listener port, readiness on it and a distinct admin port', () => {
    const bundle = generateBundle(ownedGateway(), { replicas: 3, namespace: 'edge' });
    const { deployment, container } = deploymentContainer(bundle);
    expect(deployment.spec.replicas).toBe(3);
    expect(container.image).toBe(DEFAULT_ENVOY_IMAGE);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(container.readinessProbe).toMatchObject({ tcpSocket: { port: 8080 } });
    expect(envMap(container.env).ENVOY_ADMIN_ACCESS_PORT).toBe('9901');
    expect(allKeys(deployment)).not.toContain('runAsUser');
    expect((deployment as unknown as { metadata: Json }).metadata.namespace).toBe('edge');
  });

  it('when generating the Service and ServiceAccount, then the Service is an NLB LoadBalancer and the account names the IAM role', () => {
    const role = 'arn:aws:iam::123456789012:role/gateway-envoy';
    const bundle = generateBundle(ownedGateway(), { iamRoleArn: role });
    const service = yamlOf(bundle, 'kubernetes-service') as { metadata: { annotations: Json }; spec: Json };
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.metadata.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
    });
    expect(service.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' }]);
    const account = yamlOf(bundle, 'kubernetes-service-account') as { metadata: { annotations: Json } };
    expect(account.metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': role });
    expect(JSON.parse(artifact(bundle, 'ecs-task-definition').content).taskRoleArn).toBe(role);
    expect(bundle.warnings.join('\n')).not.toContain('IAM role ARN');
  });

  it('when the ECS service is generated, then it registers with an NLB target group on the listener port and runs the replicas', () => {
    const service = jsonOf(generateBundle(ownedGateway(), { replicas: 4 }), 'ecs-service-definition') as Json & {
      loadBalancers: Json[];
    };
    expect(service.desiredCount).toBe(4);
    expect(service.launchType).toBe('FARGATE');
    expect(service.loadBalancers).toEqual([
      { targetGroupArn: 'REPLACE_WITH_TARGET_GROUP_ARN', containerName: 'envoy', containerPort: 8080 },
    ]);
    expect(allKeys(service)).not.toContain('proxyConfiguration');
  });

  it.each([
    [80, true],
    [443, true],
    [1024, true],
    [1025, false],
    [8080, false],
  ])('when the listener port is %i, then the Fargate warning is %s', (port, flagged) => {
    const bundle = generateBundle(ownedGateway({ spec: { listeners: [{ portMapping: { port, protocol: 'http' } }] } }));
    const warning = bundle.warnings.find((w) => w.includes('Fargate'));
    const task = jsonOf(bundle, 'ecs-task-definition');
    const service = jsonOf(bundle, 'ecs-service-definition');
    if (flagged) {
      expect(warning).toContain(String(port));
      expect(warning).toContain('above 1024');
      expect(task.requiresCompatibilities).toEqual(['EC2']);
      expect(service.launchType).toBe('EC2');
    } else {
      expect(warning).toBeUndefined();
      expect(task.requiresCompatibilities).toContain('FARGATE');
    }
  });

  it('when the admin port equals the listener port, then the options are rejected naming Envoy admin port', () => {
    const gateway = ownedGateway({ spec: { listeners: [{ portMapping: { port: 9901, protocol: 'http' } }] } });
    expect(() => generateBundle(gateway)).toThrow(DeployOptionsError);
    try {
      generateBundle(gateway);
    } catch (error) {
      expect((error as DeployOptionsError).fieldErrors.adminPort?.[0]).toMatch(/^Envoy admin port must differ/);
      expect((error as DeployOptionsError).fieldErrors.adminPort?.[0]).toContain('9902');
    }
    const moved = generateBundle(gateway, { adminPort: '9902' });
    expect(envMap(deploymentContainer(moved).container.env).ENVOY_ADMIN_ACCESS_PORT).toBe('9902');
  });

  it('when options are invalid, then nothing is generated and each message names the option', () => {
    try {
      generateBundle(ownedGateway(), { replicas: 1, namespace: 'Bad_NS', envoyImage: 'envoy latest' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DeployOptionsError);
      const { fieldErrors } = error as DeployOptionsError;
      expect(fieldErrors.replicas).toEqual(['Replicas must be a whole number between 2 and 50.']);
      expect(fieldErrors.namespace?.[0]).toMatch(/^Namespace must be a Kubernetes name/);
      expect(fieldErrors.envoyImage?.[0]).toMatch(/^Envoy image must be an image reference/);
    }
  });

  it('when the gateway name is not a Kubernetes name, then objects get a safe name and awsName keeps the App Mesh name', () => {
    const bundle = generateBundle(
      ownedGateway({
        virtualGatewayName: 'Ingress_GW',
        metadata: {
          arn: 'arn:aws:appmesh:us-west-2:123456789012:mesh/demo-mesh/virtualGateway/Ingress_GW',
          meshOwner: '123456789012',
          resourceOwner: '123456789012',
        },
      }),
    );
    const vg = yamlOf(bundle, 'kubernetes-virtual-gateway') as { metadata: Json; spec: Json };
    expect(vg.metadata.name).toBe('ingress-gw');
    expect(vg.spec.awsName).toBe('Ingress_GW');
    expect(envMap(deploymentContainer(bundle).container.env).APPMESH_RESOURCE_ARN).toBe(
      'mesh/demo-mesh/virtualGateway/Ingress_GW',
    );
    expect(bundle.warnings.some((w) => w.includes('"ingress-gw"'))).toBe(true);
  });

  it('when names need shell quoting, then the docker run script still parses and carries the exact value', () => {
    const bundle = generateBundle(
      ownedGateway({
        meshName: "team's mesh",
        virtualGatewayName: 'gw $1',
        metadata: {
          arn: "arn:aws:appmesh:us-west-2:123456789012:mesh/team's mesh/virtualGateway/gw $1",
          meshOwner: '1',
          resourceOwner: '1',
        },
      }),
    );
    const script = artifact(bundle, 'ec2-docker-run').content;
    const out = spawnSync(
      'bash',
      ['-c', `docker() { printf '%s\\n' "$@"; }; ${script.replace('#!/usr/bin/env bash', '')}`],
      {
        encoding: 'utf8',
      },
    );
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.split('\n')).toContain("APPMESH_RESOURCE_ARN=mesh/team's mesh/virtualGateway/gw $1");
  });

  it('when the spec uses ACM certificates, then the IAM policy also allows exporting them', () => {
    const policy = jsonOf(generateBundle(ownedGateway({ spec: fullSpec })), 'iam-proxy-authorization-policy') as {
      Statement: Array<{ Action: string; Resource: string | string[] }>;
    };
    expect(policy.Statement.map((s) => s.Action)).toEqual([
      'appmesh:StreamAggregatedResources',
      'acm:ExportCertificate',
      'acm-pca:GetCertificateAuthorityCertificate',
    ]);
  });
});

describe('generateBundle options', () => {
  it('when defaults apply, then the bundle reports the resolved options', () => {
    expect(generateBundle(ownedGateway(), { replicas: '3' }).options).toEqual({
      namespace: 'ingress-gw',
      replicas: 3,
      envoyImage: DEFAULT_ENVOY_IMAGE,
      region: 'us-west-2',
      iamRoleArn: 'arn:aws:iam::123456789012:role/ingress-gw-envoy',
      adminPort: 9901,
    });
  });
});

describe('generateBundle certificate files', () => {
  const spec = {
    listeners: [
      {
        portMapping: { port: 8443, protocol: 'http2' as const },
        tls: {
          mode: 'STRICT' as const,
          certificate: {
            file: { certificateChain: '/etc/envoy/certs/edge.pem', privateKey: '/etc/envoy/certs/edge.key' },
          },
          validation: { trust: { file: { certificateChain: '/etc/ca/clients.pem' } } },
        },
      },
    ],
  };

  it('when TLS reads local files, then Kubernetes mounts each from a Secret at its path and EC2 binds the same paths', () => {
    const bundle = generateBundle(ownedGateway({ spec }), { namespace: 'edge' });
    const deployment = yamlOf(bundle, 'kubernetes-deployment') as {
      spec: { template: { spec: { containers: Array<{ volumeMounts: Json[] }>; volumes: Json[] } } };
    };
    const pod = deployment.spec.template.spec;
    expect(pod.containers[0]?.volumeMounts).toEqual([
      {
        name: 'certificates',
        mountPath: '/etc/envoy/certs/edge.pem',
        subPath: 'etc_envoy_certs_edge.pem',
        readOnly: true,
      },
      {
        name: 'certificates',
        mountPath: '/etc/envoy/certs/edge.key',
        subPath: 'etc_envoy_certs_edge.key',
        readOnly: true,
      },
      { name: 'certificates', mountPath: '/etc/ca/clients.pem', subPath: 'etc_ca_clients.pem', readOnly: true },
    ]);
    expect(pod.volumes).toEqual([
      {
        name: 'certificates',
        secret: {
          secretName: 'ingress-gw-certs',
          items: [
            { key: 'etc_envoy_certs_edge.pem', path: 'etc_envoy_certs_edge.pem' },
            { key: 'etc_envoy_certs_edge.key', path: 'etc_envoy_certs_edge.key' },
            { key: 'etc_ca_clients.pem', path: 'etc_ca_clients.pem' },
          ],
        },
      },
    ]);
    const secretScript = artifact(bundle, 'kubernetes-certificates-secret').content;
    expect(secretScript).toContain('kubectl create secret generic ingress-gw-certs --namespace edge \\\n');
    expect(secretScript).toContain('--from-file=etc_envoy_certs_edge.key=/etc/envoy/certs/edge.key');
    expect(spawnSync('bash', ['-n'], { input: secretScript }).status).toBe(0);
    expect(artifact(bundle, 'ec2-docker-run').content).toContain(
      '--volume /etc/envoy/certs/edge.pem:/etc/envoy/certs/edge.pem:ro',
    );
    expect(bundle.warnings.find((w) => w.includes('local files'))).toContain(
      'Secret ingress-gw-certs in namespace edge',
    );
  });

  it('when TLS uses no files, then there are no volumes and no Secret script', () => {
    const bundle = generateBundle(ownedGateway());
    expect(artifact(bundle, 'kubernetes-deployment').content).not.toContain('volume');
    expect(bundle.artifacts.some((a) => a.id === 'kubernetes-certificates-secret')).toBe(false);
    expect(artifact(bundle, 'ec2-docker-run').content).not.toContain('--volume');
  });
});

describe('generateBundle SDS', () => {
  it('when a certificate comes from SDS, then the bundle says to set APPMESH_SDS_SOCKET_PATH; otherwise it does not', () => {
    const sds = generateBundle(ownedGateway({ spec: fullSpec }));
    expect(sds.warnings.some((w) => w.includes('APPMESH_SDS_SOCKET_PATH'))).toBe(true);
    const secretNamedSds = generateBundle(
      ownedGateway({
        spec: {
          listeners: [
            {
              portMapping: { port: 8443, protocol: 'http' },
              tls: {
                mode: 'STRICT',
                certificate: { acm: { certificateArn: 'arn:aws:acm:us-west-2:123456789012:certificate/sds' } },
              },
            },
          ],
        },
      }),
    );
    expect(secretNamedSds.warnings.some((w) => w.includes('APPMESH_SDS_SOCKET_PATH'))).toBe(false);
  });
});
