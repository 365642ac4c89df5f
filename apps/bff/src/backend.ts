// Builds the mesh backend the configuration asks for: the embedded mock mesh (a SQLite file, memory, or
// a PostgreSQL database shared by several replicas) or the real-mesh adapter over @aws-sdk/client-app-mesh.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createEngine,
  DatabaseFileError,
  type Engine,
  isPostgresUrl,
  MemoryStore,
  PostgresStore,
  type Quotas,
  SqliteStore,
  type Store,
} from '@meshconsole/engine';
import { isAppMeshError, type MeshApi, type Via } from '@meshconsole/model';
import { createAppMeshAdapter } from './backends/appmesh-adapter.js';
import { type Config, MEMORY_STORE } from './config.js';
import type { Logger } from './logger.js';

export interface Backend {
  /**
   * The MeshApi for a caller account and the surface it calls through (`console` or `api`, kept in the
   * history of what it changes). The adapter ignores both: the SDK's credentials decide.
   */
  meshApiFor: (accountId: string, via: Via) => MeshApi;
  /** The local engine; undefined with MESH_BACKEND=appmesh. */
  engine: Engine | undefined;
  /** Readiness: the store answers (local), always true for the adapter. Never rejects. */
  ping: () => Promise<boolean>;
  close: () => Promise<void>;
}

/** The store MESH_DB names: a PostgreSQL database (migrated on open), or a SQLite file (its folder created). */
async function openStore(config: Config): Promise<Store> {
  if (isPostgresUrl(config.meshDb)) return PostgresStore.open(config.meshDb, { poolSize: config.meshDbPoolSize });
  // An in-process store with no native code (the Playwright kit's servers): nothing on disk, gone at exit.
  if (config.meshDb === MEMORY_STORE) return new MemoryStore();
  if (config.meshDb !== ':memory:') {
    try {
      mkdirSync(dirname(config.meshDb), { recursive: true });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const denied = code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
      throw new DatabaseFileError(denied ? 'folder-read-only' : 'cannot-open', config.meshDb, (err as Error).message);
    }
  }
  return new SqliteStore(config.meshDb);
}

/** The seed document SEED names, parsed as JSON; a missing or unreadable file names SEED and the file. */
function readSeedFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SeedFileError(
      `SEED names ${file}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SeedFileError(`SEED names ${file}, which is not JSON: ${(err as Error).message}`);
  }
}

/** SEED=<path> names a file that cannot be read, is not JSON, or is not a valid seed document. */
export class SeedFileError extends Error {
  override name = 'SeedFileError';
}

/** Opens the local mesh: the store MESH_DB names, quotas, demo seed once on an empty store. */
export async function createLocalBackend(config: Config, logger?: Logger): Promise<Backend> {
  const store = await openStore(config);
  let engine: Engine;
  try {
    engine = createEngine({
      store,
      region: config.region,
      quotas: config.quotas as Partial<Quotas>,
      fixedTime: config.fixedTime,
      fixedIds: config.fixedIds,
      historyVersions: config.historyVersions,
    });
    if (config.seed === 'demo' && (await engine.isEmpty())) {
      await engine.seedDemo(config.accountId);
      logger?.info({ accountId: config.accountId }, 'seeded the demo data into an empty store');
    }
    if (config.seed === 'file' && config.seedFile && (await engine.isEmpty())) {
      const seedFile = config.seedFile;
      const created = await engine.applySeed(readSeedFile(seedFile), config.accountId).catch((err: unknown) => {
        if (isAppMeshError(err) && err.name === 'BadRequestException') {
          throw new SeedFileError(`SEED names ${seedFile}, which is refused: ${err.message}`);
        }
        throw err;
      });
      logger?.info({ seedFile: config.seedFile, ...created }, 'loaded the seed document into an empty store');
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  const apis = new Map<string, MeshApi>();
  return {
    meshApiFor: (accountId, via) => {
      const key = `${via}:${accountId}`;
      let api = apis.get(key);
      if (!api) {
        api = engine.forCaller(accountId, { via });
        if (apis.size < 1000) apis.set(key, api);
      }
      return api;
    },
    engine,
    ping: () => engine.ping(),
    close: () => engine.close(),
  };
}

export function createAppMeshBackend(config: Config): Backend {
  const adapter = createAppMeshAdapter({ region: config.region, endpoint: config.appmeshEndpoint });
  return {
    meshApiFor: () => adapter,
    engine: undefined,
    ping: async () => true,
    close: async () => adapter.close(),
  };
}

export async function createBackend(config: Config, logger?: Logger): Promise<Backend> {
  return config.meshBackend === 'local' ? createLocalBackend(config, logger) : createAppMeshBackend(config);
}
