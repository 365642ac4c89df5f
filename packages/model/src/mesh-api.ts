import type { Page } from './console-api';
import type { GatewayRouteData } from './gateway-route';
import type { MeshData } from './mesh';
import type * as Op from './operations';
import type { RouteData } from './route';
import type { VirtualGatewayData } from './virtual-gateway';
import type { VirtualNodeData } from './virtual-node';
import type { VirtualRouterData } from './virtual-router';
import type { VirtualServiceData } from './virtual-service';

/**
 * One method per App Mesh operation the engine serves. Inputs and outputs are the service's shapes;
 * timestamps are epoch seconds. Every method throws `AppMeshError` on failure.
 */
export interface MeshApi {
  createMesh(input: Op.CreateMeshInput): Promise<Op.CreateMeshOutput>;
  describeMesh(input: Op.DescribeMeshInput): Promise<Op.DescribeMeshOutput>;
  updateMesh(input: Op.UpdateMeshInput): Promise<Op.UpdateMeshOutput>;
  deleteMesh(input: Op.DeleteMeshInput): Promise<Op.DeleteMeshOutput>;
  listMeshes(input: Op.ListMeshesInput): Promise<Op.ListMeshesOutput>;

  createVirtualService(input: Op.CreateVirtualServiceInput): Promise<Op.CreateVirtualServiceOutput>;
  describeVirtualService(input: Op.DescribeVirtualServiceInput): Promise<Op.DescribeVirtualServiceOutput>;
  updateVirtualService(input: Op.UpdateVirtualServiceInput): Promise<Op.UpdateVirtualServiceOutput>;
  deleteVirtualService(input: Op.DeleteVirtualServiceInput): Promise<Op.DeleteVirtualServiceOutput>;
  listVirtualServices(input: Op.ListVirtualServicesInput): Promise<Op.ListVirtualServicesOutput>;

  createVirtualGateway(input: Op.CreateVirtualGatewayInput): Promise<Op.CreateVirtualGatewayOutput>;
  describeVirtualGateway(input: Op.DescribeVirtualGatewayInput): Promise<Op.DescribeVirtualGatewayOutput>;
  updateVirtualGateway(input: Op.UpdateVirtualGatewayInput): Promise<Op.UpdateVirtualGatewayOutput>;
  deleteVirtualGateway(input: Op.DeleteVirtualGatewayInput): Promise<Op.DeleteVirtualGatewayOutput>;
  listVirtualGateways(input: Op.ListVirtualGatewaysInput): Promise<Op.ListVirtualGatewaysOutput>;

  createGatewayRoute(input: Op.CreateGatewayRouteInput): Promise<Op.CreateGatewayRouteOutput>;
  describeGatewayRoute(input: Op.DescribeGatewayRouteInput): Promise<Op.DescribeGatewayRouteOutput>;
  updateGatewayRoute(input: Op.UpdateGatewayRouteInput): Promise<Op.UpdateGatewayRouteOutput>;
  deleteGatewayRoute(input: Op.DeleteGatewayRouteInput): Promise<Op.DeleteGatewayRouteOutput>;
  listGatewayRoutes(input: Op.ListGatewayRoutesInput): Promise<Op.ListGatewayRoutesOutput>;

  createVirtualNode(input: Op.CreateVirtualNodeInput): Promise<Op.CreateVirtualNodeOutput>;
  describeVirtualNode(input: Op.DescribeVirtualNodeInput): Promise<Op.DescribeVirtualNodeOutput>;
  updateVirtualNode(input: Op.UpdateVirtualNodeInput): Promise<Op.UpdateVirtualNodeOutput>;
  deleteVirtualNode(input: Op.DeleteVirtualNodeInput): Promise<Op.DeleteVirtualNodeOutput>;
  listVirtualNodes(input: Op.ListVirtualNodesInput): Promise<Op.ListVirtualNodesOutput>;

  createVirtualRouter(input: Op.CreateVirtualRouterInput): Promise<Op.CreateVirtualRouterOutput>;
  describeVirtualRouter(input: Op.DescribeVirtualRouterInput): Promise<Op.DescribeVirtualRouterOutput>;
  updateVirtualRouter(input: Op.UpdateVirtualRouterInput): Promise<Op.UpdateVirtualRouterOutput>;
  deleteVirtualRouter(input: Op.DeleteVirtualRouterInput): Promise<Op.DeleteVirtualRouterOutput>;
  listVirtualRouters(input: Op.ListVirtualRoutersInput): Promise<Op.ListVirtualRoutersOutput>;

