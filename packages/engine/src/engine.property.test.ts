import { AppMeshError, type MeshApi } from '@meshconsole/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { MemoryStore } from './store/memory-store';
import { SqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';
import { Clock, gatewaySpec, httpRouteSpec, ME, OTHER, openPostgresKind, REGION } from './test-support/fixtures';

/**
 * Model-based test: random sequences of operations by two accounts (ME owns mesh `m` and shares it
 * with OTHER) run against the engine and against a small reference model of the rules (sharing,
 * owners, in-use, conflicts, client tokens, quotas, versions, list order). Every outcome — success
 * or the exception's name — must agree.
 */

const QUOTAS = { virtualServicesPerMesh: 4, virtualGatewaysPerMesh: 3, gatewayRoutesPerVirtualGateway: 3 };
const ACTORS = [ME, OTHER] as const;
const SERVICES = ['a.svc', 'b.svc', 'c.svc', 'd.svc', 'e.svc'] as const;
const GATEWAYS = ['g1', 'g2', 'g3', 'g4'] as const;
const ROUTES = ['r1', 'r2', 'r3', 'r4'] as const;
const TOKENS = [undefined, 't1', 't2'] as const;

type Actor = (typeof ACTORS)[number];
interface Owned {
  owner: string;
  version: number;
}
interface Route extends Owned {
  target: string;
}

interface Model {
  services: Map<string, Owned>;
  gateways: Map<string, Owned & { uid?: string }>;
  /** key: `${gateway}/${route}` */
  routes: Map<string, Route>;
  /** key: `${actor}/${token}` */
  tokens: Map<string, { fingerprint: string; uid: string }>;
}

interface Real {
  api: Record<Actor, MeshApi>;
}

type Outcome<T> = { ok: T } | { error: string };

async function outcome<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await promise };
  } catch (error) {
    if (error instanceof AppMeshError) return { error: error.name };
    throw error;
  }
}

/** Checks that the call failed with `name`; `undefined`, so a rule can `return expectError(...)`. */
function expectError(result: Outcome<unknown>, name: string): undefined {
  expect(result).toEqual({ error: name });
  return undefined;
}

function expectOk<T>(result: Outcome<T>): T {
  if ('error' in result) throw new Error(`expected success, got ${result.error}`);
  return result.ok;
}

/** The parts of an answer's resource data the rules below check. */
interface Answered {
  status: { status: string };
  metadata: { version: number };
}

/** The update rule of every kind: a missing resource is NotFound, only its owner updates, each update adds a version. */
function expectUpdate<T>(result: Outcome<T>, actor: Actor, resource: Owned | undefined, dataOf: (ok: T) => Answered) {
  if (!resource) return expectError(result, 'NotFoundException');
  if (resource.owner !== actor) return expectError(result, 'ForbiddenException');
  resource.version++;
  expect(dataOf(expectOk(result)).metadata.version).toBe(resource.version);
}

/**
 * The delete rule of every kind: a missing resource is NotFound, only its owner or the mesh owner (ME)
 * deletes, a resource in use stays; the answer is the next version, DELETED. The answer when it is gone.
 */
function expectDelete<T>(
  result: Outcome<T>,
  actor: Actor,
  resource: Owned | undefined,
  inUse: boolean,
  dataOf: (ok: T) => Answered,
): T | undefined {
  if (!resource) return expectError(result, 'NotFoundException');
  if (resource.owner !== actor && actor !== ME) return expectError(result, 'ForbiddenException');
  if (inUse) return expectError(result, 'ResourceInUseException');
  const ok = expectOk(result);
  expect(dataOf(ok)).toMatchObject({ status: { status: 'DELETED' }, metadata: { version: resource.version + 1 } });
  return ok;
}

const meshArgs = (actor: Actor) => (actor === ME ? { meshName: 'm' } : { meshName: 'm', meshOwner: ME });

/** A command by `actor` on the resource `name`; `toString` names it in fast-check's counterexamples. */
abstract class ActorCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
  ) {}
  check = () => true;
  abstract run(m: Model, r: Real): Promise<void>;
  toString = () => `${this.constructor.name}(${this.actor}, ${this.name})`;
}

class CreateService extends ActorCommand {
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].createVirtualService({ ...meshArgs(this.actor), virtualServiceName: this.name, spec: {} }),
    );
    if (m.services.has(this.name)) return expectError(result, 'ConflictException');
    if (m.services.size >= QUOTAS.virtualServicesPerMesh) return expectError(result, 'LimitExceededException');
    const { virtualService } = expectOk(result);
    expect(virtualService.metadata).toMatchObject({ version: 1, resourceOwner: this.actor, meshOwner: ME });
    m.services.set(this.name, { owner: this.actor, version: 1 });
  }
}

