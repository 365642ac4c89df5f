// `controller`: the App Mesh controller for Kubernetes' resources (appmesh.k8s.aws/v1beta2): Mesh,
// VirtualService, VirtualGateway (with the namespace selector its GatewayRoutes join it by) and
// GatewayRoute, with the Namespaces they live in. `awsName` keeps every App Mesh name.
import { compact, crdSpecParts } from '@meshconsole/deploy';
import type { GatewayRouteData, GatewayRouteTarget, VirtualServiceData } from '@meshconsole/model';
import { K8sNames, yamlStream } from './kubernetes';
import {
  type ExportInput,
  type ExportResult,
  isSharedMesh,
  routeResource,
  serviceResource,
  UntranslatedList,
} from './types';

const API_VERSION = 'appmesh.k8s.aws/v1beta2';

export function controllerExport(input: ExportInput): ExportResult {
  const untranslated = new UntranslatedList();
  const names = new K8sNames();
  const mesh = input.mesh.data;
  const meshK8s = names.take('Mesh', mesh.meshName);
  const meshLabels = { mesh: meshK8s };
  const servicesNamespace = names.take('Namespace', mesh.meshName);
  const docs: { value: unknown; comment?: string }[] = [];

  if (mesh.spec.serviceDiscovery) {
    untranslated.add(
      `mesh/${mesh.meshName}`,
      'spec.serviceDiscovery',
      "The controller's Mesh has no serviceDiscovery; after the controller creates the mesh, set the IP preference with aws appmesh update-mesh.",
    );
  }
  const shared = isSharedMesh(input);
  docs.push({
    value: {
      apiVersion: API_VERSION,
      kind: 'Mesh',
      metadata: { name: meshK8s },
      spec: compact({
        awsName: mesh.meshName,
        namespaceSelector: { matchLabels: meshLabels },
        egressFilter: mesh.spec.egressFilter ? { type: mesh.spec.egressFilter.type } : undefined,
        meshOwner: shared ? mesh.metadata.meshOwner : undefined,
      }),
    },
    comment: `Mesh ${JSON.stringify(mesh.meshName)}: namespaces labelled mesh=${meshK8s} belong to it.`,
  });
  docs.push({
    value: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: servicesNamespace, labels: meshLabels } },
    comment: 'The virtual services.',
  });

  const serviceNames = new Map<string, string>();
  for (const { data: vs } of input.virtualServices) {
    const name = names.take('VirtualService', vs.virtualServiceName);
    serviceNames.set(vs.virtualServiceName, name);
    docs.push({ value: virtualService(vs, name, servicesNamespace, untranslated) });
  }

  for (const { data: gw } of input.virtualGateways) {
    const gwK8s = names.take('VirtualGateway', gw.virtualGatewayName);
    const namespace = names.take('Namespace', mesh.meshName, gw.virtualGatewayName);
    docs.push({
      value: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: namespace, labels: { ...meshLabels, gateway: gwK8s } },
      },
      comment: `Virtual gateway ${JSON.stringify(gw.virtualGatewayName)} and its gateway routes: the label gateway=${gwK8s} is the gateway's namespace selector.`,
    });
    docs.push({
      value: {
        apiVersion: API_VERSION,
        kind: 'VirtualGateway',
        metadata: { name: gwK8s, namespace },
        spec: {
          awsName: gw.virtualGatewayName,
          namespaceSelector: { matchLabels: { gateway: gwK8s } },
          podSelector: { matchLabels: { app: gwK8s } },
          ...crdSpecParts(gw.spec),
        },
      },
    });
    for (const { data: route } of input.gatewayRoutes.filter(
      (r) => r.data.virtualGatewayName === gw.virtualGatewayName,
    )) {
      const routeK8s = names.take(`GatewayRoute/${namespace}`, route.gatewayRouteName);
      docs.push({
        value: gatewayRoute(route, routeK8s, namespace, untranslated, (t) => {
          const vs = serviceNames.get(t.virtualService.virtualServiceName);
          return vs
            ? { virtualServiceRef: { name: vs, namespace: servicesNamespace } }
            : { virtualServiceARN: `${mesh.metadata.arn}/virtualService/${t.virtualService.virtualServiceName}` };
        }),
      });
    }
  }

  return {
    format: 'controller',
    files: [{ path: 'appmesh-controller.yaml', content: yamlStream(docs) }],
    untranslated: untranslated.items,
  };
}

function virtualService(vs: VirtualServiceData, name: string, namespace: string, untranslated: UntranslatedList) {
  const provider = vs.spec.provider;
  const node = provider?.virtualNode?.virtualNodeName;
  const router = provider?.virtualRouter?.virtualRouterName;
  if (node || router) {
    untranslated.add(
      serviceResource(vs),
      node ? 'spec.provider.virtualNode' : 'spec.provider.virtualRouter',
      `The provider ${node ?? router} is not part of the export: create its ${node ? 'VirtualNode' : 'VirtualRouter'} resource in namespace ${namespace}, named as the reference says.`,
    );
  }
  return {
    apiVersion: API_VERSION,
    kind: 'VirtualService',
    metadata: { name, namespace },
    spec: compact({
      awsName: vs.virtualServiceName,
      provider: node
        ? { virtualNode: { virtualNodeRef: { name: toName(node) } } }
        : router
          ? { virtualRouter: { virtualRouterRef: { name: toName(router) } } }
          : undefined,
    }),
  };
}

function toName(s: string): string {
  return new K8sNames().take('x', s);
}

function gatewayRoute(
  route: GatewayRouteData,
  name: string,
  namespace: string,
  untranslated: UntranslatedList,
  targetRef: (t: GatewayRouteTarget) => Record<string, unknown>,
) {
  const spec = route.spec;
  const resource = routeResource(route);
  const kind = spec.httpRoute ? 'httpRoute' : spec.http2Route ? 'http2Route' : 'grpcRoute';
  const r = (spec.httpRoute ?? spec.http2Route ?? spec.grpcRoute)!;
  // The controller's GatewayRoute CRD (appmesh.k8s.aws_gatewayroutes) has match.port for http and http2
  // routes and target.port for every route, but no match.port for grpc routes.
  let match: Record<string, unknown> = r.match;
  if (kind === 'grpcRoute' && spec.grpcRoute?.match.port !== undefined) {
    const { port: _port, ...rest } = spec.grpcRoute.match;
    match = rest;
    untranslated.add(
      resource,
      'grpcRoute.match.port',
      "The controller's GatewayRoute has no match port for gRPC routes; it is left out, so after the controller creates the route set it with aws appmesh update-gateway-route.",
    );
  }
  const { virtualService: _vs, ...target } = r.action.target;
  return {
    apiVersion: API_VERSION,
    kind: 'GatewayRoute',
    metadata: { name, namespace },
    spec: compact({
      awsName: route.gatewayRouteName,
      priority: spec.priority,
      [kind]: {
        match,
        action: compact({
          target: { ...target, virtualService: targetRef(r.action.target) },
          rewrite: r.action.rewrite,
        }),
      },
    }),
  };
}
