import { type DeleteTarget, planDelete, runDeletePlan } from '@meshconsole/engine';
import {
  AppMeshError,
  type DeletePlan,
  DeletePlanBodySchema,
  type DeletePlanRun,
  type MeshApi,
  PageQuerySchema,
  parseOrThrow,
} from '@meshconsole/model';

/** The resource a delete plan removes (from the path); `?meshOwner=` selects a shared mesh. */
export type PlanTarget =
  | { resourceType: 'mesh'; meshName: string }
  | { resourceType: 'virtualService'; meshName: string; virtualServiceName: string }
  | { resourceType: 'virtualGateway'; meshName: string; virtualGatewayName: string };

function targetOf(target: PlanTarget, query: unknown, caller: string): DeleteTarget {
  const { meshOwner } = parseOrThrow(PageQuerySchema.pick({ meshOwner: true }), query);
  if (target.resourceType === 'mesh') {
    // DeleteMesh takes no meshOwner: only the mesh owner deletes a mesh.
    if (meshOwner !== undefined && meshOwner !== caller) {
      throw new AppMeshError(
        'ForbiddenException',
        `Mesh ${target.meshName} is owned by account ${meshOwner}; only the mesh owner can delete a mesh.`,
      );
    }
    return target;
  }
  return meshOwner === undefined ? target : { ...target, meshOwner };
}

export function getDeletePlan(api: MeshApi, caller: string, target: PlanTarget, query: unknown): Promise<DeletePlan> {
  return planDelete(api, caller, targetOf(target, query, caller));
}

/** Runs the plan; `body.expect` (the ARNs the person confirmed) refuses a plan that grew since. */
export function runPlan(
  api: MeshApi,
  caller: string,
  target: PlanTarget,
  query: unknown,
  body: unknown,
): Promise<DeletePlanRun> {
  const { expect } = parseOrThrow(DeletePlanBodySchema, body);
  return runDeletePlan(api, caller, targetOf(target, query, caller), expect);
}
