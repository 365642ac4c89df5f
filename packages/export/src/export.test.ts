import { LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import { ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import { Gateway, GRPCRoute, HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import { HttpTestRequestSchema } from '@meshconsole/model';
import { listenerOf, testRequest } from '@meshconsole/routing';
import { Namespace } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { FULL_MESH } from './fixtures';
import { exportMesh, hclString } from './index';

type Doc = { apiVersion: string; kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> };

function documents(content: string): Doc[] {
  return parseAllDocuments(content).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Doc;
  });
}

function only(format: Parameters<typeof exportMesh>[1]) {
  const result = exportMesh(FULL_MESH, format);
  expect(result.format).toBe(format);
  expect(result.files).toHaveLength(1);
  return { ...result, content: result.files[0]!.content };
}

describe('cloudformation', () => {
  it('when the fully loaded mesh is exported, then the template matches the golden file', async () => {
    await expect(only('cloudformation').content).toMatchFileSnapshot('./__golden__/full-mesh.cloudformation.yaml');
  });

  it('when it is read back, then names and strings are intact and routes depend on their gateway and service', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a parsed template, checked by the assertions below
    const template = parse(only('cloudformation').content) as { Resources: Record<string, Record<string, any>> };
    const r = template.Resources;
    expect(r.VirtualServiceSvcLocal!.Properties.Tags).toEqual([{ Key: 'k: v', Value: '- [not, a, list]' }]);
    expect(r.VirtualGatewayGwHttp!.Properties.Spec.Logging.AccessLog.File.Format.Text).toBe(
      '[%START_TIME%] "%REQ(:METHOD)%"\n',
    );
    expect(r.VirtualGatewayGwHttp!.Properties.Spec.Listeners[0].TLS.Certificate.ACM.CertificateArn).toMatch(
      /^arn:aws:acm:/,
    );
    expect(r.VirtualGatewayGwHttp!.Properties.Spec.Listeners[0].ConnectionPool.HTTP.MaxConnections).toBe(100);
    const routeProps = r.GatewayRouteGwHttpPrefix!;
    expect(routeProps.Type).toBe('AWS::AppMesh::GatewayRoute');
    expect(routeProps.DependsOn).toEqual(['MeshFullMesh', 'VirtualGatewayGwHttp', 'VirtualServiceSvcLocal']);
    expect(routeProps.Properties.VirtualGatewayName).toEqual({
      'Fn::GetAtt': ['VirtualGatewayGwHttp', 'VirtualGatewayName'],
    });
    expect(routeProps.Properties.Spec.HttpRoute.Action.Target.VirtualService.VirtualServiceName).toEqual({
      'Fn::GetAtt': ['VirtualServiceSvcLocal', 'VirtualServiceName'],
    });
  });
});

describe('controller', () => {
  it('when the fully loaded mesh is exported, then the manifests match the golden file', async () => {
    await expect(only('controller').content).toMatchFileSnapshot('./__golden__/full-mesh.controller.yaml');
  });

  it("when the manifests are checked against Kubernetes' models, then every metadata, namespace and selector is valid", () => {
    const { content, untranslated } = only('controller');
    const docs = documents(content);
    expect(docs.map((d) => d.kind)).toEqual([
      'Mesh',
      'Namespace',
      'VirtualService',
      'VirtualService',
      'Namespace',
      'VirtualGateway',
      'GatewayRoute',
      'GatewayRoute',
      'GatewayRoute',
      'GatewayRoute',
      'Namespace',
      'VirtualGateway',
      'GatewayRoute',
      'Namespace',
      'VirtualGateway',
      'GatewayRoute',
      'GatewayRoute',
    ]);
    for (const doc of docs) {
      if (doc.kind === 'Namespace') new Namespace(doc as never).validate();
      else {
        expect(doc.apiVersion).toBe('appmesh.k8s.aws/v1beta2');
        new ObjectMeta(doc.metadata as never).validate();
      }
      for (const selector of ['namespaceSelector', 'podSelector'] as const) {
        if (doc.spec?.[selector]) new LabelSelector(doc.spec[selector] as never).validate();
      }
    }
    const gateway = docs.find((d) => d.kind === 'VirtualGateway' && d.spec.awsName === 'gw-http')!;
    const routes = docs.filter((d) => d.kind === 'GatewayRoute' && d.metadata.namespace === gateway.metadata.namespace);
    expect(routes.map((d) => d.spec.awsName)).toEqual(['chapter', 'prefix', 'path', 'regex']);
    // The gateway's namespace selector selects the namespace its routes are in.
    const ns = docs.find((d) => d.kind === 'Namespace' && d.metadata.name === gateway.metadata.namespace)!;
    expect(ns.metadata.labels).toMatchObject((gateway.spec.namespaceSelector as { matchLabels: object }).matchLabels);
    // Ports: the CRD has http/http2 match.port and every target.port; a grpc match.port has no field.
    const prefix = routes.find((d) => d.spec.awsName === 'prefix')!.spec.httpRoute as {
      match: { port?: number };
      action: { target: { port?: number } };
    };
    expect(prefix.match.port).toBe(8080);
    expect(prefix.action.target.port).toBe(8080);
    const grpc = docs.find((d) => d.kind === 'GatewayRoute' && d.spec.awsName === 'grpc')!.spec.grpcRoute as {
      match: { port?: number };
      action: { target: { port?: number } };
    };
    expect(grpc.match.port).toBeUndefined();
    expect(grpc.action.target.port).toBe(50051);
    const keys = untranslated.map((u) => `${u.resource} ${u.field}`);
    expect(keys).toContain('gatewayRoute/gw-grpc/grpc grpcRoute.match.port');
    expect(keys.filter((k) => /\.(match|target)\.port$/.test(k) && !k.includes('grpcRoute.match'))).toEqual([]);
    // The controller's Mesh has no serviceDiscovery field.
    expect(keys).toContain('mesh/full-mesh spec.serviceDiscovery');
  });
});

