// `gateway-api`: Kubernetes Gateway API (gateway.networking.k8s.io/v1) for Envoy Gateway, Istio and the
// other implementations: a Gateway per virtual gateway, an HTTPRoute or GRPCRoute per gateway route.
// App Mesh's default rewrites become explicit URLRewrite filters. What has no equivalent is listed in
// `untranslated`, each with what to do instead.
import type {
  GatewayRouteData,
  GrpcGatewayRoute,
  HeaderMatchMethod,
  HttpGatewayRoute,
  VirtualGatewayData,
} from '@meshconsole/model';
import { K8sNames, yamlStream } from './kubernetes';
import { type ExportInput, type ExportResult, gatewayResource, routeResource, UntranslatedList } from './types';

const API_VERSION = 'gateway.networking.k8s.io/v1';
/** Envoy Gateway's usual GatewayClass; Istio's is `istio`. */
export const GATEWAY_CLASS = 'eg';

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const GRPC_SERVICE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Listener {
  name: string;
  port: number;
  protocol: string;
}

function listenerOf(gw: VirtualGatewayData): Listener {
  const l = gw.spec.listeners[0]!;
  const tls = l.tls && l.tls.mode !== 'DISABLED';
  return {
    name: `${l.portMapping.protocol}-${l.portMapping.port}`,
    port: l.portMapping.port,
    protocol: tls ? 'HTTPS' : 'HTTP',
  };
}

function gatewayDoc(gw: VirtualGatewayData, name: string, namespace: string, u: UntranslatedList) {
  const resource = gatewayResource(gw);
  const listener = gw.spec.listeners[0]!;
  const l = listenerOf(gw);
  const secretName = `${name}-tls`;
  const tls = listener.tls;
  if (tls && tls.mode !== 'DISABLED') {
    const c = tls.certificate;
    if (c.acm) {
      u.add(
        resource,
        'listeners.0.tls.certificate.acm',
        `Gateway API reads certificates from Kubernetes Secrets: put the ACM certificate ${c.acm.certificateArn} in Secret ${secretName} (type kubernetes.io/tls), or terminate TLS on an AWS load balancer in front.`,
      );
    } else if (c.file) {
      u.add(
        resource,
        'listeners.0.tls.certificate.file',
        `Create Secret ${secretName} (type kubernetes.io/tls) from ${c.file.certificateChain} and ${c.file.privateKey}; the Gateway refers to it.`,
      );
    } else if (c.sds) {
      u.add(
        resource,
        'listeners.0.tls.certificate.sds',
        `Create Secret ${secretName} (type kubernetes.io/tls) with the certificate your SDS provider serves as ${c.sds.secretName}; the Gateway refers to it.`,
      );
    }
    if (tls.mode === 'PERMISSIVE') {
      u.add(
        resource,
        'listeners.0.tls.mode',
        'A Gateway API listener is either TLS or plaintext: the export terminates TLS (STRICT); add a second HTTP listener on another port for plaintext clients.',
      );
    }
    if (tls.validation) {
      u.add(
        resource,
        'listeners.0.tls.validation',
        "Client certificate validation (mutual TLS) is not in the Gateway's standard listener TLS: use your implementation's policy (Envoy Gateway: ClientTrafficPolicy tls.clientValidation; Istio: Gateway tls mode MUTUAL) with the same trust and subject alternative names.",
      );
    }
  }
  if (listener.connectionPool) {
    u.add(
      resource,
      'listeners.0.connectionPool',
      'Gateway API has no connection limits: set them per backend in your implementation (Envoy Gateway: BackendTrafficPolicy circuitBreaker; Istio: DestinationRule trafficPolicy.connectionPool).',
    );
  }
  if (listener.healthCheck) {
    u.add(
      resource,
      'listeners.0.healthCheck',
      "The gateway's own health check has no Gateway API field: the implementation's proxy pods carry their readiness probe; for backends use BackendTrafficPolicy healthCheck (Envoy Gateway) or outlier detection (Istio).",
    );
  }
  if (gw.spec.logging) {
    u.add(
      resource,
      'logging.accessLog',
      'Access logs are configured on the implementation, not the Gateway: Envoy Gateway EnvoyProxy telemetry.accessLog, Istio Telemetry accessLogging (the same path and format apply).',
    );
  }
  if (gw.spec.backendDefaults?.clientPolicy?.tls) {
    u.add(
      resource,
      'backendDefaults.clientPolicy.tls',
      'TLS to backends is a BackendTLSPolicy per backend Service in Gateway API: give each one the same trust (a ConfigMap with the CA certificate) and hostname; client certificates need the implementation (Envoy Gateway: Backend tls.clientCertificateRef).',
    );
  }
  return {
    apiVersion: API_VERSION,
    kind: 'Gateway',
    metadata: { name, namespace, annotations: { 'appmesh.k8s.aws/virtual-gateway': gw.virtualGatewayName } },
    spec: {
      gatewayClassName: GATEWAY_CLASS,
      listeners: [
        {
          name: l.name,
          port: l.port,
          protocol: l.protocol,
          ...(l.protocol === 'HTTPS'
            ? { tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: secretName }] } }
            : {}),
          allowedRoutes: {
            namespaces: { from: 'Same' },
            kinds: [{ kind: listener.portMapping.protocol === 'grpc' ? 'GRPCRoute' : 'HTTPRoute' }],
          },
        },
      ],
    },
  };
}