class UpdateService extends ActorCommand {
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].updateVirtualService({ ...meshArgs(this.actor), virtualServiceName: this.name, spec: {} }),
    );
    expectUpdate(result, this.actor, m.services.get(this.name), (ok) => ok.virtualService);
  }
}

class DeleteService extends ActorCommand {
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].deleteVirtualService({ ...meshArgs(this.actor), virtualServiceName: this.name }),
    );
    const targeted = [...m.routes.values()].some((route) => route.target === this.name);
    if (expectDelete(result, this.actor, m.services.get(this.name), targeted, (ok) => ok.virtualService)) {
      m.services.delete(this.name);
    }
  }
}

class CreateGateway extends ActorCommand {
  constructor(
    actor: Actor,
    name: string,
    readonly port: number,
    readonly token: string | undefined,
  ) {
    super(actor, name);
  }
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].createVirtualGateway({
        ...meshArgs(this.actor),
        virtualGatewayName: this.name,
        spec: gatewaySpec(this.port),
        clientToken: this.token,
      }),
    );
    const fingerprint = `${this.name}:${this.port}`;
    const tokenKey = `${this.actor}/${this.token}`;
    const remembered = this.token === undefined ? undefined : m.tokens.get(tokenKey);
    if (remembered) {
      if (remembered.fingerprint !== fingerprint) return expectError(result, 'ConflictException');
      expect(expectOk(result).virtualGateway.metadata.uid).toBe(remembered.uid);
      return;
    }
    if (this.actor !== ME) return expectError(result, 'ForbiddenException');
    if (m.gateways.has(this.name)) return expectError(result, 'ConflictException');
    if (m.gateways.size >= QUOTAS.virtualGatewaysPerMesh) return expectError(result, 'LimitExceededException');
    const { virtualGateway } = expectOk(result);
    expect(virtualGateway.metadata).toMatchObject({ version: 1, resourceOwner: ME });
    m.gateways.set(this.name, { owner: ME, version: 1, uid: virtualGateway.metadata.uid });
    if (this.token !== undefined) m.tokens.set(tokenKey, { fingerprint, uid: virtualGateway.metadata.uid });
  }
  override toString = () => `CreateGateway(${this.actor}, ${this.name}, ${this.port}, ${this.token})`;
}

class UpdateGateway extends ActorCommand {
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].updateVirtualGateway({
        ...meshArgs(this.actor),
        virtualGatewayName: this.name,
        spec: gatewaySpec(9000),
      }),
    );
    expectUpdate(result, this.actor, m.gateways.get(this.name), (ok) => ok.virtualGateway);
  }
}

class DeleteGateway extends ActorCommand {
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].deleteVirtualGateway({ ...meshArgs(this.actor), virtualGatewayName: this.name }),
    );
    const hasRoutes = [...m.routes.keys()].some((key) => key.startsWith(`${this.name}/`));
    if (expectDelete(result, this.actor, m.gateways.get(this.name), hasRoutes, (ok) => ok.virtualGateway)) {
      m.gateways.delete(this.name);
    }
  }
}

/** A command by `actor` on the gateway route `name` of the virtual gateway `gateway`. */
abstract class RouteCommand extends ActorCommand {
  constructor(
    actor: Actor,
    readonly gateway: string,
    name: string,
  ) {
    super(actor, name);
  }
  override toString = () => `${this.constructor.name}(${this.actor}, ${this.gateway}, ${this.name})`;
  get key() {
    return `${this.gateway}/${this.name}`;
  }
}

class CreateRoute extends RouteCommand {
  constructor(
    actor: Actor,
    gateway: string,
    name: string,
    readonly target: string,
  ) {
    super(actor, gateway, name);
  }
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].createGatewayRoute({
        ...meshArgs(this.actor),
        virtualGatewayName: this.gateway,
        gatewayRouteName: this.name,
        spec: httpRouteSpec(this.target),
      }),
    );
    const gateway = m.gateways.get(this.gateway);
    if (!gateway) return expectError(result, 'NotFoundException');
    if (gateway.owner !== this.actor) return expectError(result, 'ForbiddenException');
    if (m.routes.has(this.key)) return expectError(result, 'ConflictException');
    const onGateway = [...m.routes.keys()].filter((k) => k.startsWith(`${this.gateway}/`)).length;
    if (onGateway >= QUOTAS.gatewayRoutesPerVirtualGateway) return expectError(result, 'LimitExceededException');
    if (!m.services.has(this.target)) return expectError(result, 'NotFoundException');
    expect(expectOk(result).gatewayRoute.metadata.version).toBe(1);
    m.routes.set(this.key, { owner: this.actor, version: 1, target: this.target });
  }
  override toString = () => `CreateRoute(${this.actor}, ${this.gateway}, ${this.name}, ${this.target})`;
}

