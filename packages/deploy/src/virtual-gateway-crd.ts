import type {
  ClientPolicyTlsShape,
  GatewaySpecShape,
  ListenerShape,
  ListenerTlsShape,
  SubjectAlternativeNamesShape,
} from './gateway.types';
import { compact } from './yaml-text';

/**
 * Converts an App Mesh API `VirtualGatewaySpec` into the App Mesh controller's `VirtualGateway`
 * (appmesh.k8s.aws/v1beta2) spec fields. The CRD uses the API's names except:
 * - `certificateArn` (listener ACM certificate) is `certificateARN`;
 * - `certificateAuthorityArns` (client policy ACM trust) is `certificateAuthorityARNs`.
 * Every other part (portMapping, healthCheck, connectionPool, tls, logging, backendDefaults) keeps
 * its API name and shape.
 */
export function crdSpecParts(spec: GatewaySpecShape): Record<string, unknown> {
  return compact({
    listeners: spec.listeners.map(crdListener),
    logging: spec.logging ? crdLogging(spec.logging) : undefined,
    backendDefaults: spec.backendDefaults ? crdBackendDefaults(spec.backendDefaults) : undefined,
  });
}

function crdSans(sans: SubjectAlternativeNamesShape | undefined) {
  return sans ? { match: { exact: [...sans.match.exact] } } : undefined;
}

function crdListener(listener: ListenerShape): Record<string, unknown> {
  return compact({
    portMapping: { port: listener.portMapping.port, protocol: listener.portMapping.protocol },
    healthCheck: listener.healthCheck
      ? compact({
          healthyThreshold: listener.healthCheck.healthyThreshold,
          intervalMillis: listener.healthCheck.intervalMillis,
          path: listener.healthCheck.path,
          port: listener.healthCheck.port,
          protocol: listener.healthCheck.protocol,
          timeoutMillis: listener.healthCheck.timeoutMillis,
          unhealthyThreshold: listener.healthCheck.unhealthyThreshold,
        })
      : undefined,
    connectionPool: listener.connectionPool ? crdConnectionPool(listener.connectionPool) : undefined,
    tls: listener.tls ? crdListenerTls(listener.tls) : undefined,
  });
}

function crdConnectionPool(pool: NonNullable<ListenerShape['connectionPool']>) {
  return compact({
    http: pool.http
      ? compact({ maxConnections: pool.http.maxConnections, maxPendingRequests: pool.http.maxPendingRequests })
      : undefined,
    http2: pool.http2 ? { maxRequests: pool.http2.maxRequests } : undefined,
    grpc: pool.grpc ? { maxRequests: pool.grpc.maxRequests } : undefined,
  });
}

function crdListenerTls(tls: ListenerTlsShape) {
  const { acm, file, sds } = tls.certificate;
  return compact({
    mode: tls.mode,
    certificate: compact({
      acm: acm ? { certificateARN: acm.certificateArn } : undefined,
      file: file ? { certificateChain: file.certificateChain, privateKey: file.privateKey } : undefined,
      sds: sds ? { secretName: sds.secretName } : undefined,
    }),
    validation: tls.validation
      ? compact({
          trust: compact({
            file: tls.validation.trust.file
              ? { certificateChain: tls.validation.trust.file.certificateChain }
              : undefined,
            sds: tls.validation.trust.sds ? { secretName: tls.validation.trust.sds.secretName } : undefined,
          }),
          subjectAlternativeNames: crdSans(tls.validation.subjectAlternativeNames),
        })
      : undefined,
  });
}

function crdLogging(logging: NonNullable<GatewaySpecShape['logging']>) {
  const file = logging.accessLog?.file;
  if (!file) return {};
  return {
    accessLog: {
      file: compact({
        path: file.path,
        format: file.format
          ? compact({
              json: file.format.json?.map((entry) => ({ key: entry.key, value: entry.value })),
              text: file.format.text,
            })
          : undefined,
      }),
    },
  };
}

function crdClientPolicyTls(tls: ClientPolicyTlsShape) {
  const trust = tls.validation.trust;
  return compact({
    enforce: tls.enforce,
    ports: tls.ports ? [...tls.ports] : undefined,
    certificate: tls.certificate
      ? compact({
          file: tls.certificate.file
            ? { certificateChain: tls.certificate.file.certificateChain, privateKey: tls.certificate.file.privateKey }
            : undefined,
          sds: tls.certificate.sds ? { secretName: tls.certificate.sds.secretName } : undefined,
        })
      : undefined,
    validation: compact({
      trust: compact({
        acm: trust.acm ? { certificateAuthorityARNs: [...trust.acm.certificateAuthorityArns] } : undefined,
        file: trust.file ? { certificateChain: trust.file.certificateChain } : undefined,
        sds: trust.sds ? { secretName: trust.sds.secretName } : undefined,
      }),
      subjectAlternativeNames: crdSans(tls.validation.subjectAlternativeNames),
    }),
  });
}

function crdBackendDefaults(backendDefaults: NonNullable<GatewaySpecShape['backendDefaults']>) {
  const tls = backendDefaults.clientPolicy?.tls;
  if (!backendDefaults.clientPolicy) return {};
  return { clientPolicy: compact({ tls: tls ? crdClientPolicyTls(tls) : undefined }) };
}
