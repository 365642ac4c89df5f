import { z } from 'zod';

/**
 * Delete plans (not an App Mesh operation): the ordered deletes that remove a resource together with
 * everything that must go first (a gateway's routes; the routes that target a virtual service; a
 * mesh's gateway routes, gateways, services, routes, routers and nodes), each step saying whether the
 * caller may take it.
 */

export const DELETE_PLAN_RESOURCE_TYPES = [
  'gatewayRoute',
  'virtualGateway',
  'virtualService',
  'route',
  'virtualRouter',
  'virtualNode',
  'mesh',
] as const;
export type DeletePlanResourceType = (typeof DELETE_PLAN_RESOURCE_TYPES)[number];
export const DELETE_PLAN_TYPE_LABELS: Readonly<Record<DeletePlanResourceType, string>> = {
  gatewayRoute: 'Gateway route',
  virtualGateway: 'Virtual gateway',
  virtualService: 'Virtual service',
  route: 'Route',
  virtualRouter: 'Virtual router',
  virtualNode: 'Virtual node',
  mesh: 'Mesh',
};

export const DeletePlanStepSchema = z.object({
  resourceType: z.enum(DELETE_PLAN_RESOURCE_TYPES),
  /** The resource's own name (a route's name, a gateway's, a service's, the mesh's). */
  name: z.string(),
  meshName: z.string(),
  /** A gateway route's virtual gateway. */
  virtualGatewayName: z.string().optional(),
  /** A route's virtual router. */
  virtualRouterName: z.string().optional(),
  arn: z.string(),
  resourceOwner: z.string(),
  /** The caller may delete it: it owns the resource or the mesh. */
  allowed: z.boolean(),
  /** Why not, when `allowed` is false. */
  reason: z.string().optional(),
});
export type DeletePlanStep = z.infer<typeof DeletePlanStepSchema>;

/** `GET .../delete-plan`: the steps in the order they run; `blocked` when any step is not allowed. */
export const DeletePlanSchema = z.object({
  steps: z.array(DeletePlanStepSchema),
  blocked: z.boolean(),
});
export type DeletePlan = z.infer<typeof DeletePlanSchema>;

export const DELETE_STEP_OUTCOMES = ['deleted', 'failed', 'not-run'] as const;
export type DeleteStepOutcome = (typeof DELETE_STEP_OUTCOMES)[number];

export const DeletePlanRunStepSchema = DeletePlanStepSchema.extend({
  outcome: z.enum(DELETE_STEP_OUTCOMES),
  /** The failure of the step that stopped the run. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type DeletePlanRunStep = z.infer<typeof DeletePlanRunStepSchema>;

/** `POST .../delete-plan`: every step with what became of it; `done` when all were deleted. */
export const DeletePlanRunSchema = z.object({ done: z.boolean(), steps: z.array(DeletePlanRunStepSchema) });
export type DeletePlanRun = z.infer<typeof DeletePlanRunSchema>;

/**
 * `POST .../delete-plan` body: `expect`, the ARNs of the plan the person confirmed. When given, a plan
 * that now holds a resource outside it (created since) is refused, so nothing unseen is deleted.
 */
export const DeletePlanBodySchema = z.object(
  {
    expect: z
      .array(z.string({ error: 'Each expected step must be an ARN.' }), {
        error: 'Expected steps must be a list of ARNs.',
      })
      .max(10_000, { error: 'Expected steps can list at most 10000 ARNs.' })
      .optional(),
  },
  { error: 'The request must be a JSON object.' },
);
export type DeletePlanBody = z.infer<typeof DeletePlanBodySchema>;