interface RouteContext {
  resource: string;
  kind: string;
  u: UntranslatedList;
}

function hostnames(match: { hostname?: { exact?: string; suffix?: string } | undefined }, ctx: RouteContext): string[] {
  const h = match.hostname;
  if (!h) return [];
  const value = h.exact ?? (h.suffix!.startsWith('.') ? `*${h.suffix}` : `*.${h.suffix}`);
  if (h.suffix !== undefined && !h.suffix.startsWith('.')) {
    ctx.u.add(
      ctx.resource,
      `${ctx.kind}.match.hostname.suffix`,
      `App Mesh matches any host ending in "${h.suffix}"; Gateway API wildcards match whole labels, so ${value} does not match a host such as "x${h.suffix}": list such hosts as well.`,
    );
  }
  if (!HOSTNAME.test(value)) {
    ctx.u.add(
      ctx.resource,
      `${ctx.kind}.match.hostname`,
      `"${value}" is not a Gateway API hostname (lowercase DNS labels, optionally led by *.): the route is exported without a hostname, so restrict it with a header match on the host.`,
    );
    return [];
  }
  return [value];
}

/** A header or gRPC metadata match, or undefined when Gateway API cannot say it. */
function headerMatch(
  h: { name: string; invert?: boolean | undefined; match?: HeaderMatchMethod | undefined },
  field: string,
  ctx: RouteContext,
): Record<string, string> | undefined {
  if (!HEADER_NAME.test(h.name)) {
    ctx.u.add(ctx.resource, field, `"${h.name}" is not a valid header name in Gateway API: the match is left out.`);
    return undefined;
  }
  if (h.invert) {
    ctx.u.add(
      ctx.resource,
      `${field}.invert`,
      `Gateway API has no inverted header match: the match on ${h.name} is left out; express the opposite with a RegularExpression match or a separate rule that takes the other traffic.`,
    );
    return undefined;
  }
  const m = h.match;
  if (!m) return { type: 'RegularExpression', name: h.name, value: '.*' };
  if (m.range) {
    ctx.u.add(
      ctx.resource,
      `${field}.match.range`,
      `Gateway API has no numeric range match: the match on ${h.name} (${m.range.start} to ${m.range.end}) is left out; write it as a RegularExpression match if the numbers allow.`,
    );
    return undefined;
  }
  if (m.exact !== undefined) return { type: 'Exact', name: h.name, value: m.exact };
  if (m.regex !== undefined) return { type: 'RegularExpression', name: h.name, value: m.regex };
  if (m.prefix !== undefined) return { type: 'RegularExpression', name: h.name, value: `^${escapeRegex(m.prefix)}.*` };
  return { type: 'RegularExpression', name: h.name, value: `.*${escapeRegex(m.suffix!)}$` };
}

function parentRef(gatewayName: string, listener: Listener, port: number | undefined) {
  return { name: gatewayName, sectionName: listener.name, ...(port !== undefined ? { port } : {}) };
}

function backendRef(serviceName: string, port: number | undefined, listener: Listener, ctx: RouteContext) {
  if (port === undefined) {
    ctx.u.add(
      ctx.resource,
      `${ctx.kind}.action.target.port`,
      `App Mesh sends to the port of the virtual service's provider; the backendRef uses the listener port ${listener.port}: set it to the port of Service ${serviceName}.`,
    );
  }
  return { name: serviceName, port: port ?? listener.port };
}

