import {
  AppMeshError,
  backendServiceNames,
  DELETE_PLAN_TYPE_LABELS,
  type DeletePlan,
  type DeletePlanResourceType,
  type DeletePlanRun,
  type DeletePlanRunStep,
  type DeletePlanStep,
  type GatewayRouteRef,
  hasMeshApiPages,
  type MeshApi,
  type VirtualNodeSpec,
} from '@meshconsole/model';

/**
 * Delete plans: the ordered deletes that remove a resource with everything that must go first, built
 * on `MeshApi` alone (so the same rules as one delete at a time apply, step by step):
 * - a virtual gateway: its gateway routes, then the gateway;
 * - a virtual service: the gateway routes that target it, then the service;
 * - a mesh (the caller's own): each gateway's routes and the gateway, then every router's routes,
 *   then the virtual services, virtual routers and virtual nodes, each once nothing left holds it (a
 *   service once no remaining node names it as a backend, a router or node once no remaining service
 *   names it as its provider), then the mesh.
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
  parentName?: string,
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
  const parentKind = resourceType === 'route' ? 'virtual router' : 'virtual gateway';
  if (parentName !== undefined) {
    if (resourceType === 'route') out.virtualRouterName = parentName;
    else out.virtualGatewayName = parentName;
  }
  if (!allowed) {
    const where = parentName === undefined ? '' : ` of ${parentKind} ${parentName}`;
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

/**
 * A mesh's routes, then its virtual services, routers and nodes in an order the service accepts: a
 * service goes once no node left names it as a backend; a router or node once no service left names
 * it as its provider (and, for a node, once the routes, which target nodes, are gone). Whatever holds
 * itself in a cycle comes last, in name order, and its delete fails with the service's own
 * ResourceInUseException, which the run reports.
 */
async function meshServicesRoutersNodes(api: MeshApi, caller: string, meshName: string): Promise<DeletePlanStep[]> {
  const steps: DeletePlanStep[] = [];
  const page = <T>(list: (token: string | undefined) => Promise<{ items: T[]; nextToken?: string | undefined }>) =>
    all(async (token) => {
      const out = await list(token);
      return { items: out.items, ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    });
  const at = (nextToken: string | undefined) => ({ meshName, ...(nextToken ? { nextToken } : {}) });
  const routers = await page(async (t) => {
    const out = await api.listVirtualRouters(at(t));
    return { items: out.virtualRouters, nextToken: out.nextToken };
  });
  for (const router of routers) {
    const routes = await page(async (t) => {
      const out = await api.listRoutes({ ...at(t), virtualRouterName: router.virtualRouterName });
      return { items: out.routes, nextToken: out.nextToken };
    });
    for (const route of routes) steps.push(step(caller, 'route', route.routeName, route, router.virtualRouterName));
  }
  const services = await page(async (t) => {
    const out = await api.listVirtualServices(at(t));
    return { items: out.virtualServices, nextToken: out.nextToken };
  });
  const nodes = await page(async (t) => {
    const out = await api.listVirtualNodes(at(t));
    return { items: out.virtualNodes, nextToken: out.nextToken };
  });
  // What holds what: a service's provider, a node's backends.
  const providerOf = new Map<string, string>();
  for (const service of services) {
    const { virtualService } = await api.describeVirtualService({
      meshName,
      virtualServiceName: service.virtualServiceName,
    });
    const provider = virtualService.spec.provider;
    if (provider?.virtualNode)
      providerOf.set(service.virtualServiceName, `virtualNode/${provider.virtualNode.virtualNodeName}`);
    if (provider?.virtualRouter)
      providerOf.set(service.virtualServiceName, `virtualRouter/${provider.virtualRouter.virtualRouterName}`);
  }
  const backendsOf = new Map<string, string[]>();
  for (const node of nodes) {
    const { virtualNode } = await api.describeVirtualNode({ meshName, virtualNodeName: node.virtualNodeName });
    backendsOf.set(node.virtualNodeName, backendServiceNames(virtualNode.spec as VirtualNodeSpec));
  }
  type Pending = { key: string; type: 'virtualService' | 'virtualRouter' | 'virtualNode'; name: string; ref: Owned };
  let pending: Pending[] = [
    ...services.map((s) => ({
      key: `virtualService/${s.virtualServiceName}`,
      type: 'virtualService' as const,
      name: s.virtualServiceName,
      ref: s,
    })),
    ...routers.map((r) => ({
      key: `virtualRouter/${r.virtualRouterName}`,
      type: 'virtualRouter' as const,
      name: r.virtualRouterName,
      ref: r,
    })),
    ...nodes.map((n) => ({
      key: `virtualNode/${n.virtualNodeName}`,
      type: 'virtualNode' as const,
      name: n.virtualNodeName,
      ref: n,
    })),
  ];
  const held = (item: Pending, left: Set<string>): boolean => {
    if (item.type === 'virtualService') {
      return [...backendsOf].some(
        ([node, backends]) => left.has(`virtualNode/${node}`) && backends.includes(item.name),
      );
    }
    return [...providerOf].some(
      ([service, provider]) => left.has(`virtualService/${service}`) && provider === item.key,
    );
  };
  while (pending.length > 0) {
    const left = new Set(pending.map((p) => p.key));
    const free = pending.filter((p) => !held(p, left));
    const next = free.length > 0 ? free : pending;
    for (const item of next) steps.push(step(caller, item.type, item.name, item.ref));
    const taken = new Set(next.map((p) => p.key));
    pending = pending.filter((p) => !taken.has(p.key));
  }
  return steps;
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
    steps.push(...(await meshServicesRoutersNodes(api, caller, target.meshName)));
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
    case 'route':
      await api.deleteRoute(
        withOwner({ meshName: s.meshName, virtualRouterName: s.virtualRouterName ?? '', routeName: s.name }, meshOwner),
      );
      return;
    case 'virtualRouter':
      await api.deleteVirtualRouter(withOwner({ meshName: s.meshName, virtualRouterName: s.name }, meshOwner));
      return;
    case 'virtualNode':
      await api.deleteVirtualNode(withOwner({ meshName: s.meshName, virtualNodeName: s.name }, meshOwner));
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