  createRoute(input: Op.CreateRouteInput): Promise<Op.CreateRouteOutput>;
  describeRoute(input: Op.DescribeRouteInput): Promise<Op.DescribeRouteOutput>;
  updateRoute(input: Op.UpdateRouteInput): Promise<Op.UpdateRouteOutput>;
  deleteRoute(input: Op.DeleteRouteInput): Promise<Op.DeleteRouteOutput>;
  listRoutes(input: Op.ListRoutesInput): Promise<Op.ListRoutesOutput>;

  tagResource(input: Op.TagResourceInput): Promise<Op.TagResourceOutput>;
  untagResource(input: Op.UntagResourceInput): Promise<Op.UntagResourceOutput>;
  listTagsForResource(input: Op.ListTagsForResourceInput): Promise<Op.ListTagsForResourceOutput>;
}

export type MeshApiMethod = keyof MeshApi;

/**
 * An optional capability beside `MeshApi` (not an App Mesh operation): a list page with every item in
 * full, read at once. Each method takes the input of its list operation and answers exactly what that
 * list followed by a describe of each listed item would (same visibility, sharing, order and limit;
 * `nextToken`s are interchangeable with the list operation's), without one call per item. The local
 * engine has it; the real-mesh adapter does not (`hasMeshApiPages`).
 */
export interface MeshApiPages {
  listMeshPage(input: Op.ListMeshesInput): Promise<Page<MeshData>>;
  listVirtualServicePage(input: Op.ListVirtualServicesInput): Promise<Page<VirtualServiceData>>;
  listVirtualGatewayPage(input: Op.ListVirtualGatewaysInput): Promise<Page<VirtualGatewayData>>;
  listGatewayRoutePage(input: Op.ListGatewayRoutesInput): Promise<Page<GatewayRouteData>>;
  listVirtualNodePage(input: Op.ListVirtualNodesInput): Promise<Page<VirtualNodeData>>;
  listVirtualRouterPage(input: Op.ListVirtualRoutersInput): Promise<Page<VirtualRouterData>>;
  listRoutePage(input: Op.ListRoutesInput): Promise<Page<RouteData>>;
}

/** True when `api` also offers `MeshApiPages`. */
export function hasMeshApiPages<T extends MeshApi>(api: T): api is T & MeshApiPages {
  const pages = api as Partial<MeshApiPages>;
  return (
    typeof pages.listMeshPage === 'function' &&
    typeof pages.listVirtualServicePage === 'function' &&
    typeof pages.listVirtualGatewayPage === 'function' &&
    typeof pages.listGatewayRoutePage === 'function' &&
    typeof pages.listVirtualNodePage === 'function' &&
    typeof pages.listVirtualRouterPage === 'function' &&
    typeof pages.listRoutePage === 'function'
  );
}

/** The method names, in the order above (handy for adapters and route tables). */
export const MESH_API_METHODS = [
  'createMesh',
  'describeMesh',
  'updateMesh',
  'deleteMesh',
  'listMeshes',
  'createVirtualService',
  'describeVirtualService',
  'updateVirtualService',
  'deleteVirtualService',
  'listVirtualServices',
  'createVirtualGateway',
  'describeVirtualGateway',
  'updateVirtualGateway',
  'deleteVirtualGateway',
  'listVirtualGateways',
  'createGatewayRoute',
  'describeGatewayRoute',
  'updateGatewayRoute',
  'deleteGatewayRoute',
  'listGatewayRoutes',
  'createVirtualNode',
  'describeVirtualNode',
  'updateVirtualNode',
  'deleteVirtualNode',
  'listVirtualNodes',
  'createVirtualRouter',
  'describeVirtualRouter',
  'updateVirtualRouter',
  'deleteVirtualRouter',
  'listVirtualRouters',
  'createRoute',
  'describeRoute',
  'updateRoute',
  'deleteRoute',
  'listRoutes',
  'tagResource',
  'untagResource',
  'listTagsForResource',
] as const satisfies readonly MeshApiMethod[];