class DeleteRoute extends RouteCommand {
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].deleteGatewayRoute({
        ...meshArgs(this.actor),
        virtualGatewayName: this.gateway,
        gatewayRouteName: this.name,
      }),
    );
    const route = m.gateways.has(this.gateway) ? m.routes.get(this.key) : undefined;
    if (expectDelete(result, this.actor, route, false, (ok) => ok.gatewayRoute)) m.routes.delete(this.key);
  }
}

class ListEverything implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly limit: number,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const api = r.api[this.actor];
    const gateways: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await api.listVirtualGateways({ ...meshArgs(this.actor), limit: this.limit, nextToken });
      gateways.push(...page.virtualGateways.map((g) => g.virtualGatewayName));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(gateways).toEqual([...m.gateways.keys()].sort());
    const services = await api.listVirtualServices({ ...meshArgs(this.actor) });
    expect(services.virtualServices.map((s) => [s.virtualServiceName, s.resourceOwner, s.version])).toEqual(
      [...m.services.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, s]) => [name, s.owner, s.version]),
    );
    for (const gateway of m.gateways.keys()) {
      const routes = await api.listGatewayRoutes({ ...meshArgs(this.actor), virtualGatewayName: gateway });
      expect(routes.gatewayRoutes.map((g) => g.gatewayRouteName)).toEqual(
        [...m.routes.keys()]
          .filter((k) => k.startsWith(`${gateway}/`))
          .map((k) => k.slice(gateway.length + 1))
          .sort(),
      );
    }
  }
  toString = () => `ListEverything(${this.actor}, ${this.limit})`;
}

const actor = fc.constantFrom(...ACTORS);
const service = fc.constantFrom(...SERVICES);
const gateway = fc.constantFrom(...GATEWAYS);
const route = fc.constantFrom(...ROUTES);

// Creates are listed twice so that sequences build up state (and reach quotas and in-use rules).
const createService = fc.tuple(actor, service).map(([a, s]) => new CreateService(a, s));
const createGateway = fc
  .tuple(fc.constantFrom(ME, ME, OTHER), gateway, fc.constantFrom(80, 81), fc.constantFrom(...TOKENS))
  .map(([a, g, p, t]) => new CreateGateway(a, g, p, t));
const createRoute = fc
  .tuple(fc.constantFrom(ME, ME, OTHER), gateway, route, service)
  .map(([a, g, n, s]) => new CreateRoute(a, g, n, s));

const commands = [
  createService,
  createService,
  createGateway,
  createGateway,
  createRoute,
  createRoute,
  fc.tuple(actor, service).map(([a, s]) => new UpdateService(a, s)),
  fc.tuple(actor, service).map(([a, s]) => new DeleteService(a, s)),
  fc.tuple(actor, gateway).map(([a, g]) => new UpdateGateway(a, g)),
  fc.tuple(actor, gateway).map(([a, g]) => new DeleteGateway(a, g)),
  fc.tuple(actor, gateway, route).map(([a, g, n]) => new DeleteRoute(a, g, n)),
  fc.tuple(actor, fc.integer({ min: 1, max: 3 })).map(([a, l]) => new ListEverything(a, l)),
];

const STORES: { name: string; open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>; runs: number }[] = [
  {
    name: 'MemoryStore',
    open: async () => {
      const store = new MemoryStore();
      return { store, cleanup: () => store.close() };
    },
    runs: 80,
  },
  {
    name: 'SqliteStore',
    open: async () => {
      const store = new SqliteStore(':memory:');
      return { store, cleanup: () => store.close() };
    },
    runs: 80,
  },
  // A round trip per statement: fewer runs, the same commands.
  { name: 'PostgresStore', open: openPostgresKind, runs: 15 },
];

describe.each(STORES)('engine against a reference model on $name', ({ open, runs }) => {
  it('when random operation sequences run, then every outcome agrees with the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 80, size: 'max' }), async (cmds) => {
        const { store, cleanup } = await open();
        try {
          const clock = new Clock();
          const engine = createEngine({ store, region: REGION, quotas: QUOTAS, now: clock.now });
          const api = { [ME]: engine.forCaller(ME), [OTHER]: engine.forCaller(OTHER) } as Record<Actor, MeshApi>;
          await api[ME].createMesh({ meshName: 'm' });
          await engine.shareMesh(ME, 'm', OTHER);
          const model: Model = { services: new Map(), gateways: new Map(), routes: new Map(), tokens: new Map() };
          await fc.asyncModelRun(() => ({ model, real: { api } }), cmds);
        } finally {
          await cleanup();
        }
      }),
      { numRuns: runs },
    );
  }, 180_000);
});