function httpRouteDoc(
  route: GatewayRouteData,
  r: HttpGatewayRoute,
  kind: 'httpRoute' | 'http2Route',
  name: string,
  namespace: string,
  gatewayName: string,
  listener: Listener,
  serviceName: string,
  u: UntranslatedList,
) {
  const ctx: RouteContext = { resource: routeResource(route), kind, u };
  const m = r.match;
  const match: Record<string, unknown> = {};
  const rw = r.action.rewrite;
  if (m.prefix !== undefined) match.path = { type: 'PathPrefix', value: m.prefix };
  else if (m.path?.exact !== undefined) match.path = { type: 'Exact', value: m.path.exact };
  else if (m.path?.regex !== undefined) match.path = { type: 'RegularExpression', value: m.path.regex };
  else if (rw?.prefix?.value !== undefined) match.path = { type: 'PathPrefix', value: '/' };
  if (m.prefix !== undefined && !m.prefix.endsWith('/') && m.prefix !== '/') {
    u.add(
      ctx.resource,
      `${kind}.match.prefix`,
      `App Mesh matches "${m.prefix}" as text (so also "${m.prefix}x"); Gateway API PathPrefix matches whole path segments (${m.prefix} and ${m.prefix}/...): add a rule for any other paths that must match.`,
    );
  }
  const headers = (m.headers ?? []).flatMap((h, i) => {
    const header = headerMatch(h, `${kind}.match.headers.${i}`, ctx);
    return header ? [header] : [];
  });
  if (headers.length > 0) match.headers = headers;
  const query = (m.queryParameters ?? []).map((q) =>
    q.match?.exact !== undefined
      ? { type: 'Exact', name: q.name, value: q.match.exact }
      : { type: 'RegularExpression', name: q.name, value: '.*' },
  );
  if (query.length > 0) match.queryParams = query;
  if (m.method) match.method = m.method;

  const urlRewrite: Record<string, unknown> = {};
  const vsName = r.action.target.virtualService.virtualServiceName;
  if (rw?.hostname?.defaultTargetHostname !== 'DISABLED') {
    if (HOSTNAME.test(vsName) && !vsName.startsWith('*')) urlRewrite.hostname = vsName;
    else
      u.add(
        ctx.resource,
        `${kind}.action.rewrite.hostname`,
        `App Mesh sets the Host header to the virtual service name "${vsName}", which is not a valid Gateway API hostname: the rewrite is left out; rewrite the host in your backend or with a RequestHeaderModifier.`,
      );
  }
  if (rw?.path?.exact !== undefined) urlRewrite.path = { type: 'ReplaceFullPath', replaceFullPath: rw.path.exact };
  else if (rw?.prefix?.value !== undefined)
    urlRewrite.path = { type: 'ReplacePrefixMatch', replacePrefixMatch: rw.prefix.value };
  else if (m.prefix !== undefined && rw?.prefix?.defaultPrefix !== 'DISABLED') {
    // App Mesh's default: the matched prefix is replaced with "/".
    urlRewrite.path = { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' };
  }
  const filters = Object.keys(urlRewrite).length > 0 ? [{ type: 'URLRewrite', urlRewrite }] : [];
  return routeObject(
    'HTTPRoute',
    route,
    { name, namespace, gatewayName, listener, serviceName },
    r,
    match,
    filters,
    ctx,
  );
}

/** The HTTPRoute or GRPCRoute of one gateway route: one rule with its match, filters and backend. */
function routeObject(
  kind: 'HTTPRoute' | 'GRPCRoute',
  route: GatewayRouteData,
  at: { name: string; namespace: string; gatewayName: string; listener: Listener; serviceName: string },
  r: HttpGatewayRoute | GrpcGatewayRoute,
  match: Record<string, unknown>,
  filters: unknown[],
  ctx: RouteContext,
) {
  if (route.spec.priority !== undefined) priorityNote(route, ctx);
  const hosts = hostnames(r.match, ctx);
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: {
      name: at.name,
      namespace: at.namespace,
      annotations: { 'appmesh.k8s.aws/gateway-route': route.gatewayRouteName },
    },
    spec: {
      parentRefs: [parentRef(at.gatewayName, at.listener, r.match.port)],
      ...(hosts.length > 0 ? { hostnames: hosts } : {}),
      rules: [
        {
          ...(Object.keys(match).length > 0 ? { matches: [match] } : {}),
          ...(filters.length > 0 ? { filters } : {}),
          backendRefs: [backendRef(at.serviceName, r.action.target.port, at.listener, ctx)],
        },
      ],
    },
  };
}

