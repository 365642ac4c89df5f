import { AppMeshError, type MeshApi } from '@meshconsole/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { MemoryStore } from './store/memory-store';
import { SqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';
import { Clock, gatewaySpec, httpRouteSpec, ME, OTHER, REGION } from './test-support/fixtures';

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

function expectError(result: Outcome<unknown>, name: string): void {
  expect(result).toEqual({ error: name });
}

function expectOk<T>(result: Outcome<T>): T {
  if ('error' in result) throw new Error(`expected success, got ${result.error}`);
  return result.ok;
}

const meshArgs = (actor: Actor) => (actor === ME ? { meshName: 'm' } : { meshName: 'm', meshOwner: ME });

class CreateService implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
  ) {}
  check = () => true;
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
  toString = () => `CreateService(${this.actor}, ${this.name})`;
}

class UpdateService implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].updateVirtualService({ ...meshArgs(this.actor), virtualServiceName: this.name, spec: {} }),
    );
    const service = m.services.get(this.name);
    if (!service) return expectError(result, 'NotFoundException');
    if (service.owner !== this.actor) return expectError(result, 'ForbiddenException');
    service.version++;
    expect(expectOk(result).virtualService.metadata.version).toBe(service.version);
  }
  toString = () => `UpdateService(${this.actor}, ${this.name})`;
}

class DeleteService implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].deleteVirtualService({ ...meshArgs(this.actor), virtualServiceName: this.name }),
    );
    const service = m.services.get(this.name);
    if (!service) return expectError(result, 'NotFoundException');
    if (service.owner !== this.actor && this.actor !== ME) return expectError(result, 'ForbiddenException');
    if ([...m.routes.values()].some((route) => route.target === this.name)) {
      return expectError(result, 'ResourceInUseException');
    }
    const { virtualService } = expectOk(result);
    expect(virtualService).toMatchObject({ status: { status: 'DELETED' }, metadata: { version: service.version + 1 } });
    m.services.delete(this.name);
  }
  toString = () => `DeleteService(${this.actor}, ${this.name})`;
}

class CreateGateway implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
    readonly port: number,
    readonly token: string | undefined,
  ) {}
  check = () => true;
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
  toString = () => `CreateGateway(${this.actor}, ${this.name}, ${this.port}, ${this.token})`;
}

class UpdateGateway implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].updateVirtualGateway({
        ...meshArgs(this.actor),
        virtualGatewayName: this.name,
        spec: gatewaySpec(9000),
      }),
    );
    const gateway = m.gateways.get(this.name);
    if (!gateway) return expectError(result, 'NotFoundException');
    if (gateway.owner !== this.actor) return expectError(result, 'ForbiddenException');
    gateway.version++;
    expect(expectOk(result).virtualGateway.metadata.version).toBe(gateway.version);
  }
  toString = () => `UpdateGateway(${this.actor}, ${this.name})`;
}

class DeleteGateway implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly name: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].deleteVirtualGateway({ ...meshArgs(this.actor), virtualGatewayName: this.name }),
    );
    const gateway = m.gateways.get(this.name);
    if (!gateway) return expectError(result, 'NotFoundException');
    if (gateway.owner !== this.actor && this.actor !== ME) return expectError(result, 'ForbiddenException');
    if ([...m.routes.keys()].some((key) => key.startsWith(`${this.name}/`))) {
      return expectError(result, 'ResourceInUseException');
    }
    expect(expectOk(result).virtualGateway.metadata.version).toBe(gateway.version + 1);
    m.gateways.delete(this.name);
  }
  toString = () => `DeleteGateway(${this.actor}, ${this.name})`;
}

class CreateRoute implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly gateway: string,
    readonly name: string,
    readonly target: string,
  ) {}
  check = () => true;
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
    const key = `${this.gateway}/${this.name}`;
    if (m.routes.has(key)) return expectError(result, 'ConflictException');
    const onGateway = [...m.routes.keys()].filter((k) => k.startsWith(`${this.gateway}/`)).length;
    if (onGateway >= QUOTAS.gatewayRoutesPerVirtualGateway) return expectError(result, 'LimitExceededException');
    if (!m.services.has(this.target)) return expectError(result, 'NotFoundException');
    expect(expectOk(result).gatewayRoute.metadata.version).toBe(1);
    m.routes.set(key, { owner: this.actor, version: 1, target: this.target });
  }
  toString = () => `CreateRoute(${this.actor}, ${this.gateway}, ${this.name}, ${this.target})`;
}

class DeleteRoute implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly actor: Actor,
    readonly gateway: string,
    readonly name: string,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const result = await outcome(
      r.api[this.actor].deleteGatewayRoute({
        ...meshArgs(this.actor),
        virtualGatewayName: this.gateway,
        gatewayRouteName: this.name,
      }),
    );
    const key = `${this.gateway}/${this.name}`;
    const route = m.routes.get(key);
    if (!m.gateways.has(this.gateway) || !route) return expectError(result, 'NotFoundException');
    if (route.owner !== this.actor && this.actor !== ME) return expectError(result, 'ForbiddenException');
    expect(expectOk(result).gatewayRoute.status.status).toBe('DELETED');
    m.routes.delete(key);
  }
  toString = () => `DeleteRoute(${this.actor}, ${this.gateway}, ${this.name})`;
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

const STORES: { name: string; open: () => Store }[] = [
  { name: 'MemoryStore', open: () => new MemoryStore() },
  { name: 'SqliteStore', open: () => new SqliteStore(':memory:') },
];

describe.each(STORES)('engine against a reference model on $name', ({ open }) => {
  it('when random operation sequences run, then every outcome agrees with the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 80, size: 'max' }), async (cmds) => {
        const store = open();
        try {
          const clock = new Clock();
          const engine = createEngine({ store, region: REGION, quotas: QUOTAS, now: clock.now });
          const api = { [ME]: engine.forCaller(ME), [OTHER]: engine.forCaller(OTHER) } as Record<Actor, MeshApi>;
          await api[ME].createMesh({ meshName: 'm' });
          engine.shareMesh(ME, 'm', OTHER);
          const model: Model = { services: new Map(), gateways: new Map(), routes: new Map(), tokens: new Map() };
          await fc.asyncModelRun(() => ({ model, real: { api } }), cmds);
        } finally {
          store.close();
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
