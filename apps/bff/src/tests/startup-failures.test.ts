// Start-up failures of the real, built BFF (apps/bff/dist/main.js, its own process): a HOST that
// cannot be bound, a PORT in use, an unusable MESH_DB (not a database, truncated, a newer schema,
// another application's database, read-only, a folder) and an unreachable PostgreSQL server. Each
// must name the setting and say what to do on stderr, exit non-zero, write no stack trace, and leave
// every file as it was (bytes, mtime, the folder's entries).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, PostgresStore, SqliteStore } from '@meshconsole/engine';
import { type PostgresSandbox, startPostgres } from '@meshconsole/postgres-sandbox';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BFF_DIR } from './support/server.js';

const MAIN = join(BFF_DIR, 'dist/main.js');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** As root every file is writable: the read-only cases run the server as `nobody`. */
const NOBODY = { uid: 65534, gid: 65534 };

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/** Runs the built server with `env` until it exits (it must not start: a start is killed and fails the test). */
async function runMain(env: Record<string, string>, user?: { uid: number; gid: number }): Promise<Exit> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: BFF_DIR,
    env: { ...process.env, SEED: 'none', LOG_LEVEL: 'info', RATE_LIMIT: '0', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(user && isRoot ? user : {}),
  });
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
    if (/listening on http/.test(stdout)) child.kill('SIGTERM');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stderr, stdout };
}

/** A start-up failure as a person should see it: one clear message naming `setting`, no internals. */
function expectRefusal(exit: Exit, setting: string, ...mentions: (string | RegExp)[]): void {
  expect(exit.stdout, 'the server must not start').not.toMatch(/listening on http/);
  expect(exit.code).not.toBe(0);
  expect(exit.code).not.toBeNull();
  expect(exit.stderr).toMatch(new RegExp(`^meshconsole: ${setting}\\b`, 'm'));
  for (const m of mentions) expect(exit.stderr).toMatch(m);
  for (const internal of [/\n\s+at /, /TypeError/, /SqliteError/, /StoreUnavailableError/, /ECONNREFUSED/, /"stack"/]) {
    expect(exit.stderr + exit.stdout).not.toMatch(internal);
  }
}

/** The bytes and mtime of every entry of `dir`, to show a refused start changed nothing. */
function snapshot(dir: string): Record<string, { mtimeMs: number; bytes: string }> {
  const out: Record<string, { mtimeMs: number; bytes: string }> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    out[name] = { mtimeMs: st.mtimeMs, bytes: st.isFile() ? readFileSync(path).toString('base64') : 'folder' };
  }
  return out;
}

/** A meshconsole database with the demo data, closed cleanly (no -wal file left). */
async function meshconsoleDb(file: string): Promise<void> {
  const engine = createEngine({ store: new SqliteStore(file), region: 'us-west-2' });
  await engine.seedDemo('123456789012');
  await engine.close();
}

