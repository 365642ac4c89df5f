/**
 * The parts of a virtual gateway the generator reads, in the App Mesh API's own field names.
 * Structurally a subset of `VirtualGatewayData` from `@meshconsole/model`, so the model's type is
 * accepted as is.
 */

export type GatewayProtocol = 'http' | 'http2' | 'grpc';

export interface SubjectAlternativeNamesShape {
  match: { exact: string[] };
}

export interface ListenerTlsShape {
  mode: 'STRICT' | 'PERMISSIVE' | 'DISABLED';
  certificate: {
    acm?: { certificateArn: string };
    file?: { certificateChain: string; privateKey: string };
    sds?: { secretName: string };
  };
  validation?: {
    trust: {
      file?: { certificateChain: string };
      sds?: { secretName: string };
    };
    subjectAlternativeNames?: SubjectAlternativeNamesShape;
  };
}

export interface ListenerShape {
  portMapping: { port: number; protocol: GatewayProtocol };
  healthCheck?: {
    healthyThreshold: number;
    intervalMillis: number;
    path?: string;
    port?: number;
    protocol: GatewayProtocol;
    timeoutMillis: number;
    unhealthyThreshold: number;
  };
  connectionPool?: {
    http?: { maxConnections: number; maxPendingRequests?: number };
    http2?: { maxRequests: number };
    grpc?: { maxRequests: number };
  };
  tls?: ListenerTlsShape;
}

export interface ClientPolicyTlsShape {
  enforce?: boolean;
  ports?: number[];
  certificate?: {
    file?: { certificateChain: string; privateKey: string };
    sds?: { secretName: string };
  };
  validation: {
    trust: {
      acm?: { certificateAuthorityArns: string[] };
      file?: { certificateChain: string };
      sds?: { secretName: string };
    };
    subjectAlternativeNames?: SubjectAlternativeNamesShape;
  };
}

export interface GatewaySpecShape {
  listeners: ListenerShape[];
  logging?: {
    accessLog?: {
      file?: {
        path: string;
        format?: { json?: Array<{ key: string; value: string }>; text?: string };
      };
    };
  };
  backendDefaults?: { clientPolicy?: { tls?: ClientPolicyTlsShape } };
}

export interface GatewayShape {
  meshName: string;
  virtualGatewayName: string;
  metadata: { arn: string; meshOwner: string; resourceOwner: string };
  spec: GatewaySpecShape;
}
