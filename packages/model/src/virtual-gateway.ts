import { z } from 'zod';
import { isAcmCertificateArn, isAcmPcaArn } from './arn';
import { RefBaseSchema, ResourceMetadataSchema, StatusCodeSchema } from './common';
import { bool, int, label, list, oneOf, struct, text, union } from './fields';
import { isFqdnOrUri } from './san';

export const PORT_PROTOCOLS = ['http', 'http2', 'grpc'] as const;
export const TLS_MODES = ['STRICT', 'PERMISSIVE', 'DISABLED'] as const;
export type VirtualGatewayPortProtocol = (typeof PORT_PROTOCOLS)[number];
/** What the service uses for `maxPendingRequests` when an http connection pool leaves it out. */
export const DEFAULT_MAX_PENDING_REQUESTS = 2147483647;

const L = 'listeners.*';
const CP = 'backendDefaults.clientPolicy.tls';

// ---------- shared pieces (the same model shape used at two places, labelled per place)

function fileCertificate(path: string) {
  return struct(path, {
    certificateChain: text(`${path}.certificateChain`, { min: 1, max: 255 }),
    privateKey: text(`${path}.privateKey`, { min: 1, max: 255 }),
  });
}

function sdsCertificate(path: string) {
  return struct(path, { secretName: text(`${path}.secretName`) });
}

function fileTrust(path: string) {
  return struct(path, { certificateChain: text(`${path}.certificateChain`, { min: 1, max: 255 }) });
}

function sdsTrust(path: string) {
  return struct(path, { secretName: text(`${path}.secretName`) });
}

function subjectAlternativeNames(path: string) {
  const itemPath = `${path}.match.exact.*`;
  const itemLabel = label(itemPath);
  const item = text(itemPath, { min: 1, max: 254 }).refine(isFqdnOrUri, {
    error: `${itemLabel} must be a DNS name (such as www.example.com or *.example.com) or a URI (such as spiffe://example.com/app).`,
  });
  return struct(path, {
    match: struct(`${path}.match`, { exact: list(`${path}.match.exact`, item) }),
  });
}

// ---------- backend defaults (client policy)

export const VirtualGatewayListenerTlsFileCertificateSchema = fileCertificate(`${L}.tls.certificate.file`);
export type VirtualGatewayListenerTlsFileCertificate = z.infer<typeof VirtualGatewayListenerTlsFileCertificateSchema>;
export const VirtualGatewayListenerTlsSdsCertificateSchema = sdsCertificate(`${L}.tls.certificate.sds`);
export type VirtualGatewayListenerTlsSdsCertificate = z.infer<typeof VirtualGatewayListenerTlsSdsCertificateSchema>;

/** Model union: `file` | `sds` (no ACM on the client side). */
export const VirtualGatewayClientTlsCertificateSchema = union(`${CP}.certificate`, {
  file: fileCertificate(`${CP}.certificate.file`).optional(),
  sds: sdsCertificate(`${CP}.certificate.sds`).optional(),
});
export type VirtualGatewayClientTlsCertificate = z.infer<typeof VirtualGatewayClientTlsCertificateSchema>;

const caArnPath = `${CP}.validation.trust.acm.certificateAuthorityArns.*`;
export const VirtualGatewayTlsValidationContextAcmTrustSchema = struct(`${CP}.validation.trust.acm`, {
  certificateAuthorityArns: list(
    `${CP}.validation.trust.acm.certificateAuthorityArns`,
    text(caArnPath).refine(isAcmPcaArn, {
      error: `${label(caArnPath)} must be an ACM Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>).`,
    }),
    { min: 1, max: 3 },
  ),
});
export type VirtualGatewayTlsValidationContextAcmTrust = z.infer<
  typeof VirtualGatewayTlsValidationContextAcmTrustSchema
>;
export const VirtualGatewayTlsValidationContextFileTrustSchema = fileTrust(`${CP}.validation.trust.file`);
export type VirtualGatewayTlsValidationContextFileTrust = z.infer<
  typeof VirtualGatewayTlsValidationContextFileTrustSchema
>;
export const VirtualGatewayTlsValidationContextSdsTrustSchema = sdsTrust(`${CP}.validation.trust.sds`);
export type VirtualGatewayTlsValidationContextSdsTrust = z.infer<
  typeof VirtualGatewayTlsValidationContextSdsTrustSchema
>;

