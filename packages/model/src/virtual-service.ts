import { z } from 'zod';
import { RefBaseSchema, ResourceMetadataSchema, resourceName, StatusCodeSchema } from './common';
import { struct, union } from './fields';

export const VirtualNodeServiceProviderSchema = struct('provider.virtualNode', {
  virtualNodeName: resourceName('provider.virtualNode.virtualNodeName'),
});
export const VirtualRouterServiceProviderSchema = struct('provider.virtualRouter', {
  virtualRouterName: resourceName('provider.virtualRouter.virtualRouterName'),
});

/** Model union: exactly one of `virtualNode`, `virtualRouter`. */
export const VirtualServiceProviderSchema = union('provider', {
  virtualNode: VirtualNodeServiceProviderSchema.optional(),
  virtualRouter: VirtualRouterServiceProviderSchema.optional(),
});
export type VirtualServiceProvider = z.infer<typeof VirtualServiceProviderSchema>;

export const VirtualServiceSpecSchema = struct('spec', { provider: VirtualServiceProviderSchema.optional() });
export type VirtualServiceSpec = z.infer<typeof VirtualServiceSpecSchema>;

export const VirtualServiceStatusSchema = z.object({ status: StatusCodeSchema });
export type VirtualServiceStatus = z.infer<typeof VirtualServiceStatusSchema>;

export const VirtualServiceDataSchema = z.object({
  meshName: z.string(),
  virtualServiceName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: VirtualServiceSpecSchema,
  status: VirtualServiceStatusSchema,
});
export type VirtualServiceData = z.infer<typeof VirtualServiceDataSchema>;

export const VirtualServiceRefSchema = RefBaseSchema.extend({ virtualServiceName: z.string() });
export type VirtualServiceRef = z.infer<typeof VirtualServiceRefSchema>;
