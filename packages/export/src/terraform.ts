// `terraform`: aws_appmesh_* resources in HCL for the AWS provider (5.x), without a provider block.
// Routes refer to their gateway and virtual service, everything to the mesh, so Terraform orders them.
import type {
  GatewayRouteTarget,
  GrpcGatewayRoute,
  HeaderMatchMethod,
  HttpGatewayRoute,
  TagRef,
  VirtualGatewayData,
  VirtualGatewayListenerTlsValidationContext,
  VirtualGatewaySpec,
  VirtualGatewayTlsValidationContext,
} from '@meshconsole/model';
import { attr, block, blockIf, type HclItem, hclFile, Ref } from './hcl';
import { IdentifierSet } from './names';
import {
  type ExportInput,
  type ExportResult,
  isSharedMesh,
  meshResource,
  routeResource,
  UntranslatedList,
} from './types';

function tagsAttr(tags: readonly TagRef[]): HclItem[] {
  if (tags.length === 0) return [];
  return attr('tags', Object.fromEntries(tags.map((t) => [t.key, t.value])));
}

function sans(v: { subjectAlternativeNames?: { match: { exact: string[] } } | undefined }): HclItem[] {
  return blockIf('subject_alternative_names', v.subjectAlternativeNames, (s) => [
    block('match', attr('exact', s.match.exact)),
  ]);
}

function fileOrSds(v: { file?: { certificateChain: string; privateKey?: string }; sds?: { secretName: string } }) {
  return [
    ...blockIf('file', v.file, (f) => [
      ...attr('certificate_chain', f.certificateChain),
      ...attr('private_key', f.privateKey),
    ]),
    ...blockIf('sds', v.sds, (s) => attr('secret_name', s.secretName)),
  ];
}

function clientValidation(v: VirtualGatewayTlsValidationContext): HclItem[] {
  return [
    ...sans(v),
    block('trust', [
      ...blockIf('acm', v.trust.acm, (a) => attr('certificate_authority_arns', a.certificateAuthorityArns)),
      ...fileOrSds(v.trust),
    ]),
  ];
}

function listenerValidation(v: VirtualGatewayListenerTlsValidationContext): HclItem[] {
  return [...sans(v), block('trust', fileOrSds(v.trust))];
}

function gatewaySpec(spec: VirtualGatewaySpec): HclItem[] {
  const tls = spec.backendDefaults?.clientPolicy?.tls;
  const file = spec.logging?.accessLog?.file;
  return [
    ...blockIf('backend_defaults', spec.backendDefaults, (bd) => [
      ...blockIf('client_policy', bd.clientPolicy, () => [
        ...blockIf('tls', tls, (t) => [
          ...attr('enforce', t.enforce),
          ...attr('ports', t.ports),
          ...blockIf('certificate', t.certificate, fileOrSds),
          block('validation', clientValidation(t.validation)),
        ]),
      ]),
    ]),
    ...spec.listeners.map((l) =>
      block('listener', [
        ...blockIf('connection_pool', l.connectionPool, (p) => [
          ...blockIf('grpc', p.grpc, (g) => attr('max_requests', g.maxRequests)),
          ...blockIf('http', p.http, (h) => [
            ...attr('max_connections', h.maxConnections),
            ...attr('max_pending_requests', h.maxPendingRequests),
          ]),
          ...blockIf('http2', p.http2, (h) => attr('max_requests', h.maxRequests)),
        ]),
        ...blockIf('health_check', l.healthCheck, (h) => [
          ...attr('protocol', h.protocol),
          ...attr('port', h.port),
          ...attr('path', h.path),
          ...attr('healthy_threshold', h.healthyThreshold),
          ...attr('unhealthy_threshold', h.unhealthyThreshold),
          ...attr('interval_millis', h.intervalMillis),
          ...attr('timeout_millis', h.timeoutMillis),
        ]),
        block('port_mapping', [...attr('port', l.portMapping.port), ...attr('protocol', l.portMapping.protocol)]),
        ...blockIf('tls', l.tls, (t) => [
          ...attr('mode', t.mode),
          block('certificate', [
            ...blockIf('acm', t.certificate.acm, (a) => attr('certificate_arn', a.certificateArn)),
            ...fileOrSds(t.certificate),
          ]),
          ...blockIf('validation', t.validation, listenerValidation),
        ]),
      ]),
    ),
    ...blockIf('logging', spec.logging, (lg) => [
      ...blockIf('access_log', lg.accessLog, () => [
        ...blockIf('file', file, (f) => [
          ...attr('path', f.path),
          ...blockIf('format', f.format, (fmt) => [
            ...attr('text', fmt.text),
            ...(fmt.json ?? []).map((j) => block('json', [...attr('key', j.key), ...attr('value', j.value)])),
          ]),
        ]),
      ]),
    ]),
  ];
}

