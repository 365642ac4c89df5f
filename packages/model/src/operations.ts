import { z } from 'zod';
import {
  ClientTokenSchema,
  ListLimitSchema,
  MeshOwnerSchema,
  NextTokenSchema,
  ResourceArnSchema,
  resourceName,
  TagKeyListSchema,
  TagListSchema,
  type TagRef,
  TagsLimitSchema,
  uriLabelName,
} from './common';
import { type GatewayRouteData, type GatewayRouteRef, GatewayRouteSpecSchema } from './gateway-route';
import { type MeshData, type MeshRef, MeshSpecSchema } from './mesh';
import { type RouteData, type RouteRef, RouteSpecSchema } from './route';
import { type VirtualGatewayData, type VirtualGatewayRef, VirtualGatewaySpecSchema } from './virtual-gateway';
import { type VirtualNodeData, type VirtualNodeRef, VirtualNodeSpecSchema } from './virtual-node';
import { type VirtualRouterData, type VirtualRouterRef, VirtualRouterSpecSchema } from './virtual-router';
import { type VirtualServiceData, type VirtualServiceRef, VirtualServiceSpecSchema } from './virtual-service';

const meshName = resourceName('meshName');
const virtualGatewayName = resourceName('virtualGatewayName');
const gatewayRouteName = resourceName('gatewayRouteName');
const virtualNodeName = resourceName('virtualNodeName');
const virtualRouterName = resourceName('virtualRouterName');
const routeName = resourceName('routeName');
/** `ServiceName`: no constraint in the model; required and non-empty (it is a URI label). */
const virtualServiceName = uriLabelName('virtualServiceName', { min: 1 });

/** An operation's input: a JSON object (a body that is not one gets a message, not zod's default). */
function input<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape, { error: 'The request must be a JSON object.' });
}

const listParams = { limit: ListLimitSchema.optional(), nextToken: NextTokenSchema.optional() };

// ---------- meshes (CreateMesh/UpdateMesh/DeleteMesh/ListMeshes take no meshOwner)

export const CreateMeshInputSchema = input({
  meshName,
  spec: MeshSpecSchema.optional(),
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
});
export type CreateMeshInput = z.infer<typeof CreateMeshInputSchema>;
export type CreateMeshOutput = { mesh: MeshData };

export const DescribeMeshInputSchema = input({ meshName, meshOwner: MeshOwnerSchema });
export type DescribeMeshInput = z.infer<typeof DescribeMeshInputSchema>;
export type DescribeMeshOutput = { mesh: MeshData };

export const UpdateMeshInputSchema = input({
  meshName,
  spec: MeshSpecSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
});
export type UpdateMeshInput = z.infer<typeof UpdateMeshInputSchema>;
export type UpdateMeshOutput = { mesh: MeshData };

export const DeleteMeshInputSchema = input({ meshName });
export type DeleteMeshInput = z.infer<typeof DeleteMeshInputSchema>;
export type DeleteMeshOutput = { mesh: MeshData };

export const ListMeshesInputSchema = input(listParams);
export type ListMeshesInput = z.infer<typeof ListMeshesInputSchema>;
export type ListMeshesOutput = { meshes: MeshRef[]; nextToken?: string };

// ---------- virtual services

