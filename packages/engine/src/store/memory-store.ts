import type {
  MeshCursor,
  ResourceKey,
  ResourceRecord,
  ResourceScope,
  Store,
  StoredClientToken,
  StoredTag,
  StoredVersion,
  StoreReader,
  StoreWriter,
} from './store';
import { TransactionQueue } from './transaction-queue';

const SEP = '\u0000';

function scopeKeyOf(key: ResourceKey | ResourceScope): string {
  return [key.kind, key.meshOwner, key.kind === 'mesh' ? '' : key.meshName, key.parent].join(SEP);
}

function versionsKeyOf(key: ResourceKey): string {
  return [key.kind, key.meshOwner, key.meshName, key.parent, key.name].join(SEP);
}

function meshKeyOf(meshOwner: string, meshName: string): string {
  return `${meshOwner}${SEP}${meshName}`;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Keeps everything in process memory. Each `write` is atomic: an undo log rolls back every change
 * when the callback throws. Transactions take turns (`TransactionQueue`), so a read never sees a
 * write half done. Ordering matches `SqliteStore` (binary comparison of names).
 */
export class MemoryStore implements Store {
  readonly #resources = new Map<string, Map<string, ResourceRecord>>();
  readonly #shares = new Map<string, Set<string>>();
  readonly #tags = new Map<string, Map<string, string>>();
  readonly #tokens = new Map<string, StoredClientToken>();
  readonly #meta = new Map<string, string>();
  /** Each resource's history, oldest first, by `versionsKeyOf`. */
  readonly #versions = new Map<string, StoredVersion[]>();
  readonly #queue = new TransactionQueue();
  #undo: (() => void)[] | undefined;
  #closed = false;

  read<T>(fn: (reader: StoreReader) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => {
      this.#assertOpen();
      return await fn(this.#writer);
    });
  }

  write<T>(fn: (writer: StoreWriter) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => {
      this.#assertOpen();
      const undo: (() => void)[] = [];
      this.#undo = undo;
      try {
        return await fn(this.#writer);
      } catch (error) {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
        throw error;
      } finally {
        this.#undo = undefined;
      }
    });
  }

  async ping(): Promise<boolean> {
    return !this.#closed;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The store is closed.');
  }

  #record(undo: () => void): void {
    this.#undo?.push(undo);
  }

  /** Sets `map[key]` to `value` (or deletes it when undefined), logging the inverse. */
  #set<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const previous = map.get(key);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    this.#record(() => {
      if (had) map.set(key, previous as V);
      else map.delete(key);
    });
  }

  #children(scopeKey: string, create: boolean): Map<string, ResourceRecord> | undefined {
    let children = this.#resources.get(scopeKey);
    if (!children && create) {
      children = new Map();
      this.#set(this.#resources, scopeKey, children);
    }
    return children;
  }

  #allMeshes(): ResourceRecord[] {
    const meshes: ResourceRecord[] = [];
    for (const [scopeKey, children] of this.#resources) {
      if (scopeKey.startsWith(`mesh${SEP}`)) meshes.push(...children.values());
    }
    return meshes;
  }

  readonly #writer: StoreWriter = {
    getResource: async (key) => {
      const found = this.#resources.get(scopeKeyOf(key))?.get(key.name);
      return found ? copy(found) : undefined;
    },
    findByArn: async (arn) => {
      const found: ResourceRecord[] = [];
      for (const children of this.#resources.values()) {
        for (const record of children.values()) if (record.arn === arn) found.push(copy(record));
      }
      return found;
    },
    listResources: async (scope, after, limit) => {
      const children = this.#resources.get(scopeKeyOf(scope));
      if (!children) return [];
      return [...children.keys()]
        .filter((name) => after === undefined || name > after)
        .sort(byCodeUnit)
        .slice(0, limit)
        .map((name) => copy(children.get(name)!));
    },
    countResources: async (scope, max) => Math.min(this.#resources.get(scopeKeyOf(scope))?.size ?? 0, max),
    countOwnedMeshes: async (account, max) =>
      Math.min(
        this.#resources.get(scopeKeyOf({ kind: 'mesh', meshOwner: account, meshName: '', parent: '', name: '' }))
          ?.size ?? 0,
        max,
      ),
    listVisibleMeshes: async (account, after: MeshCursor | undefined, limit) =>
      this.#allMeshes()
        .filter(
          (mesh) =>
            mesh.meshOwner === account || this.#shares.get(meshKeyOf(mesh.meshOwner, mesh.meshName))?.has(account),
        )
        .filter(
          (mesh) =>
            after === undefined ||
            mesh.meshName > after.meshName ||
            (mesh.meshName === after.meshName && mesh.meshOwner > after.meshOwner),
        )
        .sort((a, b) => byCodeUnit(a.meshName, b.meshName) || byCodeUnit(a.meshOwner, b.meshOwner))
        .slice(0, limit)
        .map(copy),
    findRoutesTargeting: async (meshOwner, meshName, virtualServiceName, limit) => {
      const found: ResourceRecord[] = [];
      for (const children of this.#resources.values()) {
        for (const record of children.values()) {
          if (
            record.kind === 'gatewayRoute' &&
            record.meshOwner === meshOwner &&
            record.meshName === meshName &&
            record.target === virtualServiceName
          ) {
            found.push(record);
          }
        }
      }
      return found
        .sort((a, b) => byCodeUnit(a.parent, b.parent) || byCodeUnit(a.name, b.name))
        .slice(0, limit)
        .map(copy);
    },
    isSharedWith: async (meshOwner, meshName, account) =>
      this.#shares.get(meshKeyOf(meshOwner, meshName))?.has(account) ?? false,
    listShares: async (meshOwner, meshName) =>
      [...(this.#shares.get(meshKeyOf(meshOwner, meshName)) ?? [])].sort(byCodeUnit),
    listTags: async (uid, afterKey, limit) => {
      const tags = this.#tags.get(uid);
      if (!tags) return [];
      return [...tags.entries()]
        .filter(([key]) => afterKey === undefined || key > afterKey)
        .sort(([a], [b]) => byCodeUnit(a, b))
        .slice(0, limit)
        .map(([key, value]): StoredTag => ({ key, value }));
    },
    countTags: async (uid) => this.#tags.get(uid)?.size ?? 0,
    getClientToken: async (account, token) => {
      const found = this.#tokens.get(`${account}${SEP}${token}`);
      return found ? copy(found) : undefined;
    },
    getMeta: async (key) => this.#meta.get(key),
    listVersions: async (key, before, limit) =>
      (this.#versions.get(versionsKeyOf(key)) ?? [])
        .filter((entry) => before === undefined || entry.version < before)
        .reverse()
        .slice(0, limit)
        .map(copy),
    isEmpty: async () => [...this.#resources.values()].every((children) => children.size === 0),

    insertResource: async (record) => {
      const children = this.#children(scopeKeyOf(record), true)!;
      if (children.has(record.name)) throw new Error('duplicate resource key');
      this.#set(children, record.name, copy(record));
    },
    updateResource: async (record) => {
      const children = this.#children(scopeKeyOf(record), false);
      if (!children?.has(record.name)) throw new Error('missing resource key');
      this.#set(children, record.name, copy(record));
    },
    deleteResource: async (key) => {
      const children = this.#children(scopeKeyOf(key), false);
      if (children?.has(key.name)) this.#set(children, key.name, undefined);
    },
    addShare: async (meshOwner, meshName, account) => {
      const key = meshKeyOf(meshOwner, meshName);
      const next = new Set(this.#shares.get(key));
      next.add(account);
      this.#set(this.#shares, key, next);
    },
    removeShares: async (meshOwner, meshName) => this.#set(this.#shares, meshKeyOf(meshOwner, meshName), undefined),
    putTags: async (uid, tags) => {
      const next = new Map(this.#tags.get(uid));
      for (const tag of tags) next.set(tag.key, tag.value);
      this.#set(this.#tags, uid, next);
    },
    removeTags: async (uid, keys) => {
      const next = new Map(this.#tags.get(uid));
      for (const key of keys) next.delete(key);
      this.#set(this.#tags, uid, next.size > 0 ? next : undefined);
    },
    removeAllTags: async (uid) => this.#set(this.#tags, uid, undefined),
    putClientToken: async (account, token, value) => this.#set(this.#tokens, `${account}${SEP}${token}`, copy(value)),
    expireClientTokens: async (before) => {
      for (const [key, value] of [...this.#tokens])
        if (value.createdAt < before) this.#set(this.#tokens, key, undefined);
    },
    setMeta: async (key, value) => this.#set(this.#meta, key, value),
    addVersion: async (key, entry, keep) => {
      const id = versionsKeyOf(key);
      const kept = (this.#versions.get(id) ?? []).filter(
        (old) => old.version !== entry.version && old.version > entry.version - keep,
      );
      this.#set(this.#versions, id, [...kept, copy(entry)]);
    },
    clearVersions: async (key) => this.#set(this.#versions, versionsKeyOf(key), undefined),
    wipe: async () => {
      const maps = [this.#resources, this.#shares, this.#tags, this.#tokens, this.#versions] as Map<string, unknown>[];
      for (const map of maps) {
        for (const key of [...map.keys()]) this.#set(map, key, undefined);
      }
    },
  };
}