function headerMatch(m: HeaderMatchMethod): HclItem[] {
  return [
    ...attr('exact', m.exact),
    ...attr('prefix', m.prefix),
    ...attr('regex', m.regex),
    ...attr('suffix', m.suffix),
    ...blockIf('range', m.range, (r) => [...attr('start', r.start), ...attr('end', r.end)]),
  ];
}

interface RouteContext {
  serviceRef(name: string): Ref | string;
  untranslated: UntranslatedList;
  resource: string;
}

function target(t: GatewayRouteTarget, ctx: RouteContext): HclItem {
  return block('target', [
    ...attr('port', t.port),
    block('virtual_service', attr('virtual_service_name', ctx.serviceRef(t.virtualService.virtualServiceName))),
  ]);
}

function httpRoute(kind: 'httpRoute' | 'http2Route', r: HttpGatewayRoute, ctx: RouteContext): HclItem {
  const m = r.match;
  if (m.method !== undefined) {
    ctx.untranslated.add(
      ctx.resource,
      `${kind}.match.method`,
      `The AWS provider's ${kind === 'httpRoute' ? 'http_route' : 'http2_route'} match has no method; the route is exported without it, so add a header match on the method elsewhere or keep the route in the console.`,
    );
  }
  const rw = r.action.rewrite;
  return block(kind === 'httpRoute' ? 'http_route' : 'http2_route', [
    block('match', [
      ...attr('prefix', m.prefix),
      ...attr('port', m.port),
      ...blockIf('path', m.path, (p) => [...attr('exact', p.exact), ...attr('regex', p.regex)]),
      ...blockIf('hostname', m.hostname, (h) => [...attr('exact', h.exact), ...attr('suffix', h.suffix)]),
      ...(m.headers ?? []).map((h) =>
        block('header', [
          ...attr('name', h.name),
          ...attr('invert', h.invert),
          ...blockIf('match', h.match, headerMatch),
        ]),
      ),
      ...(m.queryParameters ?? []).map((q) =>
        block('query_parameter', [
          ...attr('name', q.name),
          ...blockIf('match', q.match, (qm) => attr('exact', qm.exact)),
        ]),
      ),
    ]),
    block('action', [
      target(r.action.target, ctx),
      ...blockIf('rewrite', rw, (w) => [
        ...blockIf('hostname', w.hostname, (h) => attr('default_target_hostname', h.defaultTargetHostname)),
        ...blockIf('path', w.path, (p) => attr('exact', p.exact)),
        ...blockIf('prefix', w.prefix, (p) => [...attr('default_prefix', p.defaultPrefix), ...attr('value', p.value)]),
      ]),
    ]),
  ]);
}

function grpcRoute(r: GrpcGatewayRoute, ctx: RouteContext): HclItem | undefined {
  const m = r.match;
  const missing = (field: string, what: string) =>
    ctx.untranslated.add(
      ctx.resource,
      `grpcRoute.${field}`,
      `The AWS provider's grpc_route has no ${what}; apply the route without it and set it with the AWS CLI (aws appmesh update-gateway-route), or keep the route outside Terraform.`,
    );
  if (m.hostname) missing('match.hostname', 'hostname match');
  if (m.metadata) missing('match.metadata', 'metadata match');
  if (r.action.rewrite) missing('action.rewrite', 'rewrite');
  if (m.serviceName === undefined) {
    ctx.untranslated.add(
      ctx.resource,
      'grpcRoute.match.serviceName',
      "The AWS provider's grpc_route requires a service name match and this route matches on hostname only, so it is not exported; create it with the AWS CLI or the console.",
    );
    return undefined;
  }
  return block('grpc_route', [
    block('match', [...attr('service_name', m.serviceName), ...attr('port', m.port)]),
    block('action', [target(r.action.target, ctx)]),
  ]);
}