/** Model union: `acm` | `file` | `sds`. */
export const VirtualGatewayTlsValidationContextTrustSchema = union(`${CP}.validation.trust`, {
  acm: VirtualGatewayTlsValidationContextAcmTrustSchema.optional(),
  file: VirtualGatewayTlsValidationContextFileTrustSchema.optional(),
  sds: VirtualGatewayTlsValidationContextSdsTrustSchema.optional(),
});
export type VirtualGatewayTlsValidationContextTrust = z.infer<typeof VirtualGatewayTlsValidationContextTrustSchema>;

export const SubjectAlternativeNamesSchema = subjectAlternativeNames(`${CP}.validation.subjectAlternativeNames`);
export type SubjectAlternativeNames = z.infer<typeof SubjectAlternativeNamesSchema>;

export const VirtualGatewayTlsValidationContextSchema = struct(`${CP}.validation`, {
  trust: VirtualGatewayTlsValidationContextTrustSchema,
  subjectAlternativeNames: SubjectAlternativeNamesSchema.optional(),
});
export type VirtualGatewayTlsValidationContext = z.infer<typeof VirtualGatewayTlsValidationContextSchema>;

export const VirtualGatewayClientPolicyTlsSchema = struct(CP, {
  enforce: bool(`${CP}.enforce`).optional(),
  ports: list(`${CP}.ports`, int(`${CP}.ports.*`, { min: 1, max: 65535 })).optional(),
  certificate: VirtualGatewayClientTlsCertificateSchema.optional(),
  validation: VirtualGatewayTlsValidationContextSchema,
});
export type VirtualGatewayClientPolicyTls = z.infer<typeof VirtualGatewayClientPolicyTlsSchema>;

export const VirtualGatewayClientPolicySchema = struct('backendDefaults.clientPolicy', {
  tls: VirtualGatewayClientPolicyTlsSchema.optional(),
});
export type VirtualGatewayClientPolicy = z.infer<typeof VirtualGatewayClientPolicySchema>;

export const VirtualGatewayBackendDefaultsSchema = struct('backendDefaults', {
  clientPolicy: VirtualGatewayClientPolicySchema.optional(),
});
export type VirtualGatewayBackendDefaults = z.infer<typeof VirtualGatewayBackendDefaultsSchema>;

// ---------- logging

export const JsonFormatRefSchema = struct('logging.accessLog.file.format.json.*', {
  key: text('logging.accessLog.file.format.json.*.key', { min: 1, max: 100 }),
  value: text('logging.accessLog.file.format.json.*.value', { min: 1, max: 100 }),
});
export type JsonFormatRef = z.infer<typeof JsonFormatRefSchema>;

/** Model union: `json` | `text`. */
export const LoggingFormatSchema = union('logging.accessLog.file.format', {
  json: list('logging.accessLog.file.format.json', JsonFormatRefSchema).optional(),
  text: text('logging.accessLog.file.format.text', { min: 1, max: 1000 }).optional(),
});
export type LoggingFormat = z.infer<typeof LoggingFormatSchema>;

export const VirtualGatewayFileAccessLogSchema = struct('logging.accessLog.file', {
  path: text('logging.accessLog.file.path', { min: 1, max: 255 }),
  format: LoggingFormatSchema.optional(),
});
export type VirtualGatewayFileAccessLog = z.infer<typeof VirtualGatewayFileAccessLogSchema>;

/** Model union: `file`. */
export const VirtualGatewayAccessLogSchema = union('logging.accessLog', {
  file: VirtualGatewayFileAccessLogSchema.optional(),
});
export type VirtualGatewayAccessLog = z.infer<typeof VirtualGatewayAccessLogSchema>;

export const VirtualGatewayLoggingSchema = struct('logging', {
  accessLog: VirtualGatewayAccessLogSchema.optional(),
});
export type VirtualGatewayLogging = z.infer<typeof VirtualGatewayLoggingSchema>;

// ---------- listener

export const VirtualGatewayPortMappingSchema = struct(`${L}.portMapping`, {
  port: int(`${L}.portMapping.port`, { min: 1, max: 65535 }),
  protocol: oneOf(`${L}.portMapping.protocol`, PORT_PROTOCOLS),
});
export type VirtualGatewayPortMapping = z.infer<typeof VirtualGatewayPortMappingSchema>;

export const VirtualGatewayHttpConnectionPoolSchema = struct(`${L}.connectionPool.http`, {
  maxConnections: int(`${L}.connectionPool.http.maxConnections`, { min: 1 }),
  maxPendingRequests: int(`${L}.connectionPool.http.maxPendingRequests`, { min: 1 }).optional(),
});
export type VirtualGatewayHttpConnectionPool = z.infer<typeof VirtualGatewayHttpConnectionPoolSchema>;

