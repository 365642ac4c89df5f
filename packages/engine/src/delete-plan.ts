import {
  AppMeshError,
  DELETE_PLAN_TYPE_LABELS,
  type DeletePlan,
  type DeletePlanResourceType,
  type DeletePlanRun,
  type DeletePlanRunStep,
  type DeletePlanStep,
  type GatewayRouteRef,
  hasMeshApiPages,
  type MeshApi,
} from '@meshconsole/model';

/**
 * Delete plans: the ordered deletes that remove a resource with everything that must go first, built
 * on `MeshApi` alone (so the same rules as one delete at a time apply, step by step):
 * - a virtual gateway: its gateway routes, then the gateway;
 * - a virtual service: the gateway routes that target it, then the service;
 * - a mesh (the caller's own): each gateway's routes and the gateway, then the virtual services,
 *   then the mesh.
 * Each step says whether the caller may take it (the resource owner or the mesh owner deletes); one it
 * may not blocks the whole plan, and running a blocked plan deletes nothing.
 */
export type DeleteTarget =
  | { resourceType: 'mesh'; meshName: string }
  | { resourceType: 'virtualService'; meshName: string; meshOwner?: string | undefined; virtualServiceName: string }
  | { resourceType: 'virtualGateway'; meshName: string; meshOwner?: string | undefined; virtualGatewayName: string };

interface Owned {
  arn: string;
  meshName: string;
  meshOwner: string;
  resourceOwner: string;
}

const WHAT = DELETE_PLAN_TYPE_LABELS;

function step(
  caller: string,
  resourceType: DeletePlanResourceType,
  name: string,
  ref: Owned,
  virtualGatewayName?: string,
): DeletePlanStep {
  const allowed = ref.resourceOwner === caller || ref.meshOwner === caller;
  const out: DeletePlanStep = {
    resourceType,
    name,
    meshName: ref.meshName,
    arn: ref.arn,
    resourceOwner: ref.resourceOwner,
    allowed,
  };
  if (virtualGatewayName !== undefined) out.virtualGatewayName = virtualGatewayName;
  if (!allowed) {
    const where = virtualGatewayName === undefined ? '' : ` of virtual gateway ${virtualGatewayName}`;
    out.reason = `${WHAT[resourceType]} ${name}${where} is owned by account ${ref.resourceOwner} and the mesh by account ${ref.meshOwner}; only the resource owner or the mesh owner can delete it.`;
  }
  return out;
}

/** Every item of a paged list. */
async function all<T>(fetch: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>) {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return items;
}

function withOwner<T extends object>(input: T, meshOwner: string | undefined): T & { meshOwner?: string } {
  return meshOwner === undefined ? input : { ...input, meshOwner };
}

