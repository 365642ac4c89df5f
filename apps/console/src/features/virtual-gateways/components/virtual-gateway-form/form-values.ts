/**
 * The create/edit form's values: exactly what the inputs hold (text and number inputs are strings,
 * choices are option values, switches are booleans). `form-mapping.ts` turns them into the App Mesh
 * request and back.
 */

export type ListenerProtocol = 'http' | 'http2' | 'grpc';
export type TlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLED';

export interface SanRow {
  value: string;
}

export interface JsonFormatRow {
  key: string;
  value: string;
}

export interface ClientPolicyValues {
  /** The section is open: its settings are part of the request. Closed sends no backend defaults. */
  enabled: boolean;
  enforce: boolean;
  /** Comma-separated ports. */
  ports: string;
  validationMethod: 'acm' | 'sds' | 'file';
  /** ACM Private CA ARNs, one per line. */
  certificateAuthorityArns: string;
  sdsSecretName: string;
  certificateChain: string;
  sans: SanRow[];
  provideClientCertificate: boolean;
  clientCertificateMethod: 'sds' | 'file';
  clientSdsSecretName: string;
  clientCertificateChain: string;
  clientPrivateKey: string;
}

export interface LoggingValues {
  path: string;
  format: 'default' | 'text' | 'json';
  text: string;
  json: JsonFormatRow[];
}

export interface HealthCheckValues {
  protocol: '' | ListenerProtocol;
  port: string;
  healthyThreshold: string;
  intervalMillis: string;
  path: string;
  timeoutMillis: string;
  unhealthyThreshold: string;
}

export interface ListenerTlsValues {
  mode: TlsMode;
  certificateMethod: 'acm' | 'sds' | 'file';
  certificateArn: string;
  sdsSecretName: string;
  certificateChain: string;
  privateKey: string;
  requireClientCertificate: boolean;
  validationMethod: 'sds' | 'file';
  validationSdsSecretName: string;
  validationCertificateChain: string;
  sans: SanRow[];
}

export interface ListenerValues {
  protocol: ListenerProtocol;
  port: string;
  connectionPoolEnabled: boolean;
  maxConnections: string;
  maxPendingRequests: string;
  maxRequests: string;
  healthCheckEnabled: boolean;
  healthCheck: HealthCheckValues;
  tlsEnabled: boolean;
  tls: ListenerTlsValues;
}

export interface TagRow {
  key: string;
  value: string;
}

export interface VirtualGatewayFormValues {
  name: string;
  /** Tags sent with a create request (from Import JSON); an existing gateway's tags live on its Tags tab. */
  tags: TagRow[];
  clientPolicy: ClientPolicyValues;
  logging: LoggingValues;
  listener: ListenerValues;
}

export function emptyFormValues(): VirtualGatewayFormValues {
  return {
    name: '',
    tags: [],
    clientPolicy: {
      enabled: false,
      enforce: true,
      ports: '',
      validationMethod: 'acm',
      certificateAuthorityArns: '',
      sdsSecretName: '',
      certificateChain: '',
      sans: [],
      provideClientCertificate: false,
      clientCertificateMethod: 'sds',
      clientSdsSecretName: '',
      clientCertificateChain: '',
      clientPrivateKey: '',
    },
    logging: { path: '', format: 'default', text: '', json: [] },
    listener: {
      protocol: 'http',
      port: '',
      connectionPoolEnabled: false,
      maxConnections: '',
      maxPendingRequests: '',
      maxRequests: '',
      healthCheckEnabled: false,
      healthCheck: {
        protocol: '',
        port: '',
        healthyThreshold: '',
        intervalMillis: '',
        path: '',
        timeoutMillis: '',
        unhealthyThreshold: '',
      },
      tlsEnabled: false,
      tls: {
        mode: 'STRICT',
        certificateMethod: 'acm',
        certificateArn: '',
        sdsSecretName: '',
        certificateChain: '',
        privateKey: '',
        requireClientCertificate: false,
        validationMethod: 'sds',
        validationSdsSecretName: '',
        validationCertificateChain: '',
        sans: [],
      },
    },
  };
}
