// What a SQLite file given to `SqliteStore` is, found before anything is written to it: meshconsole's
// own database (PRAGMA application_id, or for files made before the id existed, exactly the schema its
// migrations build), a new or empty file, or something to refuse untouched (a folder, not SQLite, damaged,
// a newer schema, another application's database, a file or folder this process may not write).
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './sqlite-migrations';

/** `PRAGMA application_id` of every meshconsole database: "MshC" in ASCII. */
export const MESHCONSOLE_APPLICATION_ID = 0x4d736843;

/** The schema version the migrations reach. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export type DatabaseFileProblem =
  | 'folder'
  | 'not-a-file'
  | 'not-sqlite'
  | 'damaged'
  | 'newer-schema'
  | 'foreign'
  | 'read-only'
  | 'folder-read-only'
  | 'cannot-open';

const DESCRIPTIONS: Record<DatabaseFileProblem, string> = {
  folder: 'is a folder, not a file',
  'not-a-file': 'is not a regular file',
  'not-sqlite': 'is not a SQLite database',
  damaged: 'is a damaged SQLite database',
  'newer-schema': 'was made by a newer meshconsole',
  foreign: "is another application's SQLite database",
  'read-only': 'cannot be written by this process',
  'folder-read-only': 'is in a folder this process cannot write',
  'cannot-open': 'could not be opened',
};

/**
 * A database file `SqliteStore` will not use. Nothing was written to it. `detail` is SQLite's or the
 * system's own words when there are any; `schemaVersion` is the file's, for `newer-schema`.
 */
export class DatabaseFileError extends Error {
  override name = 'DatabaseFileError';
  constructor(
    readonly problem: DatabaseFileProblem,
    readonly file: string,
    readonly detail?: string,
    readonly schemaVersion?: number,
  ) {
    super(`The database file ${file} ${DESCRIPTIONS[problem]}${detail ? ` (${detail})` : ''}.`);
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** A SQLite or file-system error met while opening `file`, as the problem it is. */
export function asDatabaseFileError(file: string, error: unknown): DatabaseFileError {
  if (error instanceof DatabaseFileError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return new DatabaseFileError('not-sqlite', file);
  if (code.startsWith('SQLITE_CORRUPT')) return new DatabaseFileError('damaged', file, detail);
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new DatabaseFileError('read-only', file, detail);
  return new DatabaseFileError('cannot-open', file, detail);
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The names and kinds of the schema objects the migrations up to `version` make (on a throwaway database). */
function schemaOfVersion(version: number): string[] {
  const db = new Database(':memory:');
  try {
    for (const m of MIGRATIONS) if (m.version <= version) db.exec(m.sql);
    return schemaOf(db);
  } finally {
    db.close();
  }
}

function schemaOf(db: Database.Database): string[] {
  return db
    .prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1")
    .pluck()
    .all() as string[];
}

interface Logical {
  applicationId: number;
  userVersion: number;
  schema: string[];
  check: string;
}

/**
 * Reads the file's committed state without writing next to it. A file in rollback-journal mode, or
 * one whose `-wal` file exists already, is read in place by a read-only connection (which creates no
 * file). A WAL-mode file without its `-wal` is read from a copy: a connection to it, even read-only,
 * would leave `-wal` and `-shm` files beside it.
 */
function readLogical(file: string, walMode: boolean): Logical {
  const inPlace = !walMode || statOrUndefined(`${file}-wal`) !== undefined;
  let copyDir: string | undefined;
  let path = file;
  if (!inPlace) {
    copyDir = mkdtempSync(join(tmpdir(), 'meshconsole-inspect-'));
    path = join(copyDir, basename(file));
    copyFileSync(file, path);
  }
  try {
    const db = new Database(path, { readonly: inPlace, fileMustExist: true });
    try {
      return {
        applicationId: db.pragma('application_id', { simple: true }) as number,
        userVersion: db.pragma('user_version', { simple: true }) as number,
        schema: schemaOf(db),
        check: String(db.pragma('quick_check(1)', { simple: true })),
      };
    } finally {
      db.close();
    }
  } catch (error) {
    throw asDatabaseFileError(file, error);
  } finally {
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** What `checkDatabaseFile` found: a file to create or initialise, or one of meshconsole's own. */
export type DatabaseFileState = 'new' | 'own';

/**
 * Decides, without writing anything, whether `file` may be opened as meshconsole's database; throws a
 * `DatabaseFileError` if not. A missing or 0-byte file, or a SQLite database with no schema at all, is
 * `new`. A database whose application id is meshconsole's, or (made before the id) whose schema is
 * exactly what the migrations up to its `user_version` build, is `own`: opening it runs the remaining
 * migrations and sets the id. Anything else is refused.
 */
export function checkDatabaseFile(file: string): DatabaseFileState {
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statOrUndefined(file);
  } catch (error) {
    throw asDatabaseFileError(file, error);
  }
  const folder = dirname(file);
  if (st?.isDirectory()) throw new DatabaseFileError('folder', file);
  if (st && !st.isFile()) throw new DatabaseFileError('not-a-file', file);
  if (st && !writable(file)) throw new DatabaseFileError('read-only', file);
  if (!writable(folder)) throw new DatabaseFileError('folder-read-only', file);
  if (!st || st.size === 0) return 'new';

  let header: Buffer;
  try {
    header = readHeader(file);
  } catch (error) {
    throw asDatabaseFileError(file, error);
  }
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new DatabaseFileError('not-sqlite', file);
  }
  // Bytes 18 and 19: file format write and read versions, 2 in WAL mode.
  const walMode = header[18] === 2 || header[19] === 2;
  const headerApplicationId = header.readInt32BE(68);
  if (headerApplicationId !== 0 && headerApplicationId !== MESHCONSOLE_APPLICATION_ID) {
    throw new DatabaseFileError('foreign', file, `application id ${headerApplicationId}`);
  }
  // Without a -wal file the header is the committed state: meshconsole's own file needs no copy. Its
  // pages are checked by the store's own connection, before it writes (`quick_check`).
  if (headerApplicationId === MESHCONSOLE_APPLICATION_ID && statOrUndefined(`${file}-wal`) === undefined) {
    const userVersion = header.readInt32BE(60);
    if (userVersion > LATEST_SCHEMA_VERSION) throw new DatabaseFileError('newer-schema', file, undefined, userVersion);
    return 'own';
  }
  const logical = readLogical(file, walMode);
  if (logical.check !== 'ok') throw new DatabaseFileError('damaged', file, logical.check);
  if (logical.applicationId === MESHCONSOLE_APPLICATION_ID) {
    if (logical.userVersion > LATEST_SCHEMA_VERSION) {
      throw new DatabaseFileError('newer-schema', file, undefined, logical.userVersion);
    }
    return 'own';
  }
  if (logical.applicationId !== 0) {
    throw new DatabaseFileError('foreign', file, `application id ${logical.applicationId}`);
  }
  if (logical.userVersion === 0 && logical.schema.length === 0) return 'new';
  const expected =
    logical.userVersion >= 1 && logical.userVersion <= LATEST_SCHEMA_VERSION
      ? schemaOfVersion(logical.userVersion)
      : undefined;
  if (expected && expected.join('\n') === logical.schema.join('\n')) return 'own';
  throw new DatabaseFileError('foreign', file);
}
