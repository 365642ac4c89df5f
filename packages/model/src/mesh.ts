import { z } from 'zod';
import { RefBaseSchema, ResourceMetadataSchema, StatusCodeSchema } from './common';
import { oneOf, struct } from './fields';

export const EGRESS_FILTER_TYPES = ['ALLOW_ALL', 'DROP_ALL'] as const;
export const IP_PREFERENCES = ['IPv6_PREFERRED', 'IPv4_PREFERRED', 'IPv4_ONLY', 'IPv6_ONLY'] as const;

export const EgressFilterSchema = struct('egressFilter', { type: oneOf('egressFilter.type', EGRESS_FILTER_TYPES) });
export type EgressFilter = z.infer<typeof EgressFilterSchema>;

export const MeshServiceDiscoverySchema = struct('serviceDiscovery', {
  ipPreference: oneOf('serviceDiscovery.ipPreference', IP_PREFERENCES).optional(),
});
export type MeshServiceDiscovery = z.infer<typeof MeshServiceDiscoverySchema>;

export const MeshSpecSchema = struct('spec', {
  egressFilter: EgressFilterSchema.optional(),
  serviceDiscovery: MeshServiceDiscoverySchema.optional(),
});
export type MeshSpec = z.infer<typeof MeshSpecSchema>;

/** `MeshStatus.status` is optional in the model (unlike the other resources' statuses). */
export const MeshStatusSchema = z.object({ status: StatusCodeSchema.optional() });
export type MeshStatus = z.infer<typeof MeshStatusSchema>;

export const MeshDataSchema = z.object({
  meshName: z.string(),
  metadata: ResourceMetadataSchema,
  spec: MeshSpecSchema,
  status: MeshStatusSchema,
});
export type MeshData = z.infer<typeof MeshDataSchema>;

export const MeshRefSchema = RefBaseSchema;
export type MeshRef = z.infer<typeof MeshRefSchema>;