/** A free port on 127.0.0.1 nobody listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('start-up failures of the built server', () => {
  let root: string;
  let n = 0;
  /** A fresh folder (traversable by `nobody`, for the read-only cases). */
  const folder = () => {
    const dir = join(root, `case-${++n}`);
    mkdirSync(dir);
    return dir;
  };

  beforeAll(() => {
    expect(existsSync(MAIN), 'apps/bff/dist/main.js is built (pnpm -r build)').toBe(true);
    root = mkdtempSync(join(tmpdir(), 'meshconsole-startup-'));
    chmodSync(root, 0o755);
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('listening', () => {
    let holder: Server;
    let busyPort: number;
    beforeAll(async () => {
      holder = createServer();
      holder.listen(0, '127.0.0.1');
      await once(holder, 'listening');
      busyPort = (holder.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise<void>((r) => holder.close(() => r()));
    });

    it('when PORT is in use, then it names PORT and the port, says to free it or pick another, and exits non-zero', async () => {
      const dir = folder();
      const exit = await runMain({ PORT: String(busyPort), MESH_DB: join(dir, 'mesh.db') });
      expectRefusal(exit, 'PORT', new RegExp(`\\b${busyPort}\\b`), /in use/, /another port|free port/i);
    });

    it('when HOST is not an address of this machine, then it names HOST and says which addresses work', async () => {
      const dir = folder();
      const exit = await runMain({ HOST: '192.0.2.1', MESH_DB: join(dir, 'mesh.db') });
      expectRefusal(exit, 'HOST', /192\.0\.2\.1/, /127\.0\.0\.1/);
    });
  });

  describe('an unusable MESH_DB is refused untouched', () => {
    /** Runs with MESH_DB=`file` and checks the refusal and that `dir` is exactly as before. */
    async function refused(
      dir: string,
      file: string,
      mentions: (string | RegExp)[],
      user?: { uid: number; gid: number },
    ): Promise<void> {
      const before = snapshot(dir);
      const exit = await runMain({ MESH_DB: file }, user);
      expectRefusal(exit, 'MESH_DB', file, ...mentions);
      expect(snapshot(dir)).toEqual(before);
    }

    it('when it is not a database (random bytes), then it says so', async () => {
      const dir = folder();
      const file = join(dir, 'garbage.db');
      writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
      await refused(dir, file, [/not a SQLite database/]);
    });

    it('when it is a truncated meshconsole database, then it says the file is damaged', async () => {
      const dir = folder();
      const file = join(dir, 'mesh.db');
      await meshconsoleDb(file);
      truncateSync(file, Math.floor(statSync(file).size / 2));
      await refused(dir, file, [/damaged|truncated/, /backup/]);
    });

    it('when its schema is newer than this program, then it says to use a newer meshconsole', async () => {
      const dir = folder();
      const file = join(dir, 'mesh.db');
      await meshconsoleDb(file);
      const db = new Database(file);
      db.pragma('user_version = 99');
      db.close();
      await refused(dir, file, [/newer/, /99/]);
    });

    it("when it is another application's SQLite database, then it is refused and stays as it was (no WAL, no tables)", async () => {
      const dir = folder();
      const file = join(dir, 'notes.db');
      const db = new Database(file);
      db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
      db.close();
      await refused(dir, file, [/another application|not a meshconsole database/]);
      const after = new Database(file, { readonly: true });
      expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['notes']);
      after.close();
    });

    it('when it is a file the process may not write, then it says so and how to fix it', async () => {
      const dir = folder();
      const file = join(dir, 'mesh.db');
      await meshconsoleDb(file);
      chmodSync(file, 0o444);
      if (isRoot) chownSync(dir, NOBODY.uid, NOBODY.gid);
      await refused(dir, file, [/read-only|cannot be written|not writable/, /permission/], NOBODY);
    });

    it('when its folder is read-only, then it says the folder must be writable', async () => {
      const dir = folder();
      const file = join(dir, 'mesh.db');
      await meshconsoleDb(file);
      chmodSync(dir, 0o555);
      if (isRoot) chownSync(file, NOBODY.uid, NOBODY.gid);
      await refused(dir, file, [/folder/, dir, /writable/], NOBODY);
    });

    it('when it names a folder, then it says to name a file', async () => {
      const dir = folder();
      const sub = join(dir, 'data');
      mkdirSync(sub);
      await refused(dir, sub, [/folder/, /file/]);
    });

    it('when it is a PostgreSQL URL nobody answers, then it names MESH_DB without its password and says to start the server', async () => {
      const port = await closedPort();
      const exit = await runMain({ MESH_DB: `postgres://mesh:s3cret-pw@127.0.0.1:${port}/mesh` });
      expectRefusal(exit, 'MESH_DB', new RegExp(`127\\.0\\.0\\.1:${port}`), /could not connect|unreachable/, /start/i);
      expect(exit.stderr + exit.stdout).not.toContain('s3cret-pw');
    });
  });

  describe('MESH_DB, a PostgreSQL database', () => {
    let sandbox: PostgresSandbox;
    beforeAll(async () => {
      sandbox = await startPostgres();
    }, 120_000);
    afterAll(async () => {
      await sandbox?.stop();
    });

    /** Every table of the database's public schema with its rows, to show a refused start changed nothing. */
    async function contents(url: string): Promise<Record<string, unknown[]>> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const tables = await client.query(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        );
        const out: Record<string, unknown[]> = {};
        for (const { table_name } of tables.rows as { table_name: string }[]) {
          out[table_name] = (await client.query(`SELECT * FROM "${table_name}" ORDER BY 1`)).rows;
        }
        return out;
      } finally {
        await client.end();
      }
    }

    it('when its schema is newer than this program, then it says to use a newer meshconsole and changes nothing', async () => {
      const url = await sandbox.createDatabase('newer');
      await (await PostgresStore.open(url)).close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(
        "INSERT INTO schema_migrations (version, description) VALUES (99, 'from a newer meshconsole')",
      );
      await client.end();
      const before = await contents(url);
      const exit = await runMain({ MESH_DB: url });
      expectRefusal(exit, 'MESH_DB', /newer meshconsole/, /schema version 99/, /changed nothing/);
      expect(exit.stderr + exit.stdout).not.toContain(sandbox.password);
      expect(await contents(url)).toEqual(before);
    });
  });
});
