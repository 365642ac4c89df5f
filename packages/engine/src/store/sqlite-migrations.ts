/**
 * Versioned schema migrations for `SqliteStore`. They run, in order, inside one immediate
 * transaction when a store opens; `PRAGMA user_version` records the last one applied.
 * Never edit a released migration: append a new one.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'resources, shares, tags, client tokens, meta',
    sql: `
      CREATE TABLE resources (
        kind TEXT NOT NULL,
        mesh_owner TEXT NOT NULL,
        mesh_name TEXT NOT NULL,
        parent TEXT NOT NULL,
        name TEXT NOT NULL,
        arn TEXT NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        resource_owner TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_updated_at INTEGER NOT NULL,
        spec TEXT NOT NULL,
        target TEXT,
        PRIMARY KEY (kind, mesh_owner, mesh_name, parent, name)
      ) WITHOUT ROWID;
      CREATE INDEX resources_by_arn ON resources (arn);
      CREATE INDEX resources_by_mesh_name ON resources (mesh_name, mesh_owner) WHERE kind = 'mesh';
      CREATE INDEX resources_by_target ON resources (mesh_owner, mesh_name, target) WHERE target IS NOT NULL;
      CREATE TABLE shares (
        mesh_owner TEXT NOT NULL,
        mesh_name TEXT NOT NULL,
        account TEXT NOT NULL,
        PRIMARY KEY (mesh_owner, mesh_name, account)
      ) WITHOUT ROWID;
      CREATE INDEX shares_by_account ON shares (account);
      CREATE TABLE tags (
        uid TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (uid, key)
      ) WITHOUT ROWID;
      CREATE TABLE client_tokens (
        account TEXT NOT NULL,
        token TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, token)
      ) WITHOUT ROWID;
      CREATE INDEX client_tokens_by_age ON client_tokens (created_at);
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'child counts kept by triggers, so quota checks cost the same at 10 or 10,000 children',
    sql: `
      CREATE TABLE child_counts (
        kind TEXT NOT NULL,
        mesh_owner TEXT NOT NULL,
        mesh_name TEXT NOT NULL,
        parent TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (kind, mesh_owner, mesh_name, parent)
      ) WITHOUT ROWID;
      INSERT INTO child_counts (kind, mesh_owner, mesh_name, parent, n)
        SELECT kind, mesh_owner, CASE WHEN kind = 'mesh' THEN '' ELSE mesh_name END, parent, count(*)
        FROM resources GROUP BY 1, 2, 3, 4;
      CREATE TRIGGER resources_counted_on_insert AFTER INSERT ON resources BEGIN
        INSERT INTO child_counts (kind, mesh_owner, mesh_name, parent, n)
        VALUES (NEW.kind, NEW.mesh_owner, CASE WHEN NEW.kind = 'mesh' THEN '' ELSE NEW.mesh_name END, NEW.parent, 1)
        ON CONFLICT (kind, mesh_owner, mesh_name, parent) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER resources_counted_on_delete AFTER DELETE ON resources BEGIN
        UPDATE child_counts SET n = n - 1
        WHERE kind = OLD.kind AND mesh_owner = OLD.mesh_owner
          AND mesh_name = CASE WHEN OLD.kind = 'mesh' THEN '' ELSE OLD.mesh_name END AND parent = OLD.parent;
      END;
    `,
  },
  {
    version: 3,
    description: 'resource history: every version kept (bounded by the engine), the deletion as the last entry',
    sql: `
      CREATE TABLE versions (
        kind TEXT NOT NULL,
        mesh_owner TEXT NOT NULL,
        mesh_name TEXT NOT NULL,
        parent TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        uid TEXT NOT NULL,
        resource_owner TEXT NOT NULL,
        at INTEGER NOT NULL,
        account TEXT NOT NULL,
        via TEXT NOT NULL,
        status TEXT NOT NULL,
        spec TEXT NOT NULL,
        tags TEXT NOT NULL,
        PRIMARY KEY (kind, mesh_owner, mesh_name, parent, name, version)
      ) WITHOUT ROWID;
    `,
  },
];
