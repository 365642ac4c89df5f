import { z } from 'zod';
import { RefBaseSchema, ResourceMetadataSchema, StatusCodeSchema, uriLabelName } from './common';
import { int, label, list, oneOf, struct, text, union } from './fields';
import { IP_PREFERENCES } from './mesh';
import {
  VirtualGatewayBackendDefaultsSchema,
  VirtualGatewayClientPolicySchema,
  VirtualGatewayGrpcConnectionPoolSchema,
  VirtualGatewayHttp2ConnectionPoolSchema,
  VirtualGatewayHttpConnectionPoolSchema,
  VirtualGatewayListenerTlsSchema,
  VirtualGatewayLoggingSchema,
} from './virtual-gateway';

/** `PortProtocol`: what a virtual node or virtual router listens with. */
export const MESH_PORT_PROTOCOLS = ['http', 'tcp', 'http2', 'grpc'] as const;
export type MeshPortProtocol = (typeof MESH_PORT_PROTOCOLS)[number];
export const DURATION_UNITS = ['s', 'ms'] as const;
export const DNS_RESPONSE_TYPES = ['LOADBALANCER', 'ENDPOINTS'] as const;

const L = 'listeners.*';

/** `Duration`: a number of seconds or milliseconds; both members optional in the model. */
export function duration(path: string) {
  return struct(path, {
    unit: oneOf(`${path}.unit`, DURATION_UNITS).optional(),
    value: int(`${path}.value`, { min: 0, width: 'long' }).optional(),
  });
}
export type Duration = z.infer<ReturnType<typeof duration>>;

/** `PortMapping` of a virtual node or virtual router listener. */
export function portMapping(path: string) {
  return struct(path, {
    port: int(`${path}.port`, { min: 1, max: 65535 }),
    protocol: oneOf(`${path}.protocol`, MESH_PORT_PROTOCOLS),
  });
}
export const PortMappingSchema = portMapping(`${L}.portMapping`);
export type PortMapping = z.infer<typeof PortMappingSchema>;

/**
 * The rule every listener list of a node or router keeps: one listener per port ("You can specify one listener";
 * App Mesh later took several, one per port, as the multiple-listeners walkthrough shows).
 */
export function distinctPorts<T extends { portMapping: { port: number } }>(listeners: T[], ctx: z.RefinementCtx): void {
  const seen = new Set<number>();
  listeners.forEach((listener, index) => {
    const port = listener.portMapping.port;
    if (seen.has(port)) {
      ctx.addIssue({
        code: 'custom',
        message: `${label(`${L}.portMapping.port`)} ${port} is used by another listener: each listener needs its own port.`,
        path: [index, 'portMapping', 'port'],
      });
    }
    seen.add(port);
  });
}

// ---------- listener

export const VirtualNodeTcpConnectionPoolSchema = struct(`${L}.connectionPool.tcp`, {
  maxConnections: int(`${L}.connectionPool.tcp.maxConnections`, { min: 1 }),
});

/** Model union: `tcp` | `http` | `http2` | `grpc`; the member must also equal the listener's protocol. */
export const VirtualNodeConnectionPoolSchema = union(`${L}.connectionPool`, {
  tcp: VirtualNodeTcpConnectionPoolSchema.optional(),
  http: VirtualGatewayHttpConnectionPoolSchema.optional(),
  http2: VirtualGatewayHttp2ConnectionPoolSchema.optional(),
  grpc: VirtualGatewayGrpcConnectionPoolSchema.optional(),
});
export type VirtualNodeConnectionPool = z.infer<typeof VirtualNodeConnectionPoolSchema>;