export function terraformExport(input: ExportInput): ExportResult {
  const untranslated = new UntranslatedList();
  const ids = new IdentifierSet('snake');
  const mesh = input.mesh.data;
  const meshId = ids.take(mesh.meshName);
  const meshName = new Ref(`aws_appmesh_mesh.${meshId}.name`);
  const blocks: HclItem[] = [];

  blocks.push(
    block(
      'resource',
      [
        ...attr('name', mesh.meshName),
        ...blockIf('spec', mesh.spec.egressFilter || mesh.spec.serviceDiscovery ? mesh.spec : undefined, (s) => [
          ...blockIf('egress_filter', s.egressFilter, (e) => attr('type', e.type)),
          ...blockIf('service_discovery', s.serviceDiscovery, (d) => attr('ip_preference', d.ipPreference)),
        ]),
        ...tagsAttr(input.mesh.tags),
      ],
      ['aws_appmesh_mesh', meshId],
    ),
  );
  if (isSharedMesh(input)) {
    untranslated.add(
      meshResource(mesh),
      'meshOwner',
      `The mesh is shared by account ${mesh.metadata.meshOwner}; the export creates a mesh of your own, so apply it with that account's credentials or remove the aws_appmesh_mesh resource and set mesh_owner.`,
    );
  }

  const serviceIds = new Map<string, string>();
  for (const { data: vs, tags } of input.virtualServices) {
    const id = ids.take(vs.virtualServiceName);
    serviceIds.set(vs.virtualServiceName, id);
    const p = vs.spec.provider;
    blocks.push(
      block(
        'resource',
        [
          ...attr('name', vs.virtualServiceName),
          ...attr('mesh_name', meshName),
          block('spec', [
            ...blockIf('provider', p, (pv) => [
              ...blockIf('virtual_node', pv.virtualNode, (n) => attr('virtual_node_name', n.virtualNodeName)),
              ...blockIf('virtual_router', pv.virtualRouter, (n) => attr('virtual_router_name', n.virtualRouterName)),
            ]),
          ]),
          ...tagsAttr(tags),
        ],
        ['aws_appmesh_virtual_service', id],
      ),
    );
  }

  const gatewayIds = new Map<string, string>();
  for (const { data: gw, tags } of input.virtualGateways) {
    const id = ids.take(gw.virtualGatewayName);
    gatewayIds.set(gw.virtualGatewayName, id);
    blocks.push(gatewayBlock(gw, id, meshName, tags));
  }

  for (const { data: route, tags } of input.gatewayRoutes) {
    const resource = routeResource(route);
    const ctx: RouteContext = {
      untranslated,
      resource,
      serviceRef: (name) => {
        const id = serviceIds.get(name);
        return id ? new Ref(`aws_appmesh_virtual_service.${id}.name`) : name;
      },
    };
    const spec = route.spec;
    const kind = spec.httpRoute
      ? httpRoute('httpRoute', spec.httpRoute, ctx)
      : spec.http2Route
        ? httpRoute('http2Route', spec.http2Route, ctx)
        : grpcRoute(spec.grpcRoute!, ctx);
    if (!kind) continue;
    const gwId = gatewayIds.get(route.virtualGatewayName);
    blocks.push(
      block(
        'resource',
        [
          ...attr('name', route.gatewayRouteName),
          ...attr('mesh_name', meshName),
          ...attr(
            'virtual_gateway_name',
            gwId ? new Ref(`aws_appmesh_virtual_gateway.${gwId}.name`) : route.virtualGatewayName,
          ),
          block('spec', [...attr('priority', spec.priority), kind]),
          ...tagsAttr(tags),
        ],
        ['aws_appmesh_gateway_route', ids.take(route.virtualGatewayName, route.gatewayRouteName)],
      ),
    );
  }

  const content = hclFile(
    blocks,
    `App Mesh resources of mesh ${JSON.stringify(mesh.meshName)}, exported by meshconsole.\n` +
      'For the AWS provider (hashicorp/aws 5.x); bring your own provider block.',
  );
  return { format: 'terraform', files: [{ path: 'main.tf', content }], untranslated: untranslated.items };
}

function gatewayBlock(gw: VirtualGatewayData, id: string, meshName: Ref, tags: readonly TagRef[]): HclItem {
  return block(
    'resource',
    [
      ...attr('name', gw.virtualGatewayName),
      ...attr('mesh_name', meshName),
      block('spec', gatewaySpec(gw.spec)),
      ...tagsAttr(tags),
    ],
    ['aws_appmesh_virtual_gateway', id],
  );
}
