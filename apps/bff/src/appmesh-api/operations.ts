// The App Mesh REST operations meshconsole serves, exactly as the service model
// (appmesh-2019-01-25.service-2.json) routes them: method, URI, query parameters, body members and
// the output member sent as the bare body (`payload`). Lists and tag operations send the whole output.
// Every operation of the model is served.

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
const VN = `${MESH}/virtualNodes`;
const VR = `${MESH}/virtualRouters`;
const RT = `${MESH}/virtualRouter/:virtualRouterName/routes`;
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
  // Virtual nodes
  { name: 'ListVirtualNodes', method: 'GET', path: VN, query: [...PAGE, ...OWNER], body: [] },
  {
    name: 'CreateVirtualNode',
    method: 'PUT',
    path: VN,
    query: OWNER,
    body: ['virtualNodeName', 'spec', 'tags', 'clientToken'],
    payload: 'virtualNode',
  },
  {
    name: 'DescribeVirtualNode',
    method: 'GET',
    path: `${VN}/:virtualNodeName`,
    query: OWNER,
    body: [],
    payload: 'virtualNode',
  },
  {
    name: 'UpdateVirtualNode',
    method: 'PUT',
    path: `${VN}/:virtualNodeName`,
    query: OWNER,
    body: ['spec', 'clientToken'],
    payload: 'virtualNode',
  },
  {
    name: 'DeleteVirtualNode',
    method: 'DELETE',
    path: `${VN}/:virtualNodeName`,
    query: OWNER,
    body: [],
    payload: 'virtualNode',
  },
  // Virtual routers: `/virtualRouters` (plural)
  { name: 'ListVirtualRouters', method: 'GET', path: VR, query: [...PAGE, ...OWNER], body: [] },
  {
    name: 'CreateVirtualRouter',
    method: 'PUT',
    path: VR,
    query: OWNER,
    body: ['virtualRouterName', 'spec', 'tags', 'clientToken'],
    payload: 'virtualRouter',
  },
  {
    name: 'DescribeVirtualRouter',
    method: 'GET',
    path: `${VR}/:virtualRouterName`,
    query: OWNER,
    body: [],
    payload: 'virtualRouter',
  },
  {
    name: 'UpdateVirtualRouter',
    method: 'PUT',
    path: `${VR}/:virtualRouterName`,
    query: OWNER,
    body: ['spec', 'clientToken'],
    payload: 'virtualRouter',
  },
  {
    name: 'DeleteVirtualRouter',
    method: 'DELETE',
    path: `${VR}/:virtualRouterName`,
    query: OWNER,
    body: [],
    payload: 'virtualRouter',
  },
  // Routes: `/virtualRouter/{name}/routes` (singular)
  { name: 'ListRoutes', method: 'GET', path: RT, query: [...PAGE, ...OWNER], body: [] },
  {
    name: 'CreateRoute',
    method: 'PUT',
    path: RT,
    query: OWNER,
    body: ['routeName', 'spec', 'tags', 'clientToken'],
    payload: 'route',
  },
  {
    name: 'DescribeRoute',
    method: 'GET',
    path: `${RT}/:routeName`,
    query: OWNER,
    body: [],
    payload: 'route',
  },
  {
    name: 'UpdateRoute',
    method: 'PUT',
    path: `${RT}/:routeName`,
    query: OWNER,
    body: ['spec', 'clientToken'],
    payload: 'route',
  },
  {
    name: 'DeleteRoute',
    method: 'DELETE',
    path: `${RT}/:routeName`,
    query: OWNER,
    body: [],
    payload: 'route',
  },
  // Tags
  { name: 'ListTagsForResource', method: 'GET', path: '/tags', query: ['resourceArn', ...PAGE], body: [] },
  { name: 'TagResource', method: 'PUT', path: '/tag', query: ['resourceArn'], body: ['tags'] },
  { name: 'UntagResource', method: 'PUT', path: '/untag', query: ['resourceArn'], body: ['tagKeys'] },
];

export function methodNameOf(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}
