// SqliteStore on files that are not (yet) meshconsole's: its own database is recognised by its
// application id, or (made before the id) by its schema, and migrated; a new, 0-byte or schema-less
// file is initialised; anything else is refused with nothing written (bytes, mtime, no -wal or -shm).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { ME, REGION, tempDir } from '../test-support/fixtures';
import { DatabaseFileError, MESHCONSOLE_APPLICATION_ID } from './sqlite-file';
import { MIGRATIONS } from './sqlite-migrations';
import { SqliteStore } from './sqlite-store';

function applicationIdOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('application_id', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('SqliteStore and the file it is given', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  /** Every entry of the folder with its bytes and mtime. */
  const snapshot = () =>
    readdirSync(dir)
      .sort()
      .map((name) => {
        const path = join(dir, name);
        return { name, mtimeMs: statSync(path).mtimeMs, bytes: readFileSync(path).toString('base64') };
      });

  function expectRefused(file: string, problem: string): void {
    const before = snapshot();
    let error: unknown;
    try {
      new SqliteStore(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect((error as DatabaseFileError).problem).toBe(problem);
    expect(snapshot()).toEqual(before);
  }

  it("when a file is another application's database (rollback journal), then it is refused: no tables, no WAL", () => {
    const file = join(dir, 'notes.db');
    const raw = new Database(file);
    raw.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep');");
    raw.close();
    expectRefused(file, 'foreign');
    const after = new Database(file, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    after.close();
  });

  it("when another application's database is in WAL mode, then it is refused with no -wal or -shm left beside it", () => {
    const file = join(dir, 'wal-app.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.exec('CREATE TABLE events (at INTEGER)');
    raw.close();
    expect(readdirSync(dir)).toEqual(['wal-app.db']);
    expectRefused(file, 'foreign');
  });

  it('when a file has another application id, then it is refused even with tables named like meshconsole’s', () => {
    const file = join(dir, 'lookalike.db');
    const raw = new Database(file);
    for (const m of MIGRATIONS) raw.exec(m.sql);
    raw.pragma(`user_version = ${MIGRATIONS.at(-1)?.version}`);
    raw.pragma('application_id = 1598903374'); // another application's id
    raw.close();
    expectRefused(file, 'foreign');
  });

  it('when a file has meshconsole’s version but a different schema (an extra table), then it is refused', () => {
    const file = join(dir, 'extra.db');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0]!.sql);
    raw.exec('CREATE TABLE invoices (id INTEGER)');
    raw.pragma('user_version = 1');
    raw.close();
    expectRefused(file, 'foreign');
  });

  it('when a file is 0 bytes, new, or a SQLite database with no schema, then it is initialised with the application id', async () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const blank = join(dir, 'blank.db');
    const raw = new Database(blank);
    raw.pragma('journal_mode = WAL');
    raw.close();
    for (const file of [empty, join(dir, 'new.db'), blank]) {
      const store = new SqliteStore(file);
      await createEngine({ store, region: REGION }).forCaller(ME).createMesh({ meshName: 'm' });
      await store.close();
      expect(applicationIdOf(file)).toBe(MESHCONSOLE_APPLICATION_ID);
    }
  });

  it('when a file was made before the application id (schema version 2, WAL), then it opens, keeps its data and gets the id', async () => {
    const file = join(dir, 'legacy.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    for (const m of MIGRATIONS) raw.exec(m.sql);
    raw.pragma(`user_version = ${MIGRATIONS.at(-1)?.version}`);
    raw
      .prepare(
        `INSERT INTO resources VALUES ('mesh', @owner, 'old', '', 'old', 'arn:old', 'uid-old', @owner, 1, 0, 0, '{}', NULL)`,
      )
      .run({ owner: ME });
    raw.close();
    expect(applicationIdOf(file)).toBe(0);

    const store = new SqliteStore(file);
    const meshes = await createEngine({ store, region: REGION }).forCaller(ME).listMeshes({});
    expect(meshes.meshes.map((m) => m.meshName)).toEqual(['old']);
    await store.close();
    expect(applicationIdOf(file)).toBe(MESHCONSOLE_APPLICATION_ID);
  });

  it('when meshconsole’s own file is reopened, then it is recognised by its id and opens', async () => {
    const file = join(dir, 'own.db');
    const first = new SqliteStore(file);
    await createEngine({ store: first, region: REGION }).forCaller(ME).createMesh({ meshName: 'kept' });
    await first.close();
    const second = new SqliteStore(file);
    const meshes = await createEngine({ store: second, region: REGION }).forCaller(ME).listMeshes({});
    expect(meshes.meshes.map((m) => m.meshName)).toEqual(['kept']);
    await second.close();
  });

  it('when a file is not SQLite, truncated, or a folder, then it is refused untouched', async () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'not a database, but long enough to hold a header of one hundred bytes '.repeat(4));
    expectRefused(garbage, 'not-sqlite');

    const own = join(dir, 'cut.db');
    const store = new SqliteStore(own);
    const engine = createEngine({ store, region: REGION });
    await engine.seedDemo(ME);
    await store.close();
    const bytes = readFileSync(own);
    writeFileSync(own, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(own, 'damaged');

    expectRefused(dir, 'folder');
  });
});