export const HealthCheckPolicySchema = struct(`${L}.healthCheck`, {
  protocol: oneOf(`${L}.healthCheck.protocol`, MESH_PORT_PROTOCOLS),
  port: int(`${L}.healthCheck.port`, { min: 1, max: 65535 }).optional(),
  healthyThreshold: int(`${L}.healthCheck.healthyThreshold`, { min: 2, max: 10 }),
  intervalMillis: int(`${L}.healthCheck.intervalMillis`, { min: 5000, max: 300000, unit: 'ms', width: 'long' }),
  path: text(`${L}.healthCheck.path`).optional(),
  timeoutMillis: int(`${L}.healthCheck.timeoutMillis`, { min: 2000, max: 60000, unit: 'ms', width: 'long' }),
  unhealthyThreshold: int(`${L}.healthCheck.unhealthyThreshold`, { min: 2, max: 10 }),
});
export type HealthCheckPolicy = z.infer<typeof HealthCheckPolicySchema>;

export const OutlierDetectionSchema = struct(`${L}.outlierDetection`, {
  maxServerErrors: int(`${L}.outlierDetection.maxServerErrors`, { min: 1, width: 'long' }),
  interval: duration(`${L}.outlierDetection.interval`),
  baseEjectionDuration: duration(`${L}.outlierDetection.baseEjectionDuration`),
  maxEjectionPercent: int(`${L}.outlierDetection.maxEjectionPercent`, { min: 0, max: 100 }),
});
export type OutlierDetection = z.infer<typeof OutlierDetectionSchema>;

function httpTimeout(path: string) {
  return struct(path, {
    idle: duration(`${path}.idle`).optional(),
    perRequest: duration(`${path}.perRequest`).optional(),
  });
}

/** Model union: `tcp` | `http` | `http2` | `grpc`; the member must also equal the listener's protocol. */
export const ListenerTimeoutSchema = union(`${L}.timeout`, {
  tcp: struct(`${L}.timeout.tcp`, { idle: duration(`${L}.timeout.tcp.idle`).optional() }).optional(),
  http: httpTimeout(`${L}.timeout.http`).optional(),
  http2: httpTimeout(`${L}.timeout.http2`).optional(),
  grpc: httpTimeout(`${L}.timeout.grpc`).optional(),
});
export type ListenerTimeout = z.infer<typeof ListenerTimeoutSchema>;

export const VirtualNodeListenerSchema = struct(L, {
  portMapping: PortMappingSchema,
  connectionPool: VirtualNodeConnectionPoolSchema.optional(),
  healthCheck: HealthCheckPolicySchema.optional(),
  outlierDetection: OutlierDetectionSchema.optional(),
  timeout: ListenerTimeoutSchema.optional(),
  tls: VirtualGatewayListenerTlsSchema.optional(),
}).superRefine((listener, ctx) => {
  const { port, protocol } = listener.portMapping;
  const hcPort = listener.healthCheck?.port;
  if (hcPort !== undefined && hcPort !== port) {
    ctx.addIssue({
      code: 'custom',
      message: `${label(`${L}.healthCheck.port`)} must match the listener port (${port}).`,
      path: ['healthCheck', 'port'],
    });
  }
  for (const member of ['connectionPool', 'timeout'] as const) {
    const value = listener[member] as Record<string, unknown> | undefined;
    if (!value) continue;
    for (const kind of MESH_PORT_PROTOCOLS) {
      if (value[kind] !== undefined && kind !== protocol) {
        ctx.addIssue({
          code: 'custom',
          message: `${label(`${L}.${member}`)} must match the listener protocol: use ${protocol}, not ${kind}.`,
          path: [member, kind],
        });
      }
    }
  }
});
export type VirtualNodeListener = z.infer<typeof VirtualNodeListenerSchema>;

// ---------- service discovery

const SD = 'serviceDiscovery';

export const DnsServiceDiscoverySchema = struct(`${SD}.dns`, {
  hostname: text(`${SD}.dns.hostname`, { min: 1 }),
  ipPreference: oneOf(`${SD}.dns.ipPreference`, IP_PREFERENCES).optional(),
  responseType: oneOf(`${SD}.dns.responseType`, DNS_RESPONSE_TYPES).optional(),
});