describe('terraform', () => {
  it('when a string has quotes, backslashes, template sequences and control characters, then HCL keeps it literal', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the template sequences under test
    const input = 'a "b" \\ ${x} $${y} %{ if } \n\t\u0001';
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the escaped template sequences
    const expected = '"a \\"b\\" \\\\ $${x} $$${y} %%{ if } \\n\\t\\u0001"';
    expect(hclString(input)).toBe(expected);
  });

  it('when the fully loaded mesh is exported, then resources refer to each other and what the provider lacks is listed', () => {
    const { content, untranslated } = only('terraform');
    expect(content).not.toContain('provider "aws"');
    expect(content).toContain('resource "aws_appmesh_gateway_route" "gw_http_prefix" {');
    expect(content).toContain('virtual_gateway_name = aws_appmesh_virtual_gateway.gw_http.name');
    expect(content).toContain('virtual_service_name = aws_appmesh_virtual_service.svc_local.name');
    expect(content).toContain('"k: v" = "- [not, a, list]"');
    expect(content).toContain('text = "[%START_TIME%] \\"%REQ(:METHOD)%\\"\\n"');
    expect(untranslated.map((u) => `${u.resource} ${u.field}`)).toEqual([
      'gatewayRoute/gw-http/prefix httpRoute.match.method',
      'gatewayRoute/gw-grpc/grpc grpcRoute.match.hostname',
      'gatewayRoute/gw-grpc/grpc grpcRoute.match.metadata',
      'gatewayRoute/gw-grpc/grpc grpcRoute.action.rewrite',
      'gatewayRoute/gw-grpc/grpc-host grpcRoute.match.hostname',
      'gatewayRoute/gw-grpc/grpc-host grpcRoute.match.serviceName',
    ]);
    expect(content).not.toContain('"grpc-host"');
  });
});

