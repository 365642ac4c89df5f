import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { fromRow, type ResourceRow } from './resource-row';
import {
  DatabaseSchemaError,
  type MeshCursor,
  type ResourceKey,
  type ResourceRecord,
  type Store,
  type StoredTag,
  type StoredVersion,
  type StoreReader,
  StoreUnavailableError,
  type StoreWriter,
  type WriteOptions,
} from './store';
import { TransactionQueue } from './transaction-queue';

export interface PostgresStoreOptions {
  /** Most connections this process keeps to the database. Default 10. */
  poolSize?: number;
  /** How long to wait for a connection (a new one, or a free one from the pool), ms. Default 5000. */
  connectTimeoutMs?: number;
  /** Longest one statement may run before the server cancels it, ms. Default 15000. */
  statementTimeoutMs?: number;
  /**
   * How many times a write is tried alongside other writes before it waits to run alone (it lost a
   * serialization conflict each time). Default 3.
   */
  optimisticAttempts?: number;
}

/** `postgres://` and `postgresql://` URLs name a PostgreSQL database; anything else is a SQLite file. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

const COLUMNS =
  'kind, mesh_owner, mesh_name, parent, name, arn, uid, resource_owner, version, created_at, last_updated_at, spec, target';
const SCOPE = 'kind = $1 AND mesh_owner = $2 AND mesh_name = $3 AND parent = $4';
const VISIBLE_MESH = `kind = 'mesh' AND (mesh_owner = $1 OR EXISTS (
  SELECT 1 FROM shares s WHERE s.mesh_owner = r.mesh_owner AND s.mesh_name = r.mesh_name AND s.account = $1))`;

/** Every statement, by name: node-postgres prepares each once per connection and reuses it. */
const SQL = {
  getResource: `SELECT ${COLUMNS} FROM resources WHERE ${SCOPE} AND name = $5`,
  findByArn: `SELECT ${COLUMNS} FROM resources WHERE arn = $1 ORDER BY kind, mesh_owner, mesh_name, parent, name`,
  listFirst: `SELECT ${COLUMNS} FROM resources WHERE ${SCOPE} ORDER BY name LIMIT $5`,
  listAfter: `SELECT ${COLUMNS} FROM resources WHERE ${SCOPE} AND name > $5 ORDER BY name LIMIT $6`,
  countResources: `SELECT least(coalesce((SELECT n FROM child_counts WHERE ${SCOPE}), 0), $5::bigint) AS n`,
  countOwnedMeshes: `SELECT least(coalesce((SELECT n FROM child_counts WHERE kind = 'mesh' AND mesh_owner = $1
    AND mesh_name = '' AND parent = ''), 0), $2::bigint) AS n`,
  listMeshesFirst: `SELECT ${COLUMNS} FROM resources r WHERE ${VISIBLE_MESH} ORDER BY mesh_name, mesh_owner LIMIT $2`,
  listMeshesAfter: `SELECT ${COLUMNS} FROM resources r WHERE ${VISIBLE_MESH}
    AND (mesh_name, mesh_owner) > ($2, $3) ORDER BY mesh_name, mesh_owner LIMIT $4`,
  findRoutesTargeting: `SELECT ${COLUMNS} FROM resources WHERE mesh_owner = $1 AND mesh_name = $2 AND target = $3
    AND kind = 'gatewayRoute' ORDER BY parent, name LIMIT $4`,
  isSharedWith: 'SELECT 1 FROM shares WHERE mesh_owner = $1 AND mesh_name = $2 AND account = $3',
  listShares: 'SELECT account FROM shares WHERE mesh_owner = $1 AND mesh_name = $2 ORDER BY account',
  listTagsFirst: 'SELECT key, value FROM tags WHERE uid = $1 ORDER BY key LIMIT $2',
  listTagsAfter: 'SELECT key, value FROM tags WHERE uid = $1 AND key > $2 ORDER BY key LIMIT $3',
  countTags: 'SELECT count(*) AS n FROM tags WHERE uid = $1',
  getClientToken: 'SELECT fingerprint, result, created_at FROM client_tokens WHERE account = $1 AND token = $2',
  getMeta: 'SELECT value FROM meta WHERE key = $1',
  anyResource: 'SELECT 1 FROM resources LIMIT 1',
  insertResource: `INSERT INTO resources (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
  updateResource: `UPDATE resources SET arn = $6, uid = $7, resource_owner = $8, version = $9, created_at = $10,
    last_updated_at = $11, spec = $12, target = $13 WHERE ${SCOPE} AND name = $5`,
  deleteResource: `DELETE FROM resources WHERE ${SCOPE} AND name = $5`,
  addShare: 'INSERT INTO shares (mesh_owner, mesh_name, account) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
  removeShares: 'DELETE FROM shares WHERE mesh_owner = $1 AND mesh_name = $2',
  putTags: `INSERT INTO tags (uid, key, value) SELECT $1, k, v FROM unnest($2::text[], $3::text[]) AS t(k, v)
    ON CONFLICT (uid, key) DO UPDATE SET value = excluded.value`,
  removeTags: 'DELETE FROM tags WHERE uid = $1 AND key = ANY($2::text[])',
  removeAllTags: 'DELETE FROM tags WHERE uid = $1',
  putClientToken: `INSERT INTO client_tokens (account, token, fingerprint, result, created_at) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (account, token) DO UPDATE SET fingerprint = excluded.fingerprint, result = excluded.result,
    created_at = excluded.created_at`,
  expireClientTokens: 'DELETE FROM client_tokens WHERE created_at < $1',
  setMeta: 'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  listVersions: `SELECT version, uid, resource_owner, at, account, via, status, spec, tags FROM versions
    WHERE ${SCOPE} AND name = $5 AND version < $6 ORDER BY version DESC LIMIT $7`,
  addVersion: `INSERT INTO versions (kind, mesh_owner, mesh_name, parent, name, version, uid, resource_owner, at, account,
    via, status, spec, tags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    ON CONFLICT (kind, mesh_owner, mesh_name, parent, name, version) DO UPDATE SET uid = excluded.uid,
    resource_owner = excluded.resource_owner,
    at = excluded.at, account = excluded.account, via = excluded.via, status = excluded.status,
    spec = excluded.spec, tags = excluded.tags`,
  pruneVersions: `DELETE FROM versions WHERE ${SCOPE} AND name = $5 AND version < $6`,
  clearVersions: `DELETE FROM versions WHERE ${SCOPE} AND name = $5`,
} as const;

const WIPE =
  'DELETE FROM resources; DELETE FROM child_counts; DELETE FROM shares; DELETE FROM tags; DELETE FROM client_tokens; DELETE FROM versions;';
/** The advisory lock (with the schema's hash) every write holds shared, and a write that must run alone holds exclusive. */
const WRITE_LOCK = 0x6d657369;
const BEGIN_WRITE = 'BEGIN ISOLATION LEVEL SERIALIZABLE';
/** One round trip: the transaction, and its share of the write lock. */
const BEGIN_SHARED_WRITE = `${BEGIN_WRITE}; SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK}, hashtext(current_schema()))`;
const LOCK_ALONE = `SELECT pg_advisory_lock(${WRITE_LOCK}, hashtext(current_schema()))`;
/** The advisory lock (with a hash of the schema and the lane) that queues the writes of one lane. */
const LANE_LOCK = 0x6d65736a;
const LOCK_LANE = `SELECT pg_advisory_lock(${LANE_LOCK}, hashtext(current_schema() || ':' || $1))`;
/** Ends the transaction and gives back the session-level locks it waited for (its lane, the exclusive write lock). */
const COMMIT_UNLOCK = 'COMMIT; SELECT pg_advisory_unlock_all()';
const ROLLBACK_UNLOCK = 'ROLLBACK; SELECT pg_advisory_unlock_all()';
const BEGIN_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
const PING_TIMEOUT_MS = 2000;
/** The advisory lock migrations run under (with the schema's hash): "mesh" in ASCII. */
const MIGRATION_LOCK = 0x6d657368;

/** bigint (int8) columns and counts arrive as numbers: every value the store keeps is below 2^53. */
const INT8_OID = 20;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * SQLSTATEs a serializable write may meet when another transaction got there first: the write is
 * tried again from the start, on a new snapshot (where the engine then sees the winner's row).
 * 40001 serialization_failure, 40P01 deadlock_detected, 23505 unique_violation (two inserts of one
 * key: the engine checks first, so only a concurrent insert can cause it).
 */
const RETRY_CODES = new Set(['40001', '40P01', '23505']);

/** Socket-level failures of the connection to the server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The database cannot serve us right now: unreachable, shutting down or starting up (57P0x), out of
 * connections or resources (class 53), a connection exception (class 08), a statement cancelled on
 * timeout (57014), or the connection lost under a query.
 */
function isUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (NETWORK_CODES.has(code) || /^(08|53|57)/.test(code))) return true;
  const message = (error as { message?: unknown } | null)?.message;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|connection error|Connection ended/i.test(message)
  );
}

/** The connection cannot be given back to the pool: the server or the network dropped it. */
function isBroken(error: unknown): boolean {
  return isUnavailable(error) && codeOf(error) !== '57014';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL through node-postgres, for several meshconsole processes on one database.
 *
 * - Every `write` is one `SERIALIZABLE` transaction. PostgreSQL then guarantees what SQLite's
 *   `BEGIN IMMEDIATE` gave one file: the outcome is that of the writes one after the other. Writes
 *   in the same lane (the engine's: one mesh) first wait their turn, in this process (a queue, so
 *   they hold no connection while they wait) and then across processes (an advisory lock, in
 *   arrival order), so they do not conflict with each other: creates in one mesh all update its
 *   child count. A write that loses a conflict all the same (40001, a deadlock, or the unique key of
 *   a row a concurrent write just inserted) is rolled back and tried again from the start, after a
 *   short random back-off; the
 *   engine then sees the other write's outcome (the name is taken, the version moved on, the quota
 *   is full). So that a write cannot lose forever under a storm of others, after `optimisticAttempts`
 *   it takes the write lock exclusively, before its snapshot: the writes under way finish, new ones
 *   wait, and it runs alone, so it cannot conflict. (Every write holds that advisory lock shared,
 *   taken in the same round trip as its `BEGIN`.)
 * - Every `read` is one `REPEATABLE READ READ ONLY` transaction: one snapshot for all its queries.
 * - `write` resolves after `COMMIT` returned: with `synchronous_commit` on (forced on for our
 *   sessions when the server has it off) the commit is on the server's disk.
 * - Migrations (`postgres-migrations.ts`) run when the store opens, in one transaction holding an
 *   advisory lock per schema: processes starting together apply them once.
 * - The connection URL may select a schema: `?options=-c%20search_path%3Dmeshconsole`.
 */
export class PostgresStore implements Store {
  readonly #pool: pg.Pool;
  readonly #optimisticAttempts: number;
  /** The writes of each busy lane in this process, one at a time. */
  readonly #lanes = new Map<string, { queue: TransactionQueue; users: number }>();
  #closed: Promise<void> | undefined;

  private constructor(pool: pg.Pool, optimisticAttempts: number) {
    this.#pool = pool;
    this.#optimisticAttempts = optimisticAttempts;
  }

  /** Connects, checks the server's version and brings the schema up to date. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: Math.max(1, Math.trunc(options.poolSize ?? 10)),
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      idle_in_transaction_session_timeout: 60_000,
      keepAlive: true,
      application_name: 'meshconsole',
      types: TYPES,
    });
    // An idle connection the server closes (restart, failover) must not crash the process: the pool
    // drops it, and the next transaction opens a new one.
    pool.on('error', () => {});
    // Acknowledged means durable: never let a server-wide `synchronous_commit = off` apply to us.
    pool.on('connect', (client) => {
      client
        .query(
          "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'",
        )
        .catch(() => {});
    });
    const store = new PostgresStore(pool, Math.max(1, Math.trunc(options.optimisticAttempts ?? 3)));
    try {
      await store.#migrate();
    } catch (error) {
      await pool.end().catch(() => {});
      if (isUnavailable(error)) throw new StoreUnavailableError('The PostgreSQL server is unreachable.', error);
      throw error;
    }
    return store;
  }

  async #migrate(): Promise<void> {
    const client = await this.#pool.connect();
    try {
      const version = Number((await client.query('SHOW server_version_num')).rows[0]?.server_version_num);
      if (!(version >= 120000)) {
        throw new DatabaseSchemaError('old-server', version, 120000);
      }
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        description text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const current = Number(
        (await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations')).rows[0]?.v,
      );
      const latest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
      if (current > latest) {
        throw new DatabaseSchemaError('newer-schema', current, latest);
      }
      for (const migration of POSTGRES_MIGRATIONS) {
        if (migration.version <= current) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
          migration.version,
          migration.description,
        ]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** The schema version reached by the migrations. */
  async schemaVersion(): Promise<number> {
    const { rows } = await this.#pool.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
    return Number(rows[0]?.v);
  }

  /** What our sessions run with, as the server reports it. */
  async settings(): Promise<{ synchronousCommit: string; fsync: string; writeIsolation: string }> {
    const client = await this.#pool.connect();
    try {
      await client.query(BEGIN_WRITE);
      const { rows } = await client.query(
        "SELECT current_setting('synchronous_commit') AS s, current_setting('fsync') AS f, current_setting('transaction_isolation') AS i",
      );
      await client.query('ROLLBACK');
      return { synchronousCommit: rows[0].s, fsync: rows[0].f, writeIsolation: rows[0].i };
    } finally {
      client.release();
    }
  }

  read<T>(fn: (reader: StoreReader) => Promise<T>): Promise<T> {
    return this.#transaction('read', fn);
  }

  async write<T>(fn: (writer: StoreWriter) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const { lane } = options;
    if (lane === undefined) return this.#transaction('write', fn);
    let entry = this.#lanes.get(lane);
    if (!entry) {
      entry = { queue: new TransactionQueue(), users: 0 };
      this.#lanes.set(lane, entry);
    }
    entry.users++;
    try {
      return await entry.queue.run(() => this.#transaction('write', fn, lane));
    } finally {
      if (--entry.users === 0) this.#lanes.delete(lane);
    }
  }

  async #transaction<T>(mode: 'read' | 'write', fn: (accessor: StoreWriter) => Promise<T>, lane?: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const alone = mode === 'write' && attempt > this.#optimisticAttempts;
      let client: pg.PoolClient;
      try {
        client = await this.#pool.connect();
      } catch (error) {
        if (isUnavailable(error)) throw new StoreUnavailableError('The PostgreSQL server is unreachable.', error);
        throw error;
      }
      let broken: Error | undefined;
      // Session-level locks, taken before the transaction so that its snapshot comes after them:
      // first the lane (writes of one mesh queue up instead of conflicting), then, for a write that
      // lost too often, the write lock exclusively. Always in that order, so they cannot deadlock.
      const sessionLocks = mode === 'write' && (lane !== undefined || alone);
      try {
        if (mode === 'write' && lane !== undefined) {
          await client.query({ name: 'meshconsole_lane', text: LOCK_LANE, values: [lane] });
        }
        if (alone) await client.query(LOCK_ALONE);
        await client.query(mode === 'read' ? BEGIN_READ : alone ? BEGIN_WRITE : BEGIN_SHARED_WRITE);
        const result = await fn(accessor(client));
        await client.query(sessionLocks ? COMMIT_UNLOCK : 'COMMIT');
        return result;
      } catch (error) {
        if (isBroken(error)) broken = error as Error;
        else await client.query(sessionLocks ? ROLLBACK_UNLOCK : 'ROLLBACK').catch((e: Error) => (broken = e));
        const code = codeOf(error);
        if (code !== undefined && RETRY_CODES.has(code)) {
          if (!alone) {
            await sleep(Math.random() * 5 * 2 ** attempt);
            continue;
          }
          throw new StoreUnavailableError('A write kept conflicting with others. Try again.', error);
        }
        if (isUnavailable(error)) throw new StoreUnavailableError('The PostgreSQL server is unreachable.', error);
        throw error;
      } finally {
        // A broken connection is closed, not given back to the pool (its session's locks go with it).
        client.release(broken);
      }
    }
  }

  /** True when the server answers a trivial query within 2 s (a readiness probe must answer quickly). */
  async ping(): Promise<boolean> {
    if (this.#closed) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const answer = this.#pool.query('SELECT 1 AS ok').then(
      ({ rows }) => rows[0]?.ok === 1,
      () => false,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    this.#closed ??= this.#pool.end();
    return this.#closed;
  }
}

/** A `versions` row without its key columns. */
type VersionRow = Omit<StoredVersion, 'resourceOwner' | 'spec' | 'tags'> & {
  resource_owner: string;
  spec: string;
  tags: string;
};

/** The key columns of a resource, in statement order. */
function keyOf(key: ResourceKey): string[] {
  return [key.kind, key.meshOwner, key.meshName, key.parent, key.name];
}

/** The reader and writer of one transaction, on its connection. */
function accessor(client: pg.PoolClient): StoreWriter {
  const run = <R extends pg.QueryResultRow>(name: keyof typeof SQL, values: unknown[]) =>
    client.query<R>({ name: `meshconsole_${name}`, text: SQL[name], values });
  const resources = async (name: keyof typeof SQL, values: unknown[]) =>
    (await run<ResourceRow>(name, values)).rows.map(fromRow);
  const count = async (name: keyof typeof SQL, values: unknown[]) =>
    Number((await run<{ n: number }>(name, values)).rows[0]?.n ?? 0);
  const row = (r: ResourceRecord) => [
    r.kind,
    r.meshOwner,
    r.meshName,
    r.parent,
    r.name,
    r.arn,
    r.uid,
    r.resourceOwner,
    r.version,
    r.createdAt,
    r.lastUpdatedAt,
    JSON.stringify(r.spec),
    r.target,
  ];
  return {
    getResource: async (key) =>
      (await resources('getResource', [key.kind, key.meshOwner, key.meshName, key.parent, key.name]))[0],
    findByArn: (arn) => resources('findByArn', [arn]),
    listResources: (scope, after, limit) =>
      after === undefined
        ? resources('listFirst', [scope.kind, scope.meshOwner, scope.meshName, scope.parent, limit])
        : resources('listAfter', [scope.kind, scope.meshOwner, scope.meshName, scope.parent, after, limit]),
    countResources: (scope, max) =>
      count('countResources', [scope.kind, scope.meshOwner, scope.meshName, scope.parent, max]),
    countOwnedMeshes: (account, max) => count('countOwnedMeshes', [account, max]),
    listVisibleMeshes: (account, after: MeshCursor | undefined, limit) =>
      after === undefined
        ? resources('listMeshesFirst', [account, limit])
        : resources('listMeshesAfter', [account, after.meshName, after.meshOwner, limit]),
    findRoutesTargeting: (meshOwner, meshName, target, limit) =>
      resources('findRoutesTargeting', [meshOwner, meshName, target, limit]),
    isSharedWith: async (meshOwner, meshName, account) =>
      (await run('isSharedWith', [meshOwner, meshName, account])).rows.length > 0,
    listShares: async (meshOwner, meshName) =>
      (await run<{ account: string }>('listShares', [meshOwner, meshName])).rows.map((r) => r.account),
    listTags: async (uid, afterKey, limit) =>
      (afterKey === undefined
        ? await run<StoredTag>('listTagsFirst', [uid, limit])
        : await run<StoredTag>('listTagsAfter', [uid, afterKey, limit])
      ).rows.map((r) => ({ key: r.key, value: r.value })),
    countTags: (uid) => count('countTags', [uid]),
    getClientToken: async (account, token) => {
      const found = (
        await run<{ fingerprint: string; result: string; created_at: number }>('getClientToken', [account, token])
      ).rows[0];
      return found
        ? { fingerprint: found.fingerprint, result: JSON.parse(found.result), createdAt: found.created_at }
        : undefined;
    },
    getMeta: async (key) => (await run<{ value: string }>('getMeta', [key])).rows[0]?.value,
    listVersions: async (key, before, limit) =>
      (await run<VersionRow>('listVersions', [...keyOf(key), before ?? 2 ** 31 - 1, limit])).rows.map(
        ({ resource_owner, ...r }) => ({
          ...r,
          resourceOwner: resource_owner,
          spec: JSON.parse(r.spec),
          tags: JSON.parse(r.tags),
        }),
      ),
    isEmpty: async () => (await run('anyResource', [])).rows.length === 0,

    insertResource: async (record) => {
      await run('insertResource', row(record));
    },
    updateResource: async (record) => {
      const result = await run('updateResource', row(record));
      if (result.rowCount !== 1) throw new Error('missing resource key');
    },
    deleteResource: async (key) => {
      await run('deleteResource', [key.kind, key.meshOwner, key.meshName, key.parent, key.name]);
    },
    addShare: async (meshOwner, meshName, account) => {
      await run('addShare', [meshOwner, meshName, account]);
    },
    removeShares: async (meshOwner, meshName) => {
      await run('removeShares', [meshOwner, meshName]);
    },
    putTags: async (uid, tags) => {
      // One statement; a key given twice keeps its last value, as one put per tag would.
      const byKey = new Map(tags.map((tag) => [tag.key, tag.value]));
      if (byKey.size === 0) return;
      await run('putTags', [uid, [...byKey.keys()], [...byKey.values()]]);
    },
    removeTags: async (uid, keys) => {
      if (keys.length > 0) await run('removeTags', [uid, [...keys]]);
    },
    removeAllTags: async (uid) => {
      await run('removeAllTags', [uid]);
    },
    putClientToken: async (account, token, value) => {
      await run('putClientToken', [account, token, value.fingerprint, JSON.stringify(value.result), value.createdAt]);
    },
    expireClientTokens: async (before) => {
      await run('expireClientTokens', [before]);
    },
    setMeta: async (key, value) => {
      await run('setMeta', [key, value]);
    },
    addVersion: async (key, entry, keep) => {
      await run('addVersion', [
        ...keyOf(key),
        entry.version,
        entry.uid,
        entry.resourceOwner,
        entry.at,
        entry.account,
        entry.via,
        entry.status,
        JSON.stringify(entry.spec),
        JSON.stringify(entry.tags),
      ]);
      // Versions run 1, 2, ... per resource: below `keep` there is nothing to forget yet (one round trip saved).
      if (entry.version > keep) await run('pruneVersions', [...keyOf(key), entry.version - keep + 1]);
    },
    clearVersions: async (key) => {
      await run('clearVersions', keyOf(key));
    },
    wipe: async () => {
      await client.query(WIPE);
    },
  };
}