async function gatewayRoutes(api: MeshApi, meshName: string, meshOwner: string | undefined, gateway: string) {
  return all(async (nextToken) => {
    const out = await api.listGatewayRoutes(
      withOwner({ meshName, virtualGatewayName: gateway, ...(nextToken ? { nextToken } : {}) }, meshOwner),
    );
    return { items: out.gatewayRoutes, ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
  });
}

async function gateways(api: MeshApi, meshName: string, meshOwner: string | undefined) {
  return all(async (nextToken) => {
    const out = await api.listVirtualGateways(withOwner({ meshName, ...(nextToken ? { nextToken } : {}) }, meshOwner));
    return { items: out.virtualGateways, ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
  });
}

/** The virtual service a gateway route targets (full data, in one read per gateway where the API allows). */
async function routeTargets(
  api: MeshApi,
  meshName: string,
  meshOwner: string | undefined,
  gateway: string,
  refs: GatewayRouteRef[],
): Promise<Map<string, string | undefined>> {
  const targets = new Map<string, string | undefined>();
  const targetOf = (spec: Record<string, unknown>) => {
    for (const type of ['httpRoute', 'http2Route', 'grpcRoute']) {
      const route = spec[type] as { action?: { target?: { virtualService?: { virtualServiceName?: string } } } };
      const name = route?.action?.target?.virtualService?.virtualServiceName;
      if (name !== undefined) return name;
    }
    return undefined;
  };
  if (hasMeshApiPages(api)) {
    const items = await all((nextToken) =>
      api.listGatewayRoutePage(
        withOwner({ meshName, virtualGatewayName: gateway, ...(nextToken ? { nextToken } : {}) }, meshOwner),
      ),
    );
    for (const route of items) targets.set(route.gatewayRouteName, targetOf(route.spec as Record<string, unknown>));
    return targets;
  }
  for (const ref of refs) {
    const { gatewayRoute } = await api.describeGatewayRoute(
      withOwner({ meshName, virtualGatewayName: gateway, gatewayRouteName: ref.gatewayRouteName }, meshOwner),
    );
    targets.set(ref.gatewayRouteName, targetOf(gatewayRoute.spec as Record<string, unknown>));
  }
  return targets;
}

/** The plan for deleting `target` as `caller` sees it now (NotFoundException when it is not there). */
export async function planDelete(api: MeshApi, caller: string, target: DeleteTarget): Promise<DeletePlan> {
  const steps: DeletePlanStep[] = [];
  const routesOf = async (meshName: string, meshOwner: string | undefined, gateway: string) => {
    for (const route of await gatewayRoutes(api, meshName, meshOwner, gateway)) {
      steps.push(step(caller, 'gatewayRoute', route.gatewayRouteName, route, gateway));
    }
  };
  if (target.resourceType === 'virtualGateway') {
    const { virtualGateway } = await api.describeVirtualGateway(
      withOwner({ meshName: target.meshName, virtualGatewayName: target.virtualGatewayName }, target.meshOwner),
    );
    await routesOf(target.meshName, target.meshOwner, target.virtualGatewayName);
    steps.push(
      step(caller, 'virtualGateway', virtualGateway.virtualGatewayName, {
        ...virtualGateway.metadata,
        meshName: virtualGateway.meshName,
      }),
    );
  } else if (target.resourceType === 'virtualService') {
    const { virtualService } = await api.describeVirtualService(
      withOwner({ meshName: target.meshName, virtualServiceName: target.virtualServiceName }, target.meshOwner),
    );
    for (const gateway of await gateways(api, target.meshName, target.meshOwner)) {
      const refs = await gatewayRoutes(api, target.meshName, target.meshOwner, gateway.virtualGatewayName);
      if (refs.length === 0) continue;
      const targets = await routeTargets(api, target.meshName, target.meshOwner, gateway.virtualGatewayName, refs);
      for (const route of refs) {
        if (targets.get(route.gatewayRouteName) === target.virtualServiceName) {
          steps.push(step(caller, 'gatewayRoute', route.gatewayRouteName, route, gateway.virtualGatewayName));
        }
      }
    }
    steps.push(
      step(caller, 'virtualService', virtualService.virtualServiceName, {
        ...virtualService.metadata,
        meshName: virtualService.meshName,
      }),
    );
  } else {
    const { mesh } = await api.describeMesh({ meshName: target.meshName });
    for (const gateway of await gateways(api, target.meshName, undefined)) {
      await routesOf(target.meshName, undefined, gateway.virtualGatewayName);
      steps.push(step(caller, 'virtualGateway', gateway.virtualGatewayName, gateway));
    }
    const services = await all(async (nextToken) => {
      const out = await api.listVirtualServices({ meshName: target.meshName, ...(nextToken ? { nextToken } : {}) });
      return { items: out.virtualServices, ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    });
    for (const service of services) steps.push(step(caller, 'virtualService', service.virtualServiceName, service));
    steps.push(step(caller, 'mesh', mesh.meshName, { ...mesh.metadata, meshName: mesh.meshName }));
  }
  return { steps, blocked: steps.some((s) => !s.allowed) };
}

async function deleteStep(api: MeshApi, s: DeletePlanStep, meshOwner: string | undefined): Promise<void> {
  switch (s.resourceType) {
    case 'gatewayRoute':
      await api.deleteGatewayRoute(
        withOwner(
          { meshName: s.meshName, virtualGatewayName: s.virtualGatewayName ?? '', gatewayRouteName: s.name },
          meshOwner,
        ),
      );
      return;
    case 'virtualGateway':
      await api.deleteVirtualGateway(withOwner({ meshName: s.meshName, virtualGatewayName: s.name }, meshOwner));
      return;
    case 'virtualService':
      await api.deleteVirtualService(withOwner({ meshName: s.meshName, virtualServiceName: s.name }, meshOwner));
      return;
    case 'mesh':
      await api.deleteMesh({ meshName: s.meshName });
      return;
  }
}

/**
 * Plans again and carries the plan out, step by step, in order, stopping at the first failure. A
 * blocked plan (a step the caller may not take) is `ForbiddenException` and deletes nothing; with
 * `expect` (the ARNs the person confirmed), a plan holding anything else is `ConflictException`,
 * nothing deleted. The answer says what became of every step; running it again finishes the rest
 * (what was deleted is no longer in the plan).
 */
export async function runDeletePlan(
  api: MeshApi,
  caller: string,
  target: DeleteTarget,
  expect?: readonly string[],
): Promise<DeletePlanRun> {
  const plan = await planDelete(api, caller, target);
  const refused = plan.steps.filter((s) => !s.allowed);
  if (refused.length > 0) {
    throw new AppMeshError(
      'ForbiddenException',
      `Nothing was deleted: the plan includes resources this account cannot delete. ${refused.map((s) => s.reason).join(' ')}`,
    );
  }
  if (expect !== undefined) {
    const confirmed = new Set(expect);
    const unseen = plan.steps.filter((s) => !confirmed.has(s.arn));
    if (unseen.length > 0) {
      throw new AppMeshError(
        'ConflictException',
        `Nothing was deleted: the plan changed since it was shown (now it also deletes ${unseen
          .map((s) => `${WHAT[s.resourceType].toLowerCase()} ${s.name}`)
          .join(', ')}). Review the plan again.`,
      );
    }
  }
  const meshOwner = target.resourceType === 'mesh' ? undefined : target.meshOwner;
  const steps: DeletePlanRunStep[] = [];
  let failed = false;
  for (const s of plan.steps) {
    if (failed) {
      steps.push({ ...s, outcome: 'not-run' });
      continue;
    }
    try {
      await deleteStep(api, s, meshOwner);
      steps.push({ ...s, outcome: 'deleted' });
    } catch (error) {
      if (!(error instanceof AppMeshError)) throw error;
      failed = true;
      steps.push({ ...s, outcome: 'failed', error: { code: error.name, message: error.message } });
    }
  }
  return { done: !failed, steps };
}
