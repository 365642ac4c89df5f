import type { Page } from './console-api';
import type { GatewayRouteData } from './gateway-route';
import type { MeshData } from './mesh';
import type * as Op from './operations';
import type { VirtualGatewayData } from './virtual-gateway';
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
}

/** True when `api` also offers `MeshApiPages`. */
export function hasMeshApiPages<T extends MeshApi>(api: T): api is T & MeshApiPages {
  const pages = api as Partial<MeshApiPages>;
  return (
    typeof pages.listMeshPage === 'function' &&
    typeof pages.listVirtualServicePage === 'function' &&
    typeof pages.listVirtualGatewayPage === 'function' &&
    typeof pages.listGatewayRoutePage === 'function'
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
  'tagResource',
  'untagResource',
  'listTagsForResource',
] as const satisfies readonly MeshApiMethod[];
