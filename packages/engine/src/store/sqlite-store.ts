import Database from 'better-sqlite3';
import { fromRow, type ResourceRow } from './resource-row';
import { asDatabaseFileError, checkDatabaseFile, DatabaseFileError, MESHCONSOLE_APPLICATION_ID } from './sqlite-file';
import { MIGRATIONS } from './sqlite-migrations';
import {
  type MeshCursor,
  type ResourceKey,
  type ResourceRecord,
  type ResourceScope,
  type Store,
  type StoredClientToken,
  type StoredTag,
  type StoredVersion,
  type StoreReader,
  StoreUnavailableError,
  type StoreWriter,
} from './store';
import { TransactionQueue } from './transaction-queue';

/**
 * A row read where its key columns (kind, mesh owner, mesh name, parent) are known from the query, as
 * an array in `SCOPED_COLUMNS` order (better-sqlite3's raw mode: no object per row to build).
 */
type ScopedRow = [
  name: string,
  arn: string,
  uid: string,
  resourceOwner: string,
  version: number,
  createdAt: number,
  lastUpdatedAt: number,
  spec: string,
  target: string | null,
];

/**
 * A record from a row of `scope`: the query already fixed the key columns, so they are not read back
 * (fewer values to copy out of SQLite per row, which is most of a list's cost).
 */
function fromScopedRow(scope: ResourceScope | ResourceKey, row: ScopedRow): ResourceRecord {
  return {
    kind: scope.kind,
    meshOwner: scope.meshOwner,
    meshName: scope.meshName,
    parent: scope.parent,
    name: row[0],
    arn: row[1],
    uid: row[2],
    resourceOwner: row[3],
    version: row[4],
    createdAt: row[5],
    lastUpdatedAt: row[6],
    spec: JSON.parse(row[7]),
    target: row[8],
  };
}

function toRow(record: ResourceRecord): ResourceRow {
  return {
    kind: record.kind,
    mesh_owner: record.meshOwner,
    mesh_name: record.meshName,
    parent: record.parent,
    name: record.name,
    arn: record.arn,
    uid: record.uid,
    resource_owner: record.resourceOwner,
    version: record.version,
    created_at: record.createdAt,
    last_updated_at: record.lastUpdatedAt,
    spec: JSON.stringify(record.spec),
    target: record.target,
  };
}

function keyParams(key: ResourceKey) {
  return { kind: key.kind, mesh_owner: key.meshOwner, mesh_name: key.meshName, parent: key.parent, name: key.name };
}

function scopeParams(scope: ResourceScope) {
  return { kind: scope.kind, mesh_owner: scope.meshOwner, mesh_name: scope.meshName, parent: scope.parent };
}

export interface SqliteStoreOptions {
  /** How long a writer waits for another connection's lock before giving up (ms). Default 5000. */
  busyTimeoutMs?: number;
}

/** SQLite's "the database is locked" after the busy timeout: another connection holds the write lock. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The durable store: one SQLite file (better-sqlite3), WAL journal, `synchronous=FULL` so every
 * committed transaction survives a crash or `kill -9`, `busy_timeout` so several connections or
 * processes can share the file. Writes run in `BEGIN IMMEDIATE` transactions (one per mutation);
 * reads spanning several queries run in one deferred transaction (a consistent snapshot). The
 * process has one connection, so its transactions take turns (`TransactionQueue`); other
 * processes on the file wait for SQLite's lock. `':memory:'` opens a throwaway database.
 */
export class SqliteStore implements Store {
  readonly #db: Database.Database;
  readonly #statements: ReturnType<typeof prepare>;
  readonly #accessor: StoreWriter;
  readonly #queue = new TransactionQueue();

