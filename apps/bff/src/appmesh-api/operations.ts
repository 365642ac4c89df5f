// The App Mesh REST operations meshconsole serves, exactly as the service model
// (appmesh-2019-01-25.service-2.json) routes them: method, URI, query parameters, body members and
// the output member sent as the bare body (`payload`). Lists and tag operations send the whole output.

export interface Operation {
  /** Operation name, e.g. `CreateVirtualGateway`; the `MeshApi` method is its camelCase form. */
  name: string;
  method: 'GET' | 'PUT' | 'DELETE';
  /** Express path under /v20190125, URI labels as `:name`. */
  path: string;
  /** Query parameters the operation reads (wire name = input member name for these operations). */
  query: readonly string[];
  /** Members read from the JSON body. */
  body: readonly string[];
  /** Output member sent as the bare response body. */
  payload?: string;
}

const MESH = '/meshes/:meshName';
const VG = `${MESH}/virtualGateways`;
const GR = `${MESH}/virtualGateway/:virtualGatewayName/gatewayRoutes`;
const VS = `${MESH}/virtualServices`;
const OWNER = ['meshOwner'] as const;
const PAGE = ['limit', 'nextToken'] as const;

export const OPERATIONS: readonly Operation[] = [
  // Meshes
  { name: 'ListMeshes', method: 'GET', path: '/meshes', query: PAGE, body: [] },
  {
    name: 'CreateMesh',
    method: 'PUT',
    path: '/meshes',
    query: [],
    body: ['meshName', 'spec', 'tags', 'clientToken'],
    payload: 'mesh',
  },
  { name: 'DescribeMesh', method: 'GET', path: MESH, query: OWNER, body: [], payload: 'mesh' },
  { name: 'UpdateMesh', method: 'PUT', path: MESH, query: [], body: ['spec', 'clientToken'], payload: 'mesh' },
  { name: 'DeleteMesh', method: 'DELETE', path: MESH, query: [], body: [], payload: 'mesh' },
  // Virtual gateways: `/virtualGateways` (plural)
  { name: 'ListVirtualGateways', method: 'GET', path: VG, query: [...PAGE, ...OWNER], body: [] },
  {
    name: 'CreateVirtualGateway',
    method: 'PUT',
    path: VG,
    query: OWNER,
    body: ['virtualGatewayName', 'spec', 'tags', 'clientToken'],
    payload: 'virtualGateway',
  },
  {
    name: 'DescribeVirtualGateway',
    method: 'GET',
    path: `${VG}/:virtualGatewayName`,
    query: OWNER,
    body: [],
    payload: 'virtualGateway',
  },
  {
    name: 'UpdateVirtualGateway',
    method: 'PUT',
    path: `${VG}/:virtualGatewayName`,
    query: OWNER,
    body: ['spec', 'clientToken'],
    payload: 'virtualGateway',
  },
  {
    name: 'DeleteVirtualGateway',
    method: 'DELETE',
    path: `${VG}/:virtualGatewayName`,
    query: OWNER,
    body: [],
    payload: 'virtualGateway',
  },
  // Gateway routes: `/virtualGateway/{name}/gatewayRoutes` (singular)
  { name: 'ListGatewayRoutes', method: 'GET', path: GR, query: [...PAGE, ...OWNER], body: [] },
  {
    name: 'CreateGatewayRoute',
    method: 'PUT',
    path: GR,
    query: OWNER,
    body: ['gatewayRouteName', 'spec', 'tags', 'clientToken'],
    payload: 'gatewayRoute',
  },
  {
    name: 'DescribeGatewayRoute',
    method: 'GET',
    path: `${GR}/:gatewayRouteName`,
    query: OWNER,
    body: [],
    payload: 'gatewayRoute',
  },
  {
    name: 'UpdateGatewayRoute',
    method: 'PUT',
    path: `${GR}/:gatewayRouteName`,
    query: OWNER,
    body: ['spec', 'clientToken'],
    payload: 'gatewayRoute',
  },
  {
    name: 'DeleteGatewayRoute',
    method: 'DELETE',
    path: `${GR}/:gatewayRouteName`,
    query: OWNER,
    body: [],
    payload: 'gatewayRoute',
  },
  // Virtual services
  { name: 'ListVirtualServices', method: 'GET', path: VS, query: [...PAGE, ...OWNER], body: [] },
  {
    name: 'CreateVirtualService',
    method: 'PUT',
    path: VS,
    query: OWNER,
    body: ['virtualServiceName', 'spec', 'tags', 'clientToken'],
    payload: 'virtualService',
  },
  {
    name: 'DescribeVirtualService',
    method: 'GET',
    path: `${VS}/:virtualServiceName`,
    query: OWNER,
    body: [],
    payload: 'virtualService',
  },
  {
    name: 'UpdateVirtualService',
    method: 'PUT',
    path: `${VS}/:virtualServiceName`,
    query: OWNER,
    body: ['spec', 'clientToken'],
    payload: 'virtualService',
  },
  {
    name: 'DeleteVirtualService',
    method: 'DELETE',
    path: `${VS}/:virtualServiceName`,
    query: OWNER,
    body: [],
    payload: 'virtualService',
  },
  // Tags
  { name: 'ListTagsForResource', method: 'GET', path: '/tags', query: ['resourceArn', ...PAGE], body: [] },
  { name: 'TagResource', method: 'PUT', path: '/tag', query: ['resourceArn'], body: ['tags'] },
  { name: 'UntagResource', method: 'PUT', path: '/untag', query: ['resourceArn'], body: ['tagKeys'] },
];

/** Operations of the service that meshconsole does not emulate (virtual nodes, routers and their routes). */
export const UNSUPPORTED: readonly { name: string; method: 'GET' | 'PUT' | 'DELETE'; path: string }[] = [
  ...(['virtualNodes', 'virtualRouters'] as const).flatMap((kind) => {
    const what = kind === 'virtualNodes' ? 'VirtualNode' : 'VirtualRouter';
    return [
      { name: `List${what}s`, method: 'GET' as const, path: `${MESH}/${kind}` },
      { name: `Create${what}`, method: 'PUT' as const, path: `${MESH}/${kind}` },
      { name: `Describe${what}`, method: 'GET' as const, path: `${MESH}/${kind}/:name` },
      { name: `Update${what}`, method: 'PUT' as const, path: `${MESH}/${kind}/:name` },
      { name: `Delete${what}`, method: 'DELETE' as const, path: `${MESH}/${kind}/:name` },
    ];
  }),
  { name: 'ListRoutes', method: 'GET', path: `${MESH}/virtualRouter/:router/routes` },
  { name: 'CreateRoute', method: 'PUT', path: `${MESH}/virtualRouter/:router/routes` },
  { name: 'DescribeRoute', method: 'GET', path: `${MESH}/virtualRouter/:router/routes/:route` },
  { name: 'UpdateRoute', method: 'PUT', path: `${MESH}/virtualRouter/:router/routes/:route` },
  { name: 'DeleteRoute', method: 'DELETE', path: `${MESH}/virtualRouter/:router/routes/:route` },
];

export function methodNameOf(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}
