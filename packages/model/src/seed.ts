// The seed document: test data a test (or SEED=<file>) controls. Nested by containment, in the App
// Mesh API's own input shapes, so a describe output's `spec` can be pasted in (docs/seed-documents.md).
import { z } from 'zod';
import { AccountIdSchema, resourceName, TagListSchema, uriLabelName } from './common';
import { AppMeshError, issuePath } from './errors';
import { GatewayRouteSpecSchema } from './gateway-route';
import { MeshSpecSchema } from './mesh';
import { VirtualGatewaySpecSchema } from './virtual-gateway';
import { VirtualServiceSpecSchema } from './virtual-service';

/** Most items one list of a seed document may hold (a test's data, not a migration). */
export const SEED_LIST_MAX = 1000;

/** An object of the document: a member it does not know (a typo) is refused, not dropped. */
function item<S extends z.ZodRawShape>(what: string, shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${what} does not take ${issue.keys.map((k) => `"${k}"`).join(', ')}; it takes ${Object.keys(shape).join(', ')}.`
        : `${what} must be an object.`,
  });
}

function many<T extends z.ZodType>(what: string, schema: T) {
  return z
    .array(schema, {
      error: (issue) => (issue.input === undefined ? `${what} is required.` : `${what} must be a list.`),
    })
    .max(SEED_LIST_MAX, { error: `${what} must have at most ${SEED_LIST_MAX} items.` });
}

export const SeedGatewayRouteSchema = item('A gateway route', {
  gatewayRouteName: resourceName('gatewayRouteName'),
  spec: GatewayRouteSpecSchema,
  tags: TagListSchema.optional(),
});

export const SeedVirtualGatewaySchema = item('A virtual gateway', {
  virtualGatewayName: resourceName('virtualGatewayName'),
  spec: VirtualGatewaySpecSchema,
  tags: TagListSchema.optional(),
  gatewayRoutes: many('gatewayRoutes', SeedGatewayRouteSchema).optional(),
});

export const SeedVirtualServiceSchema = item('A virtual service', {
  virtualServiceName: uriLabelName('virtualServiceName', { min: 1 }),
  spec: VirtualServiceSpecSchema,
  tags: TagListSchema.optional(),
});

export const SeedMeshSchema = item('A mesh', {
  meshName: resourceName('meshName'),
  spec: MeshSpecSchema.optional(),
  tags: TagListSchema.optional(),
  /** The account that owns the mesh; default: the server's account (ACCOUNT_ID). */
  owner: AccountIdSchema.optional(),
  /** Accounts the mesh is shared with (what AWS RAM does for App Mesh). */
  sharedWith: many('sharedWith', AccountIdSchema).optional(),
  virtualServices: many('virtualServices', SeedVirtualServiceSchema).optional(),
  virtualGateways: many('virtualGateways', SeedVirtualGatewaySchema).optional(),
});

export const SeedDocumentSchema = item('A seed document', {
  meshes: many('meshes', SeedMeshSchema),
});
export type SeedDocument = z.infer<typeof SeedDocumentSchema>;
export type SeedMesh = z.infer<typeof SeedMeshSchema>;
export type SeedVirtualGateway = z.infer<typeof SeedVirtualGatewaySchema>;
export type SeedGatewayRoute = z.infer<typeof SeedGatewayRouteSchema>;
export type SeedVirtualService = z.infer<typeof SeedVirtualServiceSchema>;

/**
 * A refused seed document: `path` is the first bad field (`meshes.0.virtualGateways.1.spec.listeners`),
 * the message starts with it. Thrown as `BadRequestException` with that path as its only field error.
 */
export function seedDocumentError(path: string, message: string): AppMeshError {
  return new AppMeshError('BadRequestException', `Seed document, ${path}: ${message}`, { [path]: [message] });
}

/** Validates a whole seed document, or throws `seedDocumentError` for its first bad field. */
export function parseSeedDocument(value: unknown): SeedDocument {
  const result = SeedDocumentSchema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const path = first ? issuePath(first.path) : '';
  throw seedDocumentError(path === '' ? '(document)' : path, first?.message ?? 'The seed document is not valid.');
}