  /**
   * Opens `file` (created if missing). A file that is not meshconsole's database, or cannot be used,
   * is refused with a `DatabaseFileError` before anything is written to it (`checkDatabaseFile`).
   */
  constructor(file: string, options: SqliteStoreOptions = {}) {
    const onDisk = file !== ':memory:' && file !== '';
    const state = onDisk ? checkDatabaseFile(file) : 'new';
    try {
      this.#db = new Database(file);
    } catch (error) {
      throw onDisk ? asDatabaseFileError(file, error) : error;
    }
    try {
      this.#db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      if (state === 'own') {
        const check = String(this.#db.pragma('quick_check(1)', { simple: true }));
        if (check !== 'ok') throw new DatabaseFileError('damaged', file, check);
      }
      if (onDisk) this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      this.#db.pragma('foreign_keys = ON');
      migrate(this.#db);
    } catch (error) {
      this.#db.close();
      throw onDisk ? asDatabaseFileError(file, error) : error;
    }
    this.#statements = prepare(this.#db);
    this.#accessor = this.#makeAccessor();
  }

  /** The schema version reached by the migrations. */
  get schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  /** The connection's durability settings, as SQLite reports them. */
  settings(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA'; busyTimeoutMs: number } {
    const synchronous = this.#db.pragma('synchronous', { simple: true }) as number;
    return {
      journalMode: String(this.#db.pragma('journal_mode', { simple: true })),
      synchronous: (['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const)[synchronous] ?? 'OFF',
      busyTimeoutMs: this.#db.pragma('busy_timeout', { simple: true }) as number,
    };
  }

  /** Runs `PRAGMA integrity_check` and returns its first line (`ok` when healthy). */
  integrityCheck(): string {
    return String(this.#db.pragma('integrity_check', { simple: true }));
  }

  read<T>(fn: (reader: StoreReader) => Promise<T>): Promise<T> {
    return this.#transaction(this.#statements.beginDeferred, fn);
  }

  write<T>(fn: (writer: StoreWriter) => Promise<T>): Promise<T> {
    return this.#transaction(this.#statements.beginImmediate, fn);
  }

  /** One transaction, its turn on the connection from `BEGIN` to `COMMIT` (or `ROLLBACK` when `fn` throws). */
  #transaction<T>(begin: Database.Statement, fn: (accessor: StoreWriter) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => {
      try {
        begin.run();
        try {
          const result = await fn(this.#accessor);
          this.#statements.commit.run();
          return result;
        } finally {
          if (this.#db.open && this.#db.inTransaction) this.#statements.rollback.run();
        }
      } catch (error) {
        if (isBusy(error)) throw new StoreUnavailableError('The database is busy.', error);
        throw error;
      }
    });
  }

  async ping(): Promise<boolean> {
    try {
      return this.#statements.ping.get() !== undefined;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    // Let transactions already queued finish first, so closing never cuts one in half.
    await this.#queue.run(async () => {
      if (this.#db.open) this.#db.close();
    });
  }

  #makeAccessor(): StoreWriter {
    const s = this.#statements;
    return {
      getResource: async (key) => {
        const row = s.getResource.get(keyParams(key)) as ScopedRow | undefined;
        return row ? fromScopedRow(key, row) : undefined;
      },
      findByArn: async (arn) => (s.findByArn.all({ arn }) as ResourceRow[]).map(fromRow),
      listResources: async (scope, after, limit) =>
        (after === undefined
          ? (s.listFirst.all({ ...scopeParams(scope), limit }) as ScopedRow[])
          : (s.listAfter.all({ ...scopeParams(scope), after, limit }) as ScopedRow[])
        ).map((row) => fromScopedRow(scope, row)),
      countResources: async (scope, max) => (s.countResources.get({ ...scopeParams(scope), max }) as { n: number }).n,
      countOwnedMeshes: async (account, max) => (s.countOwnedMeshes.get({ account, max }) as { n: number }).n,
      listVisibleMeshes: async (account, after: MeshCursor | undefined, limit) =>
        (after === undefined
          ? (s.listMeshesFirst.all({ account, limit }) as ResourceRow[])
          : (s.listMeshesAfter.all({
              account,
              limit,
              after_name: after.meshName,
              after_owner: after.meshOwner,
            }) as ResourceRow[])
        ).map(fromRow),
      findRoutesTargeting: async (meshOwner, meshName, target, limit) =>
        (s.findRoutesTargeting.all({ mesh_owner: meshOwner, mesh_name: meshName, target, limit }) as ResourceRow[]).map(
          fromRow,
        ),
      isSharedWith: async (meshOwner, meshName, account) =>
        s.isSharedWith.get({ mesh_owner: meshOwner, mesh_name: meshName, account }) !== undefined,
      listShares: async (meshOwner, meshName) =>
        (s.listShares.all({ mesh_owner: meshOwner, mesh_name: meshName }) as { account: string }[]).map(
          (row) => row.account,
        ),
      listTags: async (uid, afterKey, limit) =>
        afterKey === undefined
          ? (s.listTagsFirst.all({ uid, limit }) as StoredTag[])
          : (s.listTagsAfter.all({ uid, after: afterKey, limit }) as StoredTag[]),
      countTags: async (uid) => (s.countTags.get({ uid }) as { n: number }).n,
      getClientToken: async (account, token) => {
        const row = s.getClientToken.get({ account, token }) as
          | { fingerprint: string; result: string; created_at: number }
          | undefined;
        return row
          ? ({
              fingerprint: row.fingerprint,
              result: JSON.parse(row.result),
              createdAt: row.created_at,
            } satisfies StoredClientToken)
          : undefined;
      },
      getMeta: async (key) => (s.getMeta.get({ key }) as { value: string } | undefined)?.value,
      listVersions: async (key, before, limit) =>
        (
          s.listVersions.all({ ...keyParams(key), before: before ?? Number.MAX_SAFE_INTEGER, limit }) as VersionRow[]
        ).map(fromVersionRow),
      isEmpty: async () => s.anyResource.get() === undefined,

      insertResource: async (record) => {
        s.insertResource.run(toRow(record));
      },
      updateResource: async (record) => {
        const result = s.updateResource.run(toRow(record));
        if (result.changes !== 1) throw new Error('missing resource key');
      },
      deleteResource: async (key) => {
        s.deleteResource.run(keyParams(key));
      },
      addShare: async (meshOwner, meshName, account) => {
        s.addShare.run({ mesh_owner: meshOwner, mesh_name: meshName, account });
      },
      removeShares: async (meshOwner, meshName) => {
        s.removeShares.run({ mesh_owner: meshOwner, mesh_name: meshName });
      },
      putTags: async (uid, tags) => {
        for (const tag of tags) s.putTag.run({ uid, key: tag.key, value: tag.value });
      },
      removeTags: async (uid, keys) => {
        for (const key of keys) s.removeTag.run({ uid, key });
      },
      removeAllTags: async (uid) => {
        s.removeAllTags.run({ uid });
      },
      putClientToken: async (account, token, value) => {
        s.putClientToken.run({
          account,
          token,
          fingerprint: value.fingerprint,
          result: JSON.stringify(value.result),
          created_at: value.createdAt,
        });
      },
      expireClientTokens: async (before) => {
        s.expireClientTokens.run({ before });
      },
      setMeta: async (key, value) => {
        s.setMeta.run({ key, value });
      },
      addVersion: async (key, entry, keep) => {
        s.addVersion.run({ ...keyParams(key), ...toVersionRow(entry) });
        // Versions run 1, 2, ... per resource: below `keep` there is nothing to forget yet.
        if (entry.version > keep) s.pruneVersions.run({ ...keyParams(key), below: entry.version - keep + 1 });
      },
      clearVersions: async (key) => {
        s.clearVersions.run(keyParams(key));
      },
      wipe: async () => {
        this.#db.exec(
          'DELETE FROM resources; DELETE FROM child_counts; DELETE FROM shares; DELETE FROM tags; DELETE FROM client_tokens; DELETE FROM versions;',
        );
      },
    };
  }
}

/** A `versions` row without its key columns (the query's own). */
interface VersionRow {
  version: number;
  uid: string;
  resource_owner: string;
  at: number;
  account: string;
  via: StoredVersion['via'];
  status: StoredVersion['status'];
  spec: string;
  tags: string;
}

function toVersionRow(entry: StoredVersion): VersionRow {
  const { resourceOwner, ...rest } = entry;
  return { ...rest, resource_owner: resourceOwner, spec: JSON.stringify(entry.spec), tags: JSON.stringify(entry.tags) };
}

function fromVersionRow(row: VersionRow): StoredVersion {
  const { resource_owner, ...rest } = row;
  return { ...rest, resourceOwner: resource_owner, spec: JSON.parse(row.spec), tags: JSON.parse(row.tags) };
}

function migrate(db: Database.Database): void {
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new Error(`The database schema version ${current} is newer than this program supports (${latest}).`);
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    // Files made before the id existed get it here (checkDatabaseFile recognised them by their schema).
    if (db.pragma('application_id', { simple: true }) !== MESHCONSOLE_APPLICATION_ID) {
      db.pragma(`application_id = ${MESHCONSOLE_APPLICATION_ID}`);
    }
  });
  run.immediate();
}

