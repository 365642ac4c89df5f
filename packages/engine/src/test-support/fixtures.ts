import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateGatewayRouteInput, CreateVirtualGatewayInput } from '@meshconsole/model';
import { AppMeshError } from '@meshconsole/model';
import {
  freshTestSchema,
  testAdminPool,
  testDatabaseUrl,
  withSchema,
} from '@meshconsole/postgres-sandbox/vitest-setup';
import { createEngine, type Engine, type EngineOptions } from '../engine';
import { MemoryStore } from '../store/memory-store';
import { PostgresStore } from '../store/postgres-store';
import { SqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';

export const ME = '123456789012';
export const OTHER = '111122223333';
export const STRANGER = '999988887777';
export const REGION = 'us-west-2';
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0, 125);

/** A temporary directory removed by the returned `cleanup`. */
export function tempDir(prefix = 'meshconsole-engine-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StoreKind {
  name: string;
  open(): Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

/** Migrated schemas of this worker that no open store uses, emptied (migrating a new one takes ~0.3 s). */
const spareSchemas: string[] = [];

/** A PostgresStore on a schema of its own; closing it empties the schema for the next test of this worker. */
export async function openPostgresKind(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  const name = spareSchemas.pop() ?? (await freshTestSchema()).schema;
  const store = await PostgresStore.open(withSchema(testDatabaseUrl(), name), { poolSize: 4 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await testAdminPool().query(
        `DELETE FROM ${name}.resources; DELETE FROM ${name}.child_counts; DELETE FROM ${name}.shares;
         DELETE FROM ${name}.tags; DELETE FROM ${name}.client_tokens; DELETE FROM ${name}.meta;
         DELETE FROM ${name}.versions;`,
      );
      spareSchemas.push(name);
    },
  };
}

/**
 * The engine suite runs on every store: in memory, a real SQLite file in a temporary directory, and a
 * schema of its own on a real PostgreSQL server.
 */
export const STORE_KINDS: StoreKind[] = [
  { name: 'MemoryStore', open: async () => ({ store: new MemoryStore(), cleanup: async () => {} }) },
  {
    name: 'SqliteStore',
    open: async () => {
      const { dir, cleanup } = tempDir();
      const store = new SqliteStore(join(dir, 'mesh.db'));
      return {
        store,
        cleanup: async () => {
          await store.close();
          cleanup();
        },
      };
    },
  },
  { name: 'PostgresStore', open: openPostgresKind },
];

/** A controllable clock (milliseconds). */
export class Clock {
  constructor(public ms = T0) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Harness {
  engine: Engine;
  clock: Clock;
  store: Store;
  cleanup: () => Promise<void>;
}

/** An engine on a fresh store of `kind`; when the engine cannot be made, the store is closed again. */
export async function openHarness(kind: StoreKind, options: Partial<EngineOptions> = {}): Promise<Harness> {
  const { store, cleanup } = await kind.open();
  const clock = new Clock();
  try {
    const engine = createEngine({ store, region: REGION, now: clock.now, ...options });
    return { engine, clock, store, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export function gatewaySpec(port = 8080): CreateVirtualGatewayInput['spec'] {
  return { listeners: [{ portMapping: { port, protocol: 'http' } }] };
}

export function httpRouteSpec(virtualServiceName: string, prefix = '/'): CreateGatewayRouteInput['spec'] {
  return { httpRoute: { match: { prefix }, action: { target: { virtualService: { virtualServiceName } } } } };
}

/** Awaits a promise that must reject with an `AppMeshError`, and returns that error. */
export async function appMeshError(promise: Promise<unknown>): Promise<AppMeshError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppMeshError) return error;
    throw new Error(`expected an AppMeshError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * Everything `accountId` can see, described with metadata, as one comparable value: each mesh, then
 * its virtual services, virtual nodes, virtual routers with their routes, and virtual gateways with
 * their gateway routes (list order). Two stores with the same content give equal values.
 */
export async function describeEverything(engine: Engine, accountId = ME): Promise<unknown[]> {
  const api = engine.forCaller(accountId);
  const out: unknown[] = [];
  for (const mesh of (await api.listMeshes({})).meshes) {
    const where = { meshName: mesh.meshName, meshOwner: mesh.meshOwner };
    out.push((await api.describeMesh(where)).mesh);
    for (const vs of (await api.listVirtualServices(where)).virtualServices)
      out.push(
        (await api.describeVirtualService({ ...where, virtualServiceName: vs.virtualServiceName })).virtualService,
      );
    for (const vn of (await api.listVirtualNodes(where)).virtualNodes)
      out.push((await api.describeVirtualNode({ ...where, virtualNodeName: vn.virtualNodeName })).virtualNode);
    for (const vr of (await api.listVirtualRouters(where)).virtualRouters) {
      const router = { ...where, virtualRouterName: vr.virtualRouterName };
      out.push((await api.describeVirtualRouter(router)).virtualRouter);
      for (const r of (await api.listRoutes(router)).routes)
        out.push((await api.describeRoute({ ...router, routeName: r.routeName })).route);
    }
    for (const gw of (await api.listVirtualGateways(where)).virtualGateways) {
      const gateway = { ...where, virtualGatewayName: gw.virtualGatewayName };
      out.push((await api.describeVirtualGateway(gateway)).virtualGateway);
      for (const gr of (await api.listGatewayRoutes(gateway)).gatewayRoutes)
        out.push((await api.describeGatewayRoute({ ...gateway, gatewayRouteName: gr.gatewayRouteName })).gatewayRoute);
    }
  }
  return out;
}
