import type { DeployArtifact } from './artifact.types';
import type { GatewaySpecShape } from './gateway.types';
import type { GenerationContext } from './generation-context';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
}

/** The proxy authorization policy, plus the certificate permissions the Envoy needs for ACM material. */
export function proxyAuthorizationPolicy(ctx: GenerationContext, spec: GatewaySpecShape) {
  const statements: Statement[] = [
    {
      Sid: 'AppMeshProxyAuthorization',
      Effect: 'Allow',
      Action: 'appmesh:StreamAggregatedResources',
      Resource: ctx.id.arn,
    },
  ];
  const certificateArns = spec.listeners.flatMap((l) =>
    l.tls?.certificate.acm ? [l.tls.certificate.acm.certificateArn] : [],
  );
  if (certificateArns.length > 0) {
    statements.push({
      Sid: 'ExportListenerCertificates',
      Effect: 'Allow',
      Action: 'acm:ExportCertificate',
      Resource: [...new Set(certificateArns)],
    });
  }
  const caArns = spec.backendDefaults?.clientPolicy?.tls?.validation.trust.acm?.certificateAuthorityArns ?? [];
  if (caArns.length > 0) {
    statements.push({
      Sid: 'ReadClientPolicyCertificateAuthorities',
      Effect: 'Allow',
      Action: 'acm-pca:GetCertificateAuthorityCertificate',
      Resource: [...new Set(caArns)],
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

export function iamArtifacts(ctx: GenerationContext, spec: GatewaySpecShape): DeployArtifact[] {
  return [
    {
      id: 'iam-proxy-authorization-policy',
      target: 'iam',
      title: 'Proxy authorization policy',
      filename: 'proxy-authorization-policy.json',
      mediaType: 'application/json',
      content: `${JSON.stringify(proxyAuthorizationPolicy(ctx, spec), null, 2)}\n`,
    },
  ];
}