function priorityNote(route: GatewayRouteData, ctx: RouteContext) {
  ctx.u.add(
    ctx.resource,
    'priority',
    `Gateway API has no route priority (${route.spec.priority} here): it prefers the most specific match (exact path, then the longest prefix, then more headers); check that the routes of this gateway still resolve in the order you need.`,
  );
}

function grpcRouteDoc(
  route: GatewayRouteData,
  r: GrpcGatewayRoute,
  name: string,
  namespace: string,
  gatewayName: string,
  listener: Listener,
  serviceName: string,
  u: UntranslatedList,
) {
  const ctx: RouteContext = { resource: routeResource(route), kind: 'grpcRoute', u };
  const m = r.match;
  const match: Record<string, unknown> = {};
  if (m.serviceName !== undefined) {
    if (GRPC_SERVICE.test(m.serviceName)) match.method = { type: 'Exact', service: m.serviceName };
    else
      u.add(
        ctx.resource,
        'grpcRoute.match.serviceName',
        `"${m.serviceName}" is not a gRPC service name Gateway API accepts: the match is left out, so the route takes every service; restrict it with a RegularExpression method match.`,
      );
  }
  const headers = (m.metadata ?? []).flatMap((h, i) => {
    const header = headerMatch(h, `grpcRoute.match.metadata.${i}`, ctx);
    return header ? [header] : [];
  });
  if (headers.length > 0) match.headers = headers;
  if (r.action.rewrite?.hostname?.defaultTargetHostname !== 'DISABLED') {
    u.add(
      ctx.resource,
      'grpcRoute.action.rewrite.hostname',
      `App Mesh rewrites the authority to "${r.action.target.virtualService.virtualServiceName}"; GRPCRoute has no URLRewrite filter, so set the authority with your implementation (Envoy Gateway: HTTPRouteFilter urlRewrite.hostname as an ExtensionRef) or make the backend accept the client's.`,
    );
  }
  return routeObject('GRPCRoute', route, { name, namespace, gatewayName, listener, serviceName }, r, match, [], ctx);
}

export function gatewayApiExport(input: ExportInput): ExportResult {
  const u = new UntranslatedList();
  const names = new K8sNames();
  const mesh = input.mesh.data;
  const namespace = names.take('Namespace', mesh.meshName);
  const docs: { value: unknown; comment?: string }[] = [
    {
      value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
      comment:
        `Gateway API resources for mesh ${JSON.stringify(mesh.meshName)}, exported by meshconsole.\n` +
        `gatewayClassName ${GATEWAY_CLASS} is Envoy Gateway's usual class: use your implementation's (istio for Istio).\n` +
        'Each backendRef names a Service for the virtual service it replaces, in this namespace.',
    },
  ];
  if (mesh.spec.egressFilter || mesh.spec.serviceDiscovery) {
    u.add(
      `mesh/${mesh.meshName}`,
      'spec',
      'Gateway API covers ingress only: the mesh-wide egress filter and IP preference belong to your service mesh (Istio: Sidecar outboundTrafficPolicy and the ISTIO_META_DNS settings) or to NetworkPolicy.',
    );
  }
  const serviceNames = new Map<string, string>();
  for (const { data: vs } of input.virtualServices)
    serviceNames.set(vs.virtualServiceName, names.take('Service', vs.virtualServiceName));
  const serviceName = (vs: string) => serviceNames.get(vs) ?? names.take('Service', vs);

  for (const { data: gw } of input.virtualGateways) {
    const gwName = names.take('Gateway', gw.virtualGatewayName);
    docs.push({ value: gatewayDoc(gw, gwName, namespace, u) });
    const listener = listenerOf(gw);
    for (const { data: route } of input.gatewayRoutes.filter(
      (r) => r.data.virtualGatewayName === gw.virtualGatewayName,
    )) {
      const name = names.take('Route', gw.virtualGatewayName, route.gatewayRouteName);
      const s = route.spec;
      const r = (s.httpRoute ?? s.http2Route ?? s.grpcRoute)!;
      const svc = serviceName(r.action.target.virtualService.virtualServiceName);
      docs.push({
        value: s.grpcRoute
          ? grpcRouteDoc(route, s.grpcRoute, name, namespace, gwName, listener, svc, u)
          : httpRouteDoc(
              route,
              (s.httpRoute ?? s.http2Route)!,
              s.httpRoute ? 'httpRoute' : 'http2Route',
              name,
              namespace,
              gwName,
              listener,
              svc,
              u,
            ),
      });
    }
  }
  return {
    format: 'gateway-api',
    files: [{ path: 'gateway-api.yaml', content: yamlStream(docs) }],
    untranslated: u.items,
  };
}
