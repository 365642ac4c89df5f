import { z } from 'zod';
import { ClientTokenSchema, MeshOwnerSchema, resourceName, TagListSchema } from './common';
import { VirtualGatewaySpecSchema } from './virtual-gateway';

/**
 * The `create-virtual-gateway.json` file for `aws appmesh create-virtual-gateway --cli-input-json file://...`.
 * Everything but `spec` is optional because the CLI also takes the names as flags.
 */
export const CreateVirtualGatewayJsonSchema = z.object({
  meshName: resourceName('meshName').optional(),
  virtualGatewayName: resourceName('virtualGatewayName').optional(),
  spec: VirtualGatewaySpecSchema,
  tags: TagListSchema.optional(),
  clientToken: ClientTokenSchema.optional(),
  meshOwner: MeshOwnerSchema,
});
export type CreateVirtualGatewayJson = z.infer<typeof CreateVirtualGatewayJsonSchema>;
