export { type DeleteTarget, planDelete, runDeletePlan } from './delete-plan';
export { DEMO_MESH, DEMO_SHARED_MESH, DEMO_SHARING_ACCOUNT, demoSharingAccount } from './demo-seed';
export {
  type CallerContext,
  type CallerMeshApi,
  CLIENT_TOKEN_TTL_MS,
  createEngine,
  type Determinism,
  type Engine,
  type EngineOptions,
  fixedUid,
} from './engine';
export { DEFAULT_HISTORY_VERSIONS } from './history';
export { TOKEN_TTL_MS } from './pagination';
export { DEFAULT_QUOTAS, type Quotas } from './quotas';
export type { SeedSummary } from './seed-document';
export { MemoryStore } from './store/memory-store';
export { isPostgresUrl, PostgresStore, type PostgresStoreOptions } from './store/postgres-store';
export {
  DatabaseFileError,
  type DatabaseFileProblem,
  LATEST_SCHEMA_VERSION,
  MESHCONSOLE_APPLICATION_ID,
} from './store/sqlite-file';
export { SqliteStore, type SqliteStoreOptions } from './store/sqlite-store';
export type {
  MeshCursor,
  ResourceKey,
  ResourceKind,
  ResourceRecord,
  ResourceScope,
  Store,
  StoredClientToken,
  StoredTag,
  StoredVersion,
  StoreReader,
  StoreWriter,
  Via,
  WriteOptions,
} from './store/store';
export { DatabaseSchemaError, StoreUnavailableError } from './store/store';