export const CreateVirtualServiceInputSchema = input({
  meshName,
  virtualServiceName,
  spec: VirtualServiceSpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateVirtualServiceInput = z.infer<typeof CreateVirtualServiceInputSchema>;
export type CreateVirtualServiceOutput = { virtualService: VirtualServiceData };

export const DescribeVirtualServiceInputSchema = input({ meshName, virtualServiceName, meshOwner: MeshOwnerSchema });
export type DescribeVirtualServiceInput = z.infer<typeof DescribeVirtualServiceInputSchema>;
export type DescribeVirtualServiceOutput = { virtualService: VirtualServiceData };

export const UpdateVirtualServiceInputSchema = input({
  meshName,
  virtualServiceName,
  spec: VirtualServiceSpecSchema,
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type UpdateVirtualServiceInput = z.infer<typeof UpdateVirtualServiceInputSchema>;
export type UpdateVirtualServiceOutput = { virtualService: VirtualServiceData };

export const DeleteVirtualServiceInputSchema = input({ meshName, virtualServiceName, meshOwner: MeshOwnerSchema });
export type DeleteVirtualServiceInput = z.infer<typeof DeleteVirtualServiceInputSchema>;
export type DeleteVirtualServiceOutput = { virtualService: VirtualServiceData };

export const ListVirtualServicesInputSchema = input({ meshName, meshOwner: MeshOwnerSchema, ...listParams });
export type ListVirtualServicesInput = z.infer<typeof ListVirtualServicesInputSchema>;
export type ListVirtualServicesOutput = { virtualServices: VirtualServiceRef[]; nextToken?: string };

// ---------- virtual gateways

export const CreateVirtualGatewayInputSchema = input({
  meshName,
  virtualGatewayName,
  spec: VirtualGatewaySpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateVirtualGatewayInput = z.infer<typeof CreateVirtualGatewayInputSchema>;
export type CreateVirtualGatewayOutput = { virtualGateway: VirtualGatewayData };

export const DescribeVirtualGatewayInputSchema = input({ meshName, virtualGatewayName, meshOwner: MeshOwnerSchema });
export type DescribeVirtualGatewayInput = z.infer<typeof DescribeVirtualGatewayInputSchema>;
export type DescribeVirtualGatewayOutput = { virtualGateway: VirtualGatewayData };

export const UpdateVirtualGatewayInputSchema = input({
  meshName,
  virtualGatewayName,
  spec: VirtualGatewaySpecSchema,
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type UpdateVirtualGatewayInput = z.infer<typeof UpdateVirtualGatewayInputSchema>;
export type UpdateVirtualGatewayOutput = { virtualGateway: VirtualGatewayData };

export const DeleteVirtualGatewayInputSchema = input({ meshName, virtualGatewayName, meshOwner: MeshOwnerSchema });
export type DeleteVirtualGatewayInput = z.infer<typeof DeleteVirtualGatewayInputSchema>;
export type DeleteVirtualGatewayOutput = { virtualGateway: VirtualGatewayData };

export const ListVirtualGatewaysInputSchema = input({ meshName, meshOwner: MeshOwnerSchema, ...listParams });
export type ListVirtualGatewaysInput = z.infer<typeof ListVirtualGatewaysInputSchema>;
export type ListVirtualGatewaysOutput = { virtualGateways: VirtualGatewayRef[]; nextToken?: string };

// ---------- gateway routes

export const CreateGatewayRouteInputSchema = input({
  meshName,
  virtualGatewayName,
  gatewayRouteName,
  spec: GatewayRouteSpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateGatewayRouteInput = z.infer<typeof CreateGatewayRouteInputSchema>;
export type CreateGatewayRouteOutput = { gatewayRoute: GatewayRouteData };

export const DescribeGatewayRouteInputSchema = input({
  meshName,
  virtualGatewayName,
  gatewayRouteName,
  meshOwner: MeshOwnerSchema,
});
export type DescribeGatewayRouteInput = z.infer<typeof DescribeGatewayRouteInputSchema>;
export type DescribeGatewayRouteOutput = { gatewayRoute: GatewayRouteData };

export const UpdateGatewayRouteInputSchema = input({
  meshName,
  virtualGatewayName,
  gatewayRouteName,
  spec: GatewayRouteSpecSchema,
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type UpdateGatewayRouteInput = z.infer<typeof UpdateGatewayRouteInputSchema>;
export type UpdateGatewayRouteOutput = { gatewayRoute: GatewayRouteData };

export const DeleteGatewayRouteInputSchema = input({
  meshName,
  virtualGatewayName,
  gatewayRouteName,
  meshOwner: MeshOwnerSchema,
});
export type DeleteGatewayRouteInput = z.infer<typeof DeleteGatewayRouteInputSchema>;
export type DeleteGatewayRouteOutput = { gatewayRoute: GatewayRouteData };

export const ListGatewayRoutesInputSchema = input({
  meshName,
  virtualGatewayName,
  meshOwner: MeshOwnerSchema,
  ...listParams,
});
export type ListGatewayRoutesInput = z.infer<typeof ListGatewayRoutesInputSchema>;
export type ListGatewayRoutesOutput = { gatewayRoutes: GatewayRouteRef[]; nextToken?: string };

// ---------- virtual nodes

export const CreateVirtualNodeInputSchema = input({
  meshName,
  virtualNodeName,
  spec: VirtualNodeSpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateVirtualNodeInput = z.infer<typeof CreateVirtualNodeInputSchema>;
export type CreateVirtualNodeOutput = { virtualNode: VirtualNodeData };

export const DescribeVirtualNodeInputSchema = input({ meshName, virtualNodeName, meshOwner: MeshOwnerSchema });
export type DescribeVirtualNodeInput = z.infer<typeof DescribeVirtualNodeInputSchema>;
export type DescribeVirtualNodeOutput = { virtualNode: VirtualNodeData };

export const UpdateVirtualNodeInputSchema = input({
  meshName,
  virtualNodeName,
  spec: VirtualNodeSpecSchema,
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type UpdateVirtualNodeInput = z.infer<typeof UpdateVirtualNodeInputSchema>;
export type UpdateVirtualNodeOutput = { virtualNode: VirtualNodeData };

export const DeleteVirtualNodeInputSchema = input({ meshName, virtualNodeName, meshOwner: MeshOwnerSchema });
export type DeleteVirtualNodeInput = z.infer<typeof DeleteVirtualNodeInputSchema>;
export type DeleteVirtualNodeOutput = { virtualNode: VirtualNodeData };

export const ListVirtualNodesInputSchema = input({ meshName, meshOwner: MeshOwnerSchema, ...listParams });
export type ListVirtualNodesInput = z.infer<typeof ListVirtualNodesInputSchema>;
export type ListVirtualNodesOutput = { virtualNodes: VirtualNodeRef[]; nextToken?: string };

// ---------- virtual routers

export const CreateVirtualRouterInputSchema = input({
  meshName,
  virtualRouterName,
  spec: VirtualRouterSpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateVirtualRouterInput = z.infer<typeof CreateVirtualRouterInputSchema>;
export type CreateVirtualRouterOutput = { virtualRouter: VirtualRouterData };

export const DescribeVirtualRouterInputSchema = input({ meshName, virtualRouterName, meshOwner: MeshOwnerSchema });
export type DescribeVirtualRouterInput = z.infer<typeof DescribeVirtualRouterInputSchema>;
export type DescribeVirtualRouterOutput = { virtualRouter: VirtualRouterData };

export const UpdateVirtualRouterInputSchema = input({
  meshName,
  virtualRouterName,
  spec: VirtualRouterSpecSchema,
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type UpdateVirtualRouterInput = z.infer<typeof UpdateVirtualRouterInputSchema>;
export type UpdateVirtualRouterOutput = { virtualRouter: VirtualRouterData };

export const DeleteVirtualRouterInputSchema = input({ meshName, virtualRouterName, meshOwner: MeshOwnerSchema });
export type DeleteVirtualRouterInput = z.infer<typeof DeleteVirtualRouterInputSchema>;
export type DeleteVirtualRouterOutput = { virtualRouter: VirtualRouterData };

export const ListVirtualRoutersInputSchema = input({ meshName, meshOwner: MeshOwnerSchema, ...listParams });
export type ListVirtualRoutersInput = z.infer<typeof ListVirtualRoutersInputSchema>;
export type ListVirtualRoutersOutput = { virtualRouters: VirtualRouterRef[]; nextToken?: string };

// ---------- routes

export const CreateRouteInputSchema = input({
  meshName,
  virtualRouterName,
  routeName,
  spec: RouteSpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateRouteInput = z.infer<typeof CreateRouteInputSchema>;
export type CreateRouteOutput = { route: RouteData };

export const DescribeRouteInputSchema = input({ meshName, virtualRouterName, routeName, meshOwner: MeshOwnerSchema });
export type DescribeRouteInput = z.infer<typeof DescribeRouteInputSchema>;
export type DescribeRouteOutput = { route: RouteData };

export const UpdateRouteInputSchema = input({
  meshName,
  virtualRouterName,
  routeName,
  spec: RouteSpecSchema,
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type UpdateRouteInput = z.infer<typeof UpdateRouteInputSchema>;
export type UpdateRouteOutput = { route: RouteData };

export const DeleteRouteInputSchema = input({ meshName, virtualRouterName, routeName, meshOwner: MeshOwnerSchema });
export type DeleteRouteInput = z.infer<typeof DeleteRouteInputSchema>;
export type DeleteRouteOutput = { route: RouteData };

export const ListRoutesInputSchema = input({ meshName, virtualRouterName, meshOwner: MeshOwnerSchema, ...listParams });
export type ListRoutesInput = z.infer<typeof ListRoutesInputSchema>;
export type ListRoutesOutput = { routes: RouteRef[]; nextToken?: string };

// ---------- tags

export const TagResourceInputSchema = input({ resourceArn: ResourceArnSchema, tags: TagListSchema });
export type TagResourceInput = z.infer<typeof TagResourceInputSchema>;
export type TagResourceOutput = Record<string, never>;

export const UntagResourceInputSchema = input({ resourceArn: ResourceArnSchema, tagKeys: TagKeyListSchema });
export type UntagResourceInput = z.infer<typeof UntagResourceInputSchema>;
export type UntagResourceOutput = Record<string, never>;

export const ListTagsForResourceInputSchema = input({
  resourceArn: ResourceArnSchema,
  limit: TagsLimitSchema.optional(),
  nextToken: NextTokenSchema.optional(),
});
export type ListTagsForResourceInput = z.infer<typeof ListTagsForResourceInputSchema>;
export type ListTagsForResourceOutput = { tags: TagRef[]; nextToken?: string };
