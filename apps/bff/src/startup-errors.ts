// Start-up failures as one line for a person: the setting at fault, what is wrong, what to do. main.ts
// writes it to stderr and exits 1; nothing has been written to any file by then.
import { dirname, join } from 'node:path';
import {
  DatabaseFileError,
  DatabaseSchemaError,
  LATEST_SCHEMA_VERSION,
  StoreUnavailableError,
} from '@meshconsole/engine';
import { redactMeshDb } from './config.js';

const UNTOUCHED = 'meshconsole changed nothing in it.';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** What `MESH_DB` names is unusable: the message for `DatabaseFileError`. */
function databaseFileMessage(error: DatabaseFileError): string {
  const at = `MESH_DB=${error.file}`;
  switch (error.problem) {
    case 'folder':
      return `${at} is a folder. Set MESH_DB to a file path, for example ${join(error.file, 'meshconsole.db')}.`;
    case 'not-a-file':
      return `${at} is not a regular file. Set MESH_DB to a file path.`;
    case 'not-sqlite':
      return `${at} is not a SQLite database. Point MESH_DB at a meshconsole database or at a new file; ${UNTOUCHED}`;
    case 'damaged':
      return `${at} is damaged (truncated or corrupted: ${error.detail ?? 'failed its check'}). Restore it from a backup, or point MESH_DB at a new file; ${UNTOUCHED}`;
    case 'newer-schema':
      return `${at} was made by a newer meshconsole (schema version ${error.schemaVersion}; this one reads up to ${LATEST_SCHEMA_VERSION}). Run that newer meshconsole, or point MESH_DB at another file; ${UNTOUCHED}`;
    case 'foreign':
      return `${at} is another application's SQLite database, not a meshconsole database. Point MESH_DB at a meshconsole database or at a new file; ${UNTOUCHED}`;
    case 'read-only':
      return `${at} is read-only for this process (permission denied). Give the user running meshconsole write permission on it, or point MESH_DB at another file.`;
    case 'folder-read-only':
      return `${at}: its folder ${dirname(error.file)} is not writable by this process (SQLite keeps its journal files beside the database). Make the folder writable for the user running meshconsole, or point MESH_DB at a file in a writable folder.`;
    case 'cannot-open':
      return `${at} could not be opened (${error.detail ?? 'unknown reason'}). Check the path and its permissions.`;
  }
}

/** `server_version_num` as people write it: 110005 -> 11.5, 90624 -> 9.6.24. */
function pgVersion(num: number): string {
  if (num >= 100000) return `${Math.floor(num / 10000)}.${num % 10000}`;
  return `${Math.floor(num / 10000)}.${Math.floor(num / 100) % 100}.${num % 100}`;
}

/** `MESH_DB` is a PostgreSQL URL: why the store could not open, or undefined when it is not a connection problem. */
function postgresMessage(error: unknown, meshDb: string): string | undefined {
  const at = `MESH_DB=${redactMeshDb(meshDb)}`;
  let where = 'the server';
  try {
    const url = new URL(meshDb);
    where = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    // redactMeshDb already says the URL is unparsable
  }
  if (error instanceof StoreUnavailableError) {
    const reason = (
      {
        ECONNREFUSED: 'connection refused',
        ENOTFOUND: 'no such host',
        EAI_AGAIN: 'the host name could not be resolved',
        ETIMEDOUT: 'no answer in time',
        EHOSTUNREACH: 'host unreachable',
      } as Record<string, string>
    )[codeOf(error.cause)];
    return `${at}: could not connect to the PostgreSQL server at ${where} (${reason ?? 'unreachable'}). Start the PostgreSQL server, or correct the host and port in MESH_DB.`;
  }
  if (error instanceof DatabaseSchemaError) {
    return error.problem === 'newer-schema'
      ? `${at}: the database on ${where} was made by a newer meshconsole (schema version ${error.found}; this one reads up to ${error.supported}). Run that newer meshconsole, or point MESH_DB at another database; ${UNTOUCHED}`
      : `${at}: the server at ${where} runs PostgreSQL ${pgVersion(error.found)}; meshconsole needs PostgreSQL 12 or newer. Upgrade the server, or point MESH_DB at a newer one; ${UNTOUCHED}`;
  }
  const code = codeOf(error);
  if (code === '28P01' || code === '28000') {
    return `${at}: the PostgreSQL server at ${where} refused the user name or password. Correct them in MESH_DB.`;
  }
  if (code === '3D000') {
    return `${at}: the database named in MESH_DB does not exist on ${where}. Create it (createdb) or correct its name in MESH_DB.`;
  }
  return undefined;
}

/** The message for a failure to open the backend, or undefined for an unexpected error (logged in full). */
export function backendStartupMessage(error: unknown, meshDb: string, postgres: boolean): string | undefined {
  if (error instanceof DatabaseFileError) return databaseFileMessage(error);
  return postgres ? postgresMessage(error, meshDb) : undefined;
}

/** The message for a failure to listen on HOST and PORT. */
export function listenStartupMessage(error: unknown, host: string, port: number): string {
  const code = codeOf(error);
  switch (code) {
    case 'EADDRINUSE':
      return `PORT=${port} is in use on ${host}: another program listens there. Stop it, or set PORT to a free port.`;
    case 'EACCES':
      return `PORT=${port} may not be opened by this user (ports below 1024 need privileges). Set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
      return `HOST=${host} is not an address of this machine. Set HOST to one of its addresses: 127.0.0.1 (the default, this machine only), 0.0.0.0 (every interface) or an interface's own address.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST=${host} could not be resolved to an address. Set HOST to an address such as 127.0.0.1, or to a name this machine resolves.`;
    default:
      return `HOST=${host} PORT=${port}: could not listen (${code || 'unknown error'}). Check HOST and PORT.`;
  }
}
