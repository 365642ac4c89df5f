import { z } from 'zod';
import { RefBaseSchema, ResourceMetadataSchema, StatusCodeSchema } from './common';
import { list, struct } from './fields';
import { distinctPorts, PortMappingSchema } from './virtual-node';

export const VirtualRouterListenerSchema = struct('listeners.*', { portMapping: PortMappingSchema });
export type VirtualRouterListener = z.infer<typeof VirtualRouterListenerSchema>;

export const VirtualRouterSpecSchema = struct('spec', {
  listeners: list('listeners', VirtualRouterListenerSchema).superRefine(distinctPorts).optional(),
});
export type VirtualRouterSpec = z.infer<typeof VirtualRouterSpecSchema>;

export const VirtualRouterStatusSchema = z.object({ status: StatusCodeSchema });
export type VirtualRouterStatus = z.infer<typeof VirtualRouterStatusSchema>;

export const VirtualRouterDataSchema = z.object({
  meshName: z.string(),
  virtualRouterName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: VirtualRouterSpecSchema,
  status: VirtualRouterStatusSchema,
});
export type VirtualRouterData = z.infer<typeof VirtualRouterDataSchema>;

export const VirtualRouterRefSchema = RefBaseSchema.extend({ virtualRouterName: z.string() });
export type VirtualRouterRef = z.infer<typeof VirtualRouterRefSchema>;
