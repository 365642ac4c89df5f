import type { Via } from '@meshconsole/model';

/**
 * The storage port of the mock mesh. A store keeps records; it knows nothing about App Mesh rules
 * (owners, quotas, in-use checks, idempotency): those live in the engine, once, above every store.
 *
 * The port is asynchronous, so that a networked store (PostgreSQL) fits beside the embedded ones.
 * Every call happens inside `read` or `write`:
 * - `write` is one atomic transaction, serializable with every other write (in this process and in
 *   any other process on the same database): `SqliteStore` takes SQLite's write lock
 *   (`BEGIN IMMEDIATE`) and commits with `synchronous=FULL`; `PostgresStore` runs a `SERIALIZABLE`
 *   transaction. When `write` resolves, the mutation is durable; when the callback throws, nothing it
 *   did is kept. The callback may run more than once (PostgreSQL retries a transaction that lost a
 *   serialization conflict), so it must act only through the writer it is given.
 * - `read` sees one consistent snapshot for all of its calls.
 * - A callback must not call `read` or `write` of the same store (use the reader or writer it got).
 * - A temporary failure (database busy, unreachable, or too contended) rejects with
 *   `StoreUnavailableError`; anything else is a bug or a broken store.
 * Timestamps in records are milliseconds since the epoch.
 */

export type ResourceKind =
  | 'mesh'
  | 'virtualService'
  | 'virtualGateway'
  | 'gatewayRoute'
  | 'virtualNode'
  | 'virtualRouter'
  | 'route';

/** Identifies one resource. Meshes use `meshName === name` and `parent === ''`. */
export interface ResourceKey {
  kind: ResourceKind;
  meshOwner: string;
  meshName: string;
  /** The virtual gateway of a gateway route, the virtual router of a route; `''` for every other kind. */
  parent: string;
  name: string;
}

/** The children of one parent, in name order. */
export interface ResourceScope {
  kind: Exclude<ResourceKind, 'mesh'>;
  meshOwner: string;
  meshName: string;
  parent: string;
}

export interface ResourceRecord extends ResourceKey {
  arn: string;
  uid: string;
  resourceOwner: string;
  version: number;
  createdAt: number;
  lastUpdatedAt: number;
  /** The spec as validated by the model (plain JSON). */
  spec: unknown;
  /** For gateway routes: the name of the virtual service the route targets. */
  target: string | null;
}

export interface StoredTag {
  key: string;
  value: string;
}

export interface StoredClientToken {
  fingerprint: string;
  /** The JSON-serialisable result returned the first time. */
  result: unknown;
  createdAt: number;
}

/** Which surface a change came through: the console API (`/api`) or the App Mesh API (`/v20190125`). */
export type { Via };

/** One version of a resource as its history keeps it (`listVersions`). */
export interface StoredVersion {
  version: number;
  /** The resource's uid at that version (a re-created name has a new uid and a new history). */
  uid: string;
  resourceOwner: string;
  /** When the version was written (ms). */
  at: number;
  /** The account that wrote it, and through which surface. */
  account: string;
  via: Via;
  status: 'ACTIVE' | 'DELETED';
  /** The spec at that version (plain JSON). */
  spec: unknown;
  /** The resource's tags when the version was written, ordered by key. */
  tags: StoredTag[];
}

/** A position in the mesh list, which is ordered by (meshName, meshOwner). */
export interface MeshCursor {
  meshName: string;
  meshOwner: string;
}