export const VirtualGatewayHttp2ConnectionPoolSchema = struct(`${L}.connectionPool.http2`, {
  maxRequests: int(`${L}.connectionPool.http2.maxRequests`, { min: 1 }),
});
export type VirtualGatewayHttp2ConnectionPool = z.infer<typeof VirtualGatewayHttp2ConnectionPoolSchema>;

export const VirtualGatewayGrpcConnectionPoolSchema = struct(`${L}.connectionPool.grpc`, {
  maxRequests: int(`${L}.connectionPool.grpc.maxRequests`, { min: 1 }),
});
export type VirtualGatewayGrpcConnectionPool = z.infer<typeof VirtualGatewayGrpcConnectionPoolSchema>;

/** Model union: `http` | `http2` | `grpc`; the member must also equal the listener's protocol. */
export const VirtualGatewayConnectionPoolSchema = union(`${L}.connectionPool`, {
  http: VirtualGatewayHttpConnectionPoolSchema.optional(),
  http2: VirtualGatewayHttp2ConnectionPoolSchema.optional(),
  grpc: VirtualGatewayGrpcConnectionPoolSchema.optional(),
});
export type VirtualGatewayConnectionPool = z.infer<typeof VirtualGatewayConnectionPoolSchema>;

/** All of protocol, thresholds, interval and timeout are required; `path` is accepted for grpc and ignored. */
export const VirtualGatewayHealthCheckPolicySchema = struct(`${L}.healthCheck`, {
  protocol: oneOf(`${L}.healthCheck.protocol`, PORT_PROTOCOLS),
  port: int(`${L}.healthCheck.port`, { min: 1, max: 65535 }).optional(),
  healthyThreshold: int(`${L}.healthCheck.healthyThreshold`, { min: 2, max: 10 }),
  intervalMillis: int(`${L}.healthCheck.intervalMillis`, { min: 5000, max: 300000, unit: 'ms' }),
  path: text(`${L}.healthCheck.path`).optional(),
  timeoutMillis: int(`${L}.healthCheck.timeoutMillis`, { min: 2000, max: 60000, unit: 'ms' }),
  unhealthyThreshold: int(`${L}.healthCheck.unhealthyThreshold`, { min: 2, max: 10 }),
});
export type VirtualGatewayHealthCheckPolicy = z.infer<typeof VirtualGatewayHealthCheckPolicySchema>;

const certArnPath = `${L}.tls.certificate.acm.certificateArn`;
export const VirtualGatewayListenerTlsAcmCertificateSchema = struct(`${L}.tls.certificate.acm`, {
  certificateArn: text(certArnPath).refine(isAcmCertificateArn, {
    error: `${label(certArnPath)} must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>).`,
  }),
});
export type VirtualGatewayListenerTlsAcmCertificate = z.infer<typeof VirtualGatewayListenerTlsAcmCertificateSchema>;

/** Model union: `acm` | `file` | `sds`. */
export const VirtualGatewayListenerTlsCertificateSchema = union(`${L}.tls.certificate`, {
  acm: VirtualGatewayListenerTlsAcmCertificateSchema.optional(),
  file: VirtualGatewayListenerTlsFileCertificateSchema.optional(),
  sds: VirtualGatewayListenerTlsSdsCertificateSchema.optional(),
});
export type VirtualGatewayListenerTlsCertificate = z.infer<typeof VirtualGatewayListenerTlsCertificateSchema>;

/**
 * Model union: `file` | `sds`. ACM is not a trust source for a listener's client-certificate validation;
 * an `acm` member gets its own message rather than being dropped.
 */
export const VirtualGatewayListenerTlsValidationContextTrustSchema = union(
  `${L}.tls.validation.trust`,
  {
    file: fileTrust(`${L}.tls.validation.trust.file`).optional(),
    sds: sdsTrust(`${L}.tls.validation.trust.sds`).optional(),
  },
  {
    forbidden: {
      acm: 'A listener validates client certificates with a local file or SDS, not ACM Private CA.',
    },
  },
);
export type VirtualGatewayListenerTlsValidationContextTrust = z.infer<
  typeof VirtualGatewayListenerTlsValidationContextTrustSchema
>;