const RESOURCE_COLUMNS =
  'kind, mesh_owner, mesh_name, parent, name, arn, uid, resource_owner, version, created_at, last_updated_at, spec, target';
/** The columns a query by key or scope reads back (the key columns are the query's own), in `ScopedRow` order. */
const SCOPED_COLUMNS = 'name, arn, uid, resource_owner, version, created_at, last_updated_at, spec, target';
const SCOPE = 'kind = @kind AND mesh_owner = @mesh_owner AND mesh_name = @mesh_name AND parent = @parent';
const VISIBLE_MESH = `kind = 'mesh' AND (mesh_owner = @account OR EXISTS (
  SELECT 1 FROM shares s WHERE s.mesh_owner = r.mesh_owner AND s.mesh_name = r.mesh_name AND s.account = @account))`;

function prepare(db: Database.Database) {
  return {
    ping: db.prepare('SELECT 1 AS ok'),
    beginDeferred: db.prepare('BEGIN DEFERRED'),
    beginImmediate: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    getResource: db.prepare(`SELECT ${SCOPED_COLUMNS} FROM resources WHERE ${SCOPE} AND name = @name`).raw(true),
    findByArn: db.prepare(`SELECT ${RESOURCE_COLUMNS} FROM resources WHERE arn = @arn`),
    listFirst: db
      .prepare(`SELECT ${SCOPED_COLUMNS} FROM resources WHERE ${SCOPE} ORDER BY name LIMIT @limit`)
      .raw(true),
    listAfter: db
      .prepare(`SELECT ${SCOPED_COLUMNS} FROM resources WHERE ${SCOPE} AND name > @after ORDER BY name LIMIT @limit`)
      .raw(true),
    countResources: db.prepare(`SELECT min(coalesce((SELECT n FROM child_counts WHERE ${SCOPE}), 0), @max) AS n`),
    countOwnedMeshes: db.prepare(
      `SELECT min(coalesce((SELECT n FROM child_counts WHERE kind = 'mesh' AND mesh_owner = @account
       AND mesh_name = '' AND parent = ''), 0), @max) AS n`,
    ),
    listMeshesFirst: db.prepare(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE ${VISIBLE_MESH} ORDER BY mesh_name, mesh_owner LIMIT @limit`,
    ),
    listMeshesAfter: db.prepare(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE ${VISIBLE_MESH}
       AND (mesh_name, mesh_owner) > (@after_name, @after_owner) ORDER BY mesh_name, mesh_owner LIMIT @limit`,
    ),
    findRoutesTargeting: db.prepare(
      `SELECT ${RESOURCE_COLUMNS} FROM resources WHERE mesh_owner = @mesh_owner AND mesh_name = @mesh_name
       AND target = @target AND kind = 'gatewayRoute' ORDER BY parent, name LIMIT @limit`,
    ),
    isSharedWith: db.prepare(
      'SELECT 1 FROM shares WHERE mesh_owner = @mesh_owner AND mesh_name = @mesh_name AND account = @account',
    ),
    listShares: db.prepare(
      'SELECT account FROM shares WHERE mesh_owner = @mesh_owner AND mesh_name = @mesh_name ORDER BY account',
    ),
    listTagsFirst: db.prepare('SELECT key, value FROM tags WHERE uid = @uid ORDER BY key LIMIT @limit'),
    listTagsAfter: db.prepare(
      'SELECT key, value FROM tags WHERE uid = @uid AND key > @after ORDER BY key LIMIT @limit',
    ),
    countTags: db.prepare('SELECT count(*) AS n FROM tags WHERE uid = @uid'),
    getClientToken: db.prepare(
      'SELECT fingerprint, result, created_at FROM client_tokens WHERE account = @account AND token = @token',
    ),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = @key'),
    anyResource: db.prepare('SELECT 1 FROM resources LIMIT 1'),
    insertResource: db.prepare(
      `INSERT INTO resources (${RESOURCE_COLUMNS}) VALUES (@kind, @mesh_owner, @mesh_name, @parent, @name, @arn, @uid,
       @resource_owner, @version, @created_at, @last_updated_at, @spec, @target)`,
    ),
    updateResource: db.prepare(
      `UPDATE resources SET arn = @arn, uid = @uid, resource_owner = @resource_owner, version = @version,
       created_at = @created_at, last_updated_at = @last_updated_at, spec = @spec, target = @target
       WHERE ${SCOPE} AND name = @name`,
    ),
    deleteResource: db.prepare(`DELETE FROM resources WHERE ${SCOPE} AND name = @name`),
    addShare: db.prepare(
      'INSERT OR IGNORE INTO shares (mesh_owner, mesh_name, account) VALUES (@mesh_owner, @mesh_name, @account)',
    ),
    removeShares: db.prepare('DELETE FROM shares WHERE mesh_owner = @mesh_owner AND mesh_name = @mesh_name'),
    putTag: db.prepare(
      'INSERT INTO tags (uid, key, value) VALUES (@uid, @key, @value) ON CONFLICT (uid, key) DO UPDATE SET value = excluded.value',
    ),
    removeTag: db.prepare('DELETE FROM tags WHERE uid = @uid AND key = @key'),
    removeAllTags: db.prepare('DELETE FROM tags WHERE uid = @uid'),
    putClientToken: db.prepare(
      `INSERT INTO client_tokens (account, token, fingerprint, result, created_at)
       VALUES (@account, @token, @fingerprint, @result, @created_at)
       ON CONFLICT (account, token) DO UPDATE SET fingerprint = excluded.fingerprint, result = excluded.result,
       created_at = excluded.created_at`,
    ),
    expireClientTokens: db.prepare('DELETE FROM client_tokens WHERE created_at < @before'),
    setMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    listVersions: db.prepare(
      `SELECT version, uid, resource_owner, at, account, via, status, spec, tags FROM versions
       WHERE ${SCOPE} AND name = @name AND version < @before ORDER BY version DESC LIMIT @limit`,
    ),
    addVersion: db.prepare(
      `INSERT INTO versions (kind, mesh_owner, mesh_name, parent, name, version, uid, resource_owner, at, account, via,
       status, spec, tags) VALUES (@kind, @mesh_owner, @mesh_name, @parent, @name, @version, @uid, @resource_owner, @at,
       @account, @via, @status, @spec, @tags)
       ON CONFLICT (kind, mesh_owner, mesh_name, parent, name, version) DO UPDATE SET uid = excluded.uid,
       resource_owner = excluded.resource_owner,
       at = excluded.at, account = excluded.account, via = excluded.via, status = excluded.status,
       spec = excluded.spec, tags = excluded.tags`,
    ),
    pruneVersions: db.prepare(`DELETE FROM versions WHERE ${SCOPE} AND name = @name AND version < @below`),
    clearVersions: db.prepare(`DELETE FROM versions WHERE ${SCOPE} AND name = @name`),
  };
}