export interface StoreReader {
  getResource(key: ResourceKey): Promise<ResourceRecord | undefined>;
  /** Resources whose ARN is `arn` (an ARN names the resource owner, so it can be ambiguous across meshes). */
  findByArn(arn: string): Promise<ResourceRecord[]>;
  /** Up to `limit` children of `scope` with a name greater than `after`, in name order. */
  listResources(scope: ResourceScope, after: string | undefined, limit: number): Promise<ResourceRecord[]>;
  /** The number of children of `scope`, counting no further than `max`. */
  countResources(scope: ResourceScope, max: number): Promise<number>;
  /** The number of meshes `account` owns, counting no further than `max`. */
  countOwnedMeshes(account: string, max: number): Promise<number>;
  /** Meshes owned by or shared with `account`, ordered by (meshName, meshOwner), after `after`. */
  listVisibleMeshes(account: string, after: MeshCursor | undefined, limit: number): Promise<ResourceRecord[]>;
  /** Gateway routes in a mesh that target the virtual service `virtualServiceName`. */
  findRoutesTargeting(
    meshOwner: string,
    meshName: string,
    virtualServiceName: string,
    limit: number,
  ): Promise<ResourceRecord[]>;
  isSharedWith(meshOwner: string, meshName: string, account: string): Promise<boolean>;
  listShares(meshOwner: string, meshName: string): Promise<string[]>;
  /** Tags of the resource with this uid, ordered by key, after `afterKey`. */
  listTags(uid: string, afterKey: string | undefined, limit: number): Promise<StoredTag[]>;
  countTags(uid: string): Promise<number>;
  getClientToken(account: string, token: string): Promise<StoredClientToken | undefined>;
  getMeta(key: string): Promise<string | undefined>;
  /** Versions kept for the resource `key` names, newest first, with a version below `before`. */
  listVersions(key: ResourceKey, before: number | undefined, limit: number): Promise<StoredVersion[]>;
  /** True when the store holds no resources at all. */
  isEmpty(): Promise<boolean>;
}

export interface StoreWriter extends StoreReader {
  /** Inserts a resource; the engine has checked that the key is free. */
  insertResource(record: ResourceRecord): Promise<void>;
  /** Replaces the resource with the same key. */
  updateResource(record: ResourceRecord): Promise<void>;
  deleteResource(key: ResourceKey): Promise<void>;
  addShare(meshOwner: string, meshName: string, account: string): Promise<void>;
  removeShares(meshOwner: string, meshName: string): Promise<void>;
  /** Sets (inserts or replaces) tags by key. */
  putTags(uid: string, tags: readonly StoredTag[]): Promise<void>;
  removeTags(uid: string, keys: readonly string[]): Promise<void>;
  removeAllTags(uid: string): Promise<void>;
  putClientToken(account: string, token: string, value: StoredClientToken): Promise<void>;
  /** Forgets client tokens created before `before` (ms). */
  expireClientTokens(before: number): Promise<void>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Appends a version to the history of `key` and forgets the versions `keep` or more below it (so at
   * most `keep` remain). The engine writes versions in increasing order.
   */
  addVersion(key: ResourceKey, entry: StoredVersion, keep: number): Promise<void>;
  /** Forgets the whole history of `key` (a new resource of that name begins a new one). */
  clearVersions(key: ResourceKey): Promise<void>;
  /** Deletes every resource, share, tag, client token and version (meta survives unless overwritten). */
  wipe(): Promise<void>;
}

/** How a write describes itself to the store. */
export interface WriteOptions {
  /**
   * Writes in one lane are likely to touch the same records (the engine's lane is the mesh). A store
   * whose writes run concurrently (PostgreSQL) queues them one after another instead of letting them
   * conflict and retry; correctness never depends on it, only the wasted work does.
   */
  lane?: string;
}

export interface Store {
  read<T>(fn: (reader: StoreReader) => Promise<T>): Promise<T>;
  write<T>(fn: (writer: StoreWriter) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** True when the store answers a trivial query; never rejects. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * A temporary failure of the store: busy past its timeout, unreachable, or a transaction that kept
 * losing serialization conflicts. The request may succeed when tried again; the engine answers
 * `ServiceUnavailableException`. The original error is kept in `cause` (for logs, never for clients).
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/**
 * The PostgreSQL database cannot be used by this program, and nothing was changed in it: its schema
 * was made by a newer meshconsole (`newer-schema`, with the database's version and the newest this
 * program reads), or the server is older than PostgreSQL 12 (`old-server`, with the server's
 * `server_version_num`).
 */
export class DatabaseSchemaError extends Error {
  override name = 'DatabaseSchemaError';
  constructor(
    readonly problem: 'newer-schema' | 'old-server',
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      problem === 'newer-schema'
        ? `The database schema version ${found} is newer than this program supports (${supported}).`
        : `meshconsole needs PostgreSQL 12 or newer (the server is version ${found}).`,
    );
  }
}