const ATTRIBUTE_KEY = /^[a-zA-Z0-9!-~]+$/;
const ATTRIBUTE_VALUE = /^([a-zA-Z0-9!-~][ a-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$/;
const A = `${SD}.awsCloudMap.attributes.*`;

export const AwsCloudMapServiceDiscoverySchema = struct(`${SD}.awsCloudMap`, {
  namespaceName: text(`${SD}.awsCloudMap.namespaceName`, { min: 1, max: 1024 }),
  serviceName: text(`${SD}.awsCloudMap.serviceName`, { min: 1, max: 1024 }),
  ipPreference: oneOf(`${SD}.awsCloudMap.ipPreference`, IP_PREFERENCES).optional(),
  attributes: list(
    `${SD}.awsCloudMap.attributes`,
    struct(A, {
      key: text(`${A}.key`, { min: 1, max: 255 }).regex(ATTRIBUTE_KEY, {
        error: `${label(`${A}.key`)} must be printable ASCII characters without spaces.`,
      }),
      value: text(`${A}.value`, { min: 1, max: 1024 }).regex(ATTRIBUTE_VALUE, {
        error: `${label(`${A}.value`)} must be printable ASCII characters (spaces only between others).`,
      }),
    }),
  ).optional(),
});

/** Model union: `dns` | `awsCloudMap`. */
export const ServiceDiscoverySchema = union(SD, {
  dns: DnsServiceDiscoverySchema.optional(),
  awsCloudMap: AwsCloudMapServiceDiscoverySchema.optional(),
});
export type ServiceDiscovery = z.infer<typeof ServiceDiscoverySchema>;

// ---------- backends

const B = 'backends.*';

export const VirtualServiceBackendSchema = struct(`${B}.virtualService`, {
  virtualServiceName: uriLabelName(`${B}.virtualService.virtualServiceName`, { min: 1 }),
  clientPolicy: VirtualGatewayClientPolicySchema.optional(),
});

/** Model union: `virtualService`. */
export const BackendSchema = union(B, { virtualService: VirtualServiceBackendSchema.optional() });
export type Backend = z.infer<typeof BackendSchema>;

// ---------- spec

export const VirtualNodeSpecSchema = struct('spec', {
  listeners: list('listeners', VirtualNodeListenerSchema).superRefine(distinctPorts).optional(),
  serviceDiscovery: ServiceDiscoverySchema.optional(),
  backends: list('backends', BackendSchema)
    .superRefine((backends, ctx) => {
      const seen = new Set<string>();
      backends.forEach((backend, index) => {
        const name = backend.virtualService?.virtualServiceName;
        if (name === undefined) return;
        if (seen.has(name)) {
          ctx.addIssue({
            code: 'custom',
            message: `Virtual service ${name} is already a backend of this virtual node.`,
            path: [index, 'virtualService', 'virtualServiceName'],
          });
        }
        seen.add(name);
      });
    })
    .optional(),
  backendDefaults: VirtualGatewayBackendDefaultsSchema.optional(),
  logging: VirtualGatewayLoggingSchema.optional(),
}).superRefine((spec, ctx) => {
  // VirtualNodeSpec.serviceDiscovery: "If you specify a listener, then you must specify service discovery information."
  if ((spec.listeners?.length ?? 0) > 0 && spec.serviceDiscovery === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${label(SD)} is required when the virtual node has a listener.`,
      path: [SD],
    });
  }
});
export type VirtualNodeSpec = z.infer<typeof VirtualNodeSpecSchema>;

/** The virtual services a node's backends name. */
export function backendServiceNames(spec: VirtualNodeSpec): string[] {
  return (spec.backends ?? []).flatMap((b) => (b.virtualService ? [b.virtualService.virtualServiceName] : []));
}

export const VirtualNodeStatusSchema = z.object({ status: StatusCodeSchema });
export type VirtualNodeStatus = z.infer<typeof VirtualNodeStatusSchema>;

export const VirtualNodeDataSchema = z.object({
  meshName: z.string(),
  virtualNodeName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: VirtualNodeSpecSchema,
  status: VirtualNodeStatusSchema,
});
export type VirtualNodeData = z.infer<typeof VirtualNodeDataSchema>;

export const VirtualNodeRefSchema = RefBaseSchema.extend({ virtualNodeName: z.string() });
export type VirtualNodeRef = z.infer<typeof VirtualNodeRefSchema>;
