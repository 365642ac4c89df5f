import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateGatewayRouteInput, CreateVirtualGatewayInput } from '@meshconsole/model';
import { AppMeshError } from '@meshconsole/model';
import { testDatabaseUrl } from '@meshconsole/postgres-sandbox/vitest-setup';
import pg from 'pg';
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

let adminPool: pg.Pool | undefined;
let schemas = 0;
/** Migrated schemas of this worker that no open store uses, emptied (migrating a new one takes ~0.3 s). */
const spareSchemas: string[] = [];

function admin(): pg.Pool {
  adminPool ??= new pg.Pool({ connectionString: testDatabaseUrl(), max: 2, allowExitOnIdle: true });
  return adminPool;
}

/** `url` with PostgreSQL's `search_path` set to `schema` (every table the store makes goes there). */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/**
 * A new, empty schema in the run's PostgreSQL test database (`globalSetup` started the server):
 * its URL, and a function that drops it again.
 */
export async function freshPostgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${process.pid}_${++schemas}_${randomBytes(3).toString('hex')}`;
  await admin().query(`CREATE SCHEMA ${schema}`);
  return {
    url: withSchema(testDatabaseUrl(), schema),
    drop: async () => {
      await admin().query(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/** A PostgresStore on a schema of its own; closing it empties the schema for the next test of this worker. */
export async function openPostgresKind(): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  let schema = spareSchemas.pop();
  if (schema === undefined) {
    schema = `t_${process.pid}_${++schemas}_${randomBytes(3).toString('hex')}`;
    await admin().query(`CREATE SCHEMA ${schema}`);
  }
  const name = schema;
  const store = await PostgresStore.open(withSchema(testDatabaseUrl(), name), { poolSize: 4 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await admin().query(
        `DELETE FROM ${name}.resources; DELETE FROM ${name}.child_counts; DELETE FROM ${name}.shares;
         DELETE FROM ${name}.tags; DELETE FROM ${name}.client_tokens; DELETE FROM ${name}.meta;`,
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
