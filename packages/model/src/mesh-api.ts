import type * as Op from './operations';

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
