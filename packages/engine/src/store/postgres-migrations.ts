/**
 * Versioned schema migrations for `PostgresStore`, the same tables as SQLite's (`sqlite-migrations.ts`)
 * in PostgreSQL's terms. They run in order, in one transaction, under an advisory lock, when a store
 * opens: replicas starting together take turns and only the first applies anything. Table
 * `schema_migrations` records each version applied. Never edit a released migration: append one.
 *
 * Every key column is `COLLATE "C"` so that names order by their bytes, as in SQLite (and as the
 * engine's keyset pagination expects), whatever the database's own collation.
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'resources, shares, tags, client tokens, meta, and child counts kept by a trigger',
    sql: `
      CREATE TABLE resources (
        kind text COLLATE "C" NOT NULL,
        mesh_owner text COLLATE "C" NOT NULL,
        mesh_name text COLLATE "C" NOT NULL,
        parent text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        arn text COLLATE "C" NOT NULL,
        uid text COLLATE "C" NOT NULL UNIQUE,
        resource_owner text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        created_at bigint NOT NULL,
        last_updated_at bigint NOT NULL,
        spec text NOT NULL,
        target text COLLATE "C",
        PRIMARY KEY (kind, mesh_owner, mesh_name, parent, name)
      );
      CREATE INDEX resources_by_arn ON resources (arn);
      CREATE INDEX resources_by_mesh_name ON resources (mesh_name, mesh_owner) WHERE kind = 'mesh';
      CREATE INDEX resources_by_target ON resources (mesh_owner, mesh_name, target) WHERE target IS NOT NULL;
      CREATE TABLE shares (
        mesh_owner text COLLATE "C" NOT NULL,
        mesh_name text COLLATE "C" NOT NULL,
        account text COLLATE "C" NOT NULL,
        PRIMARY KEY (mesh_owner, mesh_name, account)
      );
      CREATE INDEX shares_by_account ON shares (account);
      CREATE TABLE tags (
        uid text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        value text NOT NULL,
        PRIMARY KEY (uid, key)
      );
      CREATE TABLE client_tokens (
        account text COLLATE "C" NOT NULL,
        token text COLLATE "C" NOT NULL,
        fingerprint text NOT NULL,
        result text NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (account, token)
      );
      CREATE INDEX client_tokens_by_age ON client_tokens (created_at);
      CREATE TABLE meta (
        key text COLLATE "C" PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE child_counts (
        kind text COLLATE "C" NOT NULL,
        mesh_owner text COLLATE "C" NOT NULL,
        mesh_name text COLLATE "C" NOT NULL,
        parent text COLLATE "C" NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (kind, mesh_owner, mesh_name, parent)
      );
      CREATE FUNCTION resources_count_children() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO child_counts AS c (kind, mesh_owner, mesh_name, parent, n)
          VALUES (NEW.kind, NEW.mesh_owner, CASE WHEN NEW.kind = 'mesh' THEN '' ELSE NEW.mesh_name END, NEW.parent, 1)
          ON CONFLICT (kind, mesh_owner, mesh_name, parent) DO UPDATE SET n = c.n + 1;
          RETURN NEW;
        END IF;
        UPDATE child_counts SET n = n - 1
        WHERE kind = OLD.kind AND mesh_owner = OLD.mesh_owner
          AND mesh_name = CASE WHEN OLD.kind = 'mesh' THEN '' ELSE OLD.mesh_name END AND parent = OLD.parent;
        RETURN OLD;
      END
      $$;
      CREATE TRIGGER resources_counted AFTER INSERT OR DELETE ON resources
        FOR EACH ROW EXECUTE FUNCTION resources_count_children();
    `,
  },
  {
    version: 2,
    description: 'resource history: every version kept (bounded by the engine), the deletion as the last entry',
    sql: `
      CREATE TABLE versions (
        kind text COLLATE "C" NOT NULL,
        mesh_owner text COLLATE "C" NOT NULL,
        mesh_name text COLLATE "C" NOT NULL,
        parent text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        uid text COLLATE "C" NOT NULL,
        resource_owner text COLLATE "C" NOT NULL,
        at bigint NOT NULL,
        account text COLLATE "C" NOT NULL,
        via text NOT NULL,
        status text NOT NULL,
        spec text NOT NULL,
        tags text NOT NULL,
        PRIMARY KEY (kind, mesh_owner, mesh_name, parent, name, version)
      );
    `,
  },
];
