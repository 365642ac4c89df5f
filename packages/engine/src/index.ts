export { type DeleteTarget, planDelete, runDeletePlan } from './delete-plan';
export { DEMO_MESH, DEMO_SHARED_MESH, DEMO_SHARING_ACCOUNT, demoSharingAccount } from './demo-seed';
export {
  type CallerContext,
  type CallerMeshApi,
  CLIENT_TOKEN_TTL_MS,
  createEngine,
  type Engine,
  type EngineOptions,
} from './engine';
export { DEFAULT_HISTORY_VERSIONS } from './history';
export { TOKEN_TTL_MS } from './pagination';
export { DEFAULT_QUOTAS, type Quotas } from './quotas';
export { MemoryStore } from './store/memory-store';
export { isPostgresUrl, PostgresStore, type PostgresStoreOptions } from './store/postgres-store';
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
export { StoreUnavailableError } from './store/store';
