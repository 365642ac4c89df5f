/**
 * The storage port of the mock mesh. A store keeps records; it knows nothing about App Mesh rules
 * (owners, quotas, in-use checks, idempotency): those live in the engine, once, above every store.
 *
 * Every call happens inside `read` or `write`. `write` is one atomic, isolated transaction: for
 * `SqliteStore` a `BEGIN IMMEDIATE` transaction committed with `synchronous=FULL`, so when `write`
 * returns the mutation is durable; when the callback throws, nothing it did is kept.
 * Timestamps in records are milliseconds since the epoch.
 */

export type ResourceKind = 'mesh' | 'virtualService' | 'virtualGateway' | 'gatewayRoute';

/** Identifies one resource. Meshes use `meshName === name` and `parent === ''`. */
export interface ResourceKey {
  kind: ResourceKind;
  meshOwner: string;
  meshName: string;
  /** The virtual gateway of a gateway route; `''` for every other kind. */
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

/** A position in the mesh list, which is ordered by (meshName, meshOwner). */
export interface MeshCursor {
  meshName: string;
  meshOwner: string;
}

export interface StoreReader {
  getResource(key: ResourceKey): ResourceRecord | undefined;
  /** Resources whose ARN is `arn` (an ARN names the resource owner, so it can be ambiguous across meshes). */
  findByArn(arn: string): ResourceRecord[];
  /** Up to `limit` children of `scope` with a name greater than `after`, in name order. */
  listResources(scope: ResourceScope, after: string | undefined, limit: number): ResourceRecord[];
  /** The number of children of `scope`, counting no further than `max`. */
  countResources(scope: ResourceScope, max: number): number;
  /** The number of meshes `account` owns, counting no further than `max`. */
  countOwnedMeshes(account: string, max: number): number;
  /** Meshes owned by or shared with `account`, ordered by (meshName, meshOwner), after `after`. */
  listVisibleMeshes(account: string, after: MeshCursor | undefined, limit: number): ResourceRecord[];
  /** Gateway routes in a mesh that target the virtual service `virtualServiceName`. */
  findRoutesTargeting(meshOwner: string, meshName: string, virtualServiceName: string, limit: number): ResourceRecord[];
  isSharedWith(meshOwner: string, meshName: string, account: string): boolean;
  listShares(meshOwner: string, meshName: string): string[];
  /** Tags of the resource with this uid, ordered by key, after `afterKey`. */
  listTags(uid: string, afterKey: string | undefined, limit: number): StoredTag[];
  countTags(uid: string): number;
  getClientToken(account: string, token: string): StoredClientToken | undefined;
  getMeta(key: string): string | undefined;
  /** True when the store holds no resources at all. */
  isEmpty(): boolean;
}

export interface StoreWriter extends StoreReader {
  /** Inserts a resource; the engine has checked that the key is free. */
  insertResource(record: ResourceRecord): void;
  /** Replaces the resource with the same key. */
  updateResource(record: ResourceRecord): void;
  deleteResource(key: ResourceKey): void;
  addShare(meshOwner: string, meshName: string, account: string): void;
  removeShares(meshOwner: string, meshName: string): void;
  /** Sets (inserts or replaces) tags by key. */
  putTags(uid: string, tags: readonly StoredTag[]): void;
  removeTags(uid: string, keys: readonly string[]): void;
  removeAllTags(uid: string): void;
  putClientToken(account: string, token: string, value: StoredClientToken): void;
  /** Forgets client tokens created before `before` (ms). */
  expireClientTokens(before: number): void;
  setMeta(key: string, value: string): void;
  /** Deletes every resource, share, tag and client token (meta survives unless overwritten). */
  wipe(): void;
}

export interface Store {
  read<T>(fn: (reader: StoreReader) => T): T;
  write<T>(fn: (writer: StoreWriter) => T): T;
  /** True when the store answers a trivial query. */
  ping(): boolean;
  close(): void;
}
