// `cloudformation`: one YAML template of AWS::AppMesh::* resources. Names come from `Fn::GetAtt` (the
// `Ref` of an App Mesh resource is its ARN), and `DependsOn` states the creation order explicitly.
import { yamlDocument } from '@meshconsole/deploy';
import type { TagRef } from '@meshconsole/model';
import { IdentifierSet } from './names';
import { type ExportInput, type ExportResult, isSharedMesh, meshResource, UntranslatedList } from './types';

/** CloudFormation spells these members in capitals; every other member is the API's name in PascalCase. */
const UPPER: Record<string, string> = {
  tls: 'TLS',
  acm: 'ACM',
  sds: 'SDS',
  http: 'HTTP',
  http2: 'HTTP2',
  grpc: 'GRPC',
};

/** An App Mesh API spec (camelCase JSON) as CloudFormation properties. */
export function cfnProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cfnProperties);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [UPPER[k] ?? k.charAt(0).toUpperCase() + k.slice(1), cfnProperties(v)]),
  );
}

function tags(list: readonly TagRef[]) {
  return list.length === 0 ? {} : { Tags: list.map((t) => ({ Key: t.key, Value: t.value })) };
}

const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });

export function cloudFormationExport(input: ExportInput): ExportResult {
  const untranslated = new UntranslatedList();
  const ids = new IdentifierSet('pascal');
  const mesh = input.mesh.data;
  const resources: Record<string, unknown> = {};
  const meshId = ids.take('Mesh', mesh.meshName);
  const meshName = getAtt(meshId, 'MeshName');
  const spec = cfnProperties(mesh.spec) as Record<string, unknown>;
  resources[meshId] = {
    Type: 'AWS::AppMesh::Mesh',
    Properties: {
      MeshName: mesh.meshName,
      ...(Object.keys(spec).length > 0 ? { Spec: spec } : {}),
      ...tags(input.mesh.tags),
    },
  };
  if (isSharedMesh(input)) {
    untranslated.add(
      meshResource(mesh),
      'meshOwner',
      `The mesh is shared by account ${mesh.metadata.meshOwner}; deploy the stack in that account, or remove the Mesh resource and give each resource MeshOwner.`,
    );
  }

  const serviceIds = new Map<string, string>();
  for (const { data: vs, tags: t } of input.virtualServices) {
    const id = ids.take('VirtualService', vs.virtualServiceName);
    serviceIds.set(vs.virtualServiceName, id);
    resources[id] = {
      Type: 'AWS::AppMesh::VirtualService',
      DependsOn: [meshId],
      Properties: {
        MeshName: meshName,
        VirtualServiceName: vs.virtualServiceName,
        Spec: cfnProperties(vs.spec),
        ...tags(t),
      },
    };
  }

  const gatewayIds = new Map<string, string>();
  for (const { data: gw, tags: t } of input.virtualGateways) {
    const id = ids.take('VirtualGateway', gw.virtualGatewayName);
    gatewayIds.set(gw.virtualGatewayName, id);
    resources[id] = {
      Type: 'AWS::AppMesh::VirtualGateway',
      DependsOn: [meshId],
      Properties: {
        MeshName: meshName,
        VirtualGatewayName: gw.virtualGatewayName,
        Spec: cfnProperties(gw.spec),
        ...tags(t),
      },
    };
  }

  for (const { data: route, tags: t } of input.gatewayRoutes) {
    const id = ids.take('GatewayRoute', route.virtualGatewayName, route.gatewayRouteName);
    const gwId = gatewayIds.get(route.virtualGatewayName);
    const target = (route.spec.httpRoute ?? route.spec.http2Route ?? route.spec.grpcRoute)!.action.target;
    const vsId = serviceIds.get(target.virtualService.virtualServiceName);
    const routeSpec = cfnProperties(route.spec) as Record<
      string,
      Record<string, Record<string, Record<string, unknown>>>
    >;
    if (vsId) {
      // The target names the service through the template, so CloudFormation creates the service first.
      const kind = Object.keys(routeSpec).find((k) => k !== 'Priority')!;
      routeSpec[kind]!.Action!.Target!.VirtualService = { VirtualServiceName: getAtt(vsId, 'VirtualServiceName') };
    }
    resources[id] = {
      Type: 'AWS::AppMesh::GatewayRoute',
      DependsOn: [meshId, ...(gwId ? [gwId] : []), ...(vsId ? [vsId] : [])],
      Properties: {
        MeshName: meshName,
        VirtualGatewayName: gwId ? getAtt(gwId, 'VirtualGatewayName') : route.virtualGatewayName,
        GatewayRouteName: route.gatewayRouteName,
        Spec: routeSpec,
        ...tags(t),
      },
    };
  }

  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `App Mesh resources of mesh ${mesh.meshName}, exported by meshconsole.`,
    Resources: resources,
  };
  return {
    format: 'cloudformation',
    files: [{ path: 'template.yaml', content: yamlDocument(template) }],
    untranslated: untranslated.items,
  };
}