export const VirtualGatewayListenerTlsValidationContextSchema = struct(`${L}.tls.validation`, {
  trust: VirtualGatewayListenerTlsValidationContextTrustSchema,
  subjectAlternativeNames: subjectAlternativeNames(`${L}.tls.validation.subjectAlternativeNames`).optional(),
});
export type VirtualGatewayListenerTlsValidationContext = z.infer<
  typeof VirtualGatewayListenerTlsValidationContextSchema
>;

export const VirtualGatewayListenerTlsSchema = struct(`${L}.tls`, {
  mode: oneOf(`${L}.tls.mode`, TLS_MODES),
  certificate: VirtualGatewayListenerTlsCertificateSchema,
  validation: VirtualGatewayListenerTlsValidationContextSchema.optional(),
});
export type VirtualGatewayListenerTls = z.infer<typeof VirtualGatewayListenerTlsSchema>;

export const VirtualGatewayListenerSchema = struct(L, {
  portMapping: VirtualGatewayPortMappingSchema,
  connectionPool: VirtualGatewayConnectionPoolSchema.optional(),
  healthCheck: VirtualGatewayHealthCheckPolicySchema.optional(),
  tls: VirtualGatewayListenerTlsSchema.optional(),
}).superRefine((listener, ctx) => {
  const hcPort = listener.healthCheck?.port;
  if (hcPort !== undefined && hcPort !== listener.portMapping.port) {
    ctx.addIssue({
      code: 'custom',
      message: `${label(`${L}.healthCheck.port`)} must match the listener port (${listener.portMapping.port}).`,
      path: ['healthCheck', 'port'],
    });
  }
  const pool = listener.connectionPool;
  if (!pool) return;
  const protocol = listener.portMapping.protocol;
  for (const kind of PORT_PROTOCOLS) {
    if (pool[kind] !== undefined && kind !== protocol) {
      ctx.addIssue({
        code: 'custom',
        message: `The connection pool must match the listener protocol: use a ${protocol} connection pool (${
          protocol === 'http' ? 'Maximum connections, optional Maximum pending requests' : 'Maximum requests'
        }), not ${kind}.`,
        path: ['connectionPool', kind],
      });
    }
  }
});
export type VirtualGatewayListener = z.infer<typeof VirtualGatewayListenerSchema>;

/** The App Mesh console guide's rule ("Each virtual gateway can have only one port and protocol"), kept by the API too. */
export const ONE_LISTENER_MESSAGE =
  'A virtual gateway has exactly one listener: meshconsole follows the App Mesh console guide, one port and protocol per virtual gateway. Create another virtual gateway for another port or protocol.';

export const VirtualGatewaySpecSchema = struct('spec', {
  listeners: list('listeners', VirtualGatewayListenerSchema).superRefine((listeners, ctx) => {
    if (listeners.length !== 1) ctx.addIssue({ code: 'custom', message: ONE_LISTENER_MESSAGE, path: [] });
  }),
  backendDefaults: VirtualGatewayBackendDefaultsSchema.optional(),
  logging: VirtualGatewayLoggingSchema.optional(),
});
export type VirtualGatewaySpec = z.infer<typeof VirtualGatewaySpecSchema>;

/**
 * The spec as the service stores and describes it: members a request leaves out that the service fills
 * with its documented default. `backendDefaults.clientPolicy.tls.enforce`: "The default is True, if a
 * value isn't specified" (describe answers `true`, which is also what Terraform's provider expects).
 */
export function withVirtualGatewayDefaults(spec: VirtualGatewaySpec): VirtualGatewaySpec {
  const tls = spec.backendDefaults?.clientPolicy?.tls;
  if (!tls || tls.enforce !== undefined) return spec;
  return {
    ...spec,
    backendDefaults: {
      ...spec.backendDefaults,
      clientPolicy: { ...spec.backendDefaults?.clientPolicy, tls: { enforce: true, ...tls } },
    },
  };
}

export const VirtualGatewayStatusSchema = z.object({ status: StatusCodeSchema });
export type VirtualGatewayStatus = z.infer<typeof VirtualGatewayStatusSchema>;

export const VirtualGatewayDataSchema = z.object({
  meshName: z.string(),
  virtualGatewayName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: VirtualGatewaySpecSchema,
  status: VirtualGatewayStatusSchema,
});
export type VirtualGatewayData = z.infer<typeof VirtualGatewayDataSchema>;

export const VirtualGatewayRefSchema = RefBaseSchema.extend({ virtualGatewayName: z.string() });
export type VirtualGatewayRef = z.infer<typeof VirtualGatewayRefSchema>;