describe('gateway-api', () => {
  const { content, untranslated } = only('gateway-api');
  const docs = documents(content);

  it("when the manifests are checked against the Gateway API's models, then each Gateway, HTTPRoute and GRPCRoute is valid", () => {
    const kinds = docs.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'Gateway')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'HTTPRoute')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'GRPCRoute')).toHaveLength(2);
    for (const doc of docs) {
      const model = { Namespace, Gateway, HTTPRoute, GRPCRoute }[doc.kind as 'Gateway'];
      expect(model, doc.kind).toBeDefined();
      new model(doc as never).validate();
    }
  });

  it('when a route relies on the default rewrites, then URLRewrite replaces the matched prefix with / and the host with the service name', () => {
    const route = docs.find((d) => d.metadata.name === 'gw-http-chapter')!;
    const rule = (route.spec.rules as Rule[])[0]!;
    // The user guide's example: prefix /chapter to svc.local; /chapter/1 is forwarded as /1 to host svc.local.
    expect(forward(rule, { path: '/chapter/1', host: 'www.example.com' })).toEqual({ path: '/1', host: 'svc.local' });
    expect(forward(rule, { path: '/chapter', host: 'x' })).toEqual({ path: '/', host: 'svc.local' });
    expect(forward(rule, { path: '/other', host: 'x' })).toBeUndefined();
  });

  it("when the guide's /chapter route takes a request, then Gateway API forwards what packages/routing says App Mesh forwards", () => {
    // packages/routing's "test a request" (the App Mesh rules, UG-VG) against the exported HTTPRoute read by
    // the Gateway API spec's rules (`forward`), for the same route alone on its gateway.
    const gw = FULL_MESH.virtualGateways.find((g) => g.data.virtualGatewayName === 'gw-http')!.data;
    const chapter = FULL_MESH.gatewayRoutes.find((r) => r.data.gatewayRouteName === 'chapter')!.data;
    const rule = (docs.find((d) => d.metadata.name === 'gw-http-chapter')!.spec.rules as Rule[])[0]!;
    const appMesh = (path: string, host: string) => {
      const answer = testRequest(
        listenerOf(gw.spec),
        [{ gatewayRouteName: chapter.gatewayRouteName, spec: chapter.spec }],
        HttpTestRequestSchema.parse({ path, host }),
      );
      return answer.forwarded ? { path: answer.forwarded.path, host: answer.forwarded.host } : undefined;
    };
    const paths = ['/chapter', '/chapter/', '/chapter/1', '/chapter/page/2', '/other', '/'];
    for (const path of paths) {
      const expected = appMesh(path, 'books.example.com');
      expect(forward(rule, { path, host: 'books.example.com' }), path).toEqual(expected);
    }
    expect(appMesh('/chapter/1', 'books.example.com')).toEqual({ path: '/1', host: 'svc.local' });
    // Where the two differ (App Mesh matches the prefix as text, Gateway API by path segments), untranslated says so.
    expect(appMesh('/chapter1', 'x')).toBeDefined();
    expect(forward(rule, { path: '/chapter1', host: 'x' })).toBeUndefined();
    expect(untranslated.map((u) => `${u.resource} ${u.field}`)).toContain(
      'gatewayRoute/gw-http/chapter httpRoute.match.prefix',
    );
  });

  it('when a route has explicit rewrites, then URLRewrite says them: a prefix value, an exact path, no host rewrite when disabled', () => {
    const byName = (n: string) => (docs.find((d) => d.metadata.name === n)!.spec.rules as Rule[])[0]!;
    expect(forward(byName('gw-http-prefix'), { path: '/api/v1/items', host: 'www.example.com' })).toEqual({
      path: '/new/v1/items',
      host: 'www.example.com',
    });
    expect(byName('gw-http-path').filters).toEqual([
      {
        type: 'URLRewrite',
        urlRewrite: { hostname: 'svc.local', path: { type: 'ReplaceFullPath', replaceFullPath: '/rewritten' } },
      },
    ]);
    expect(byName('gw-http-regex').filters).toEqual([{ type: 'URLRewrite', urlRewrite: { hostname: 'svc.local' } }]);
    expect(byName('gw-http-prefix').backendRefs).toEqual([{ name: 'svc-local', port: 8080 }]);
  });

  it('when a field has no Gateway API equivalent, then untranslated names it and says what to do instead', () => {
    const keys = untranslated.map((u) => `${u.resource} ${u.field}`);
    for (const key of [
      'mesh/full-mesh spec',
      'virtualGateway/gw-http listeners.0.connectionPool',
      'virtualGateway/gw-http listeners.0.healthCheck',
      'virtualGateway/gw-http listeners.0.tls.validation',
      'virtualGateway/gw-http backendDefaults.clientPolicy.tls',
      'virtualGateway/gw-http2 listeners.0.tls.mode',
      'gatewayRoute/gw-http/prefix httpRoute.match.headers.1.invert',
      'gatewayRoute/gw-http/prefix httpRoute.match.headers.2.match.range',
      'gatewayRoute/gw-http/prefix priority',
      'gatewayRoute/gw-grpc/grpc grpcRoute.match.metadata.1.invert',
      'gatewayRoute/gw-grpc/grpc-host grpcRoute.action.rewrite.hostname',
    ]) {
      expect(keys).toContain(key);
    }
    for (const u of untranslated) expect(u.reason).toMatch(/^[A-Z"].*[.]$/s);
  });
});

interface Rule {
  matches?: { path?: { type: string; value: string } }[];
  filters?: {
    type: string;
    urlRewrite: { hostname?: string; path?: { type: string; replacePrefixMatch?: string; replaceFullPath?: string } };
  }[];
  backendRefs: unknown[];
}

/**
 * What a Gateway API implementation forwards for a request, by the spec's rules: PathPrefix matches whole
 * path segments; ReplacePrefixMatch swaps the matched prefix (a trailing "/" ignored on both); hostname
 * sets the Host.
 */
function forward(rule: Rule, req: { path: string; host: string }): { path: string; host: string } | undefined {
  const match = rule.matches?.[0]?.path;
  const prefix = match?.type === 'PathPrefix' ? match.value.replace(/\/$/, '') : '';
  if (match && match.type !== 'PathPrefix') throw new Error('only PathPrefix rules are forwarded here');
  if (prefix !== '' && req.path !== prefix && !req.path.startsWith(`${prefix}/`)) return undefined;
  const rewrite = rule.filters?.find((f) => f.type === 'URLRewrite')?.urlRewrite;
  let path = req.path;
  if (rewrite?.path?.type === 'ReplacePrefixMatch') {
    const rest = req.path.slice(prefix.length).replace(/^\//, '');
    const replacement = rewrite.path.replacePrefixMatch!.replace(/\/$/, '');
    path = `${replacement}/${rest}`;
  }
  return { path, host: rewrite?.hostname ?? req.host };
}
