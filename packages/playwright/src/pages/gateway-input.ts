/**
 * What a person enters in the create/edit virtual gateway form, in the console's terms. The specs
 * describe a gateway with this, the form page object types it in, and `toSpec` gives the
 * App Mesh spec the console must send for it.
 */
import type { VirtualGatewayPortProtocol } from '@meshconsole/model';

export type Protocol = VirtualGatewayPortProtocol;

export type ClientPolicyValidation =
  | { method: 'acm'; certificates: string[] }
  | { method: 'sds'; secretName: string }
  | { method: 'file'; certificateChain: string };

export type ClientCertificate =
  | { method: 'sds'; secretName: string }
  | { method: 'file'; certificateChain: string; privateKey: string };

export type ListenerCertificate =
  | { method: 'acm'; certificateArn: string }
  | { method: 'sds'; secretName: string }
  | { method: 'file'; certificateChain: string; privateKey: string };

export type ListenerClientValidation =
  | { method: 'sds'; secretName: string }
  | { method: 'file'; certificateChain: string };

export interface GatewayFormInput {
  name: string;
  clientPolicy?: {
    enforceTls?: boolean;
    ports?: number[];
    validation: ClientPolicyValidation;
    subjectAlternativeNames?: string[];
    clientCertificate?: ClientCertificate;
  };
  logging?: {
    path: string;
    format?: { type: 'text'; pattern: string } | { type: 'json'; entries: Array<{ key: string; value: string }> };
  };
  listener: {
    protocol: Protocol;
    port: number;
    connectionPool?: { maxConnections?: number; maxPendingRequests?: number; maxRequests?: number };
    healthCheck?: {
      protocol: Protocol;
      port?: number;
      healthyThreshold: number;
      intervalMillis: number;
      path?: string;
      timeoutMillis: number;
      unhealthyThreshold: number;
    };
    tls?: {
      mode: 'STRICT' | 'PERMISSIVE' | 'DISABLED';
      certificate: ListenerCertificate;
      clientValidation?: ListenerClientValidation;
      subjectAlternativeNames?: string[];
    };
  };
}

function trustOf(v: ClientPolicyValidation | ListenerClientValidation): Record<string, unknown> {
  switch (v.method) {
    case 'acm':
      return { acm: { certificateAuthorityArns: v.certificates } };
    case 'sds':
      return { sds: { secretName: v.secretName } };
    case 'file':
      return { file: { certificateChain: v.certificateChain } };
  }
}

function sans(names: string[] | undefined): Record<string, unknown> {
  return names && names.length > 0 ? { subjectAlternativeNames: { match: { exact: names } } } : {};
}

/** The App Mesh `VirtualGatewaySpec` the console must send for this input. */
export function toSpec(input: GatewayFormInput): Record<string, unknown> {
  const spec: Record<string, unknown> = {};
  const cp = input.clientPolicy;
  if (cp) {
    const tls: Record<string, unknown> = {};
    if (cp.enforceTls !== undefined) tls.enforce = cp.enforceTls;
    if (cp.ports && cp.ports.length > 0) tls.ports = cp.ports;
    if (cp.clientCertificate) {
      tls.certificate =
        cp.clientCertificate.method === 'sds'
          ? { sds: { secretName: cp.clientCertificate.secretName } }
          : {
              file: {
                certificateChain: cp.clientCertificate.certificateChain,
                privateKey: cp.clientCertificate.privateKey,
              },
            };
    }
    tls.validation = { trust: trustOf(cp.validation), ...sans(cp.subjectAlternativeNames) };
    spec.backendDefaults = { clientPolicy: { tls } };
  }
  const l = input.listener;
  const listener: Record<string, unknown> = { portMapping: { port: l.port, protocol: l.protocol } };
  if (l.connectionPool) {
    const cpool = l.connectionPool;
    listener.connectionPool =
      l.protocol === 'http'
        ? {
            http: {
              maxConnections: cpool.maxConnections,
              ...(cpool.maxPendingRequests !== undefined ? { maxPendingRequests: cpool.maxPendingRequests } : {}),
            },
          }
        : { [l.protocol]: { maxRequests: cpool.maxRequests } };
  }
  if (l.healthCheck) {
    const h = l.healthCheck;
    listener.healthCheck = {
      healthyThreshold: h.healthyThreshold,
      intervalMillis: h.intervalMillis,
      ...(h.path !== undefined ? { path: h.path } : {}),
      ...(h.port !== undefined ? { port: h.port } : {}),
      protocol: h.protocol,
      timeoutMillis: h.timeoutMillis,
      unhealthyThreshold: h.unhealthyThreshold,
    };
  }
  if (l.tls) {
    const c = l.tls.certificate;
    const certificate =
      c.method === 'acm'
        ? { acm: { certificateArn: c.certificateArn } }
        : c.method === 'sds'
          ? { sds: { secretName: c.secretName } }
          : { file: { certificateChain: c.certificateChain, privateKey: c.privateKey } };
    const tls: Record<string, unknown> = { mode: l.tls.mode, certificate };
    if (l.tls.clientValidation) {
      tls.validation = { trust: trustOf(l.tls.clientValidation), ...sans(l.tls.subjectAlternativeNames) };
    }
    listener.tls = tls;
  }
  spec.listeners = [listener];
  if (input.logging) {
    const f = input.logging.format;
    spec.logging = {
      accessLog: {
        file: {
          path: input.logging.path,
          ...(f ? { format: f.type === 'text' ? { text: f.pattern } : { json: f.entries } } : {}),
        },
      },
    };
  }
  return spec;
}
