// A throwaway PostgreSQL server for tests and benchmarks: a new cluster (initdb) in a temporary
// folder, listening on 127.0.0.1 on a free port and on a unix socket inside that folder, with a
// random password (scram-sha-256). As root, every PostgreSQL program runs as the `postgres` user
// (the server refuses to run as root) and the folder belongs to that user.
//
// The server runs under a small shell watchdog that reads one line from a pipe held by this
// process: `stop()` closes the pipe, and so does the operating system when this process dies in any
// way (a failed test, an exception, even SIGKILL). Either way the watchdog shuts the server down
// (fast shutdown) and removes the folder. `pause()` writes "keep" first: the server stops and the
// data stays, for `resume()` (a database outage, then its return).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/** Where `npm test` (scripts/test.mjs) says the PostgreSQL programs are. */
export const POSTGRES_BIN_ENV = 'MESHCONSOLE_PG_BIN';

export interface PostgresSandbox {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The temporary folder: the cluster (`data/`), the unix socket, the server log. */
  readonly dir: string;
  /** `postgres://user:password@127.0.0.1:port/<database>` (default: the `postgres` database). */
  url(database?: string): string;
  /** Creates an empty database with a fresh name starting with `prefix`; returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** True while the server accepts connections (between start/resume and pause/stop). */
  readonly running: boolean;
  /** Stops the server and keeps its data: the database is unreachable until `resume()`. */
  pause(): Promise<void>;
  /** Starts the paused server again, on the same port, with the same data. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /** What the server wrote to its log (for failure messages). */
  log(): string;
}

export interface PostgresSandboxOptions {
  /** Extra `postgresql.conf` settings, e.g. `{ max_connections: 300 }`. Values must be plain words or numbers. */
  settings?: Record<string, string | number>;
  /** How long to wait for the server to accept connections. Default 60 s. */
  startTimeoutMs?: number;
}

const PROGRAMS = ['initdb', 'postgres'] as const;

function isExecutable(file: string): boolean {
  return spawnSync(file, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The folder holding `initdb` and `postgres`: `$MESHCONSOLE_PG_BIN`, else the `PATH`, else Debian's
 * `/usr/lib/postgresql/<version>/bin` (highest version first). Undefined when none has both.
 */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  if (env[POSTGRES_BIN_ENV]) candidates.push(env[POSTGRES_BIN_ENV]);
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir) candidates.push(dir);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(debian, v, 'bin'));
  }
  return candidates.find((dir) => PROGRAMS.every((p) => isExecutable(join(dir, p))));
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid and gid of the `postgres` user (as root, the server runs as it). */
function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'PostgreSQL refuses to run as root and there is no "postgres" user to run it as. Install PostgreSQL (apt-get install -y postgresql), which creates it.',
    );
  }
}

/** argv for running `program` as the server's user: through `runuser` when we are root. */
function asServerUser(program: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A setting value written into postgresql.conf: a number, or a word quoted (no quotes or newlines inside). */
function settingValue(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (!/^[A-Za-z0-9_.,:/ -]*$/.test(value)) throw new Error(`unsupported PostgreSQL setting value: ${value}`);
  return `'${value}'`;
}

// $1 the postgres program, $2 the data folder, $3 the folder to remove at the end.
const WATCHDOG = `"$1" -D "$2" & pid=$!
read -r what
kill -INT "$pid" 2>/dev/null
wait "$pid"
[ "$what" = keep ] || rm -rf "$3"`;

/** Starts a new, empty PostgreSQL server. Stop it with `stop()` (it also stops when this process exits). */
export async function startPostgres(options: PostgresSandboxOptions = {}): Promise<PostgresSandbox> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      `PostgreSQL's server programs (initdb, postgres) were not found on PATH, in $${POSTGRES_BIN_ENV} or under /usr/lib/postgresql/*/bin. Install them: apt-get install -y postgresql (npm test does this itself as root).`,
    );
  }
  const owner = isRoot() ? postgresUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'meshconsole-pg-'));
  const data = join(dir, 'data');
  const user = 'meshconsole';
  const password = randomBytes(18).toString('base64url');
  const port = await freePort();
  let watchdog: ChildProcess | undefined;
  let output = '';
  let stopped = false;

  const fail = (message: string): never => {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${message}\n${output}`);
  };

  try {
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
    const [cmd, args] = asServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      user,
      `--pwfile=${pwfile}`,
      '-A',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    const init = spawnSync(cmd, args, { encoding: 'utf8' });
    rmSync(pwfile, { force: true });
    output += `${init.stdout ?? ''}${init.stderr ?? ''}`;
    if (init.status !== 0) fail(`initdb failed (exit ${init.status})`);
    const settings: Record<string, string | number> = {
      listen_addresses: '127.0.0.1',
      port,
      unix_socket_directories: dir,
      max_connections: 200,
      log_min_messages: 'warning',
      ...options.settings,
    };
    appendFileSync(
      join(data, 'postgresql.conf'),
      `\n# meshconsole sandbox\n${Object.entries(settings)
        .map(([k, v]) => `${k} = ${settingValue(v)}`)
        .join('\n')}\n`,
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const launch = async (): Promise<void> => {
    const [cmd, args] = asServerUser('sh', ['-c', WATCHDOG, 'sh', join(bin, 'postgres'), data, dir]);
    const child = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    watchdog = child;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output = (output + chunk).slice(-20_000);
    });
    // A forgotten sandbox must not keep this process alive (when it exits, the pipe closes and the
    // watchdog cleans up), and a write after the watchdog exited is not an error.
    child.unref();
    for (const stream of [child.stdin, child.stderr]) (stream as { unref?: () => void } | null)?.unref?.();
    child.stdin?.on('error', () => {});
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await canConnect(port)) {
        const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
        try {
          await client.connect();
          await client.query('SELECT 1');
          return;
        } catch {
          // still starting up ("the database system is starting up")
        } finally {
          await client.end().catch(() => {});
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await halt(false);
    fail('the PostgreSQL server did not start');
  };

  /** Ends the watchdog: the server stops; its folder goes unless `keep`. */
  const halt = async (keep: boolean): Promise<void> => {
    const child = watchdog;
    watchdog = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // The watchdog is unref'd so that a forgotten sandbox does not hold the process; a stop that is
    // awaited must, or a script with nothing else running ends (exit code 13) before the server has.
    child.ref();
    child.stdin?.end(keep ? 'keep\n' : '\n');
    await exited;
  };

  await launch();
  let databases = 0;
  const url = (database = 'postgres') =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    url,
    async createDatabase(prefix = 'db') {
      if (!/^[a-z][a-z0-9_]{0,30}$/.test(prefix))
        throw new Error(`database prefix must be a lowercase word: ${prefix}`);
      const name = `${prefix}_${process.pid}_${++databases}_${randomBytes(3).toString('hex')}`;
      const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    get running() {
      return watchdog !== undefined && watchdog.exitCode === null;
    },
    async pause() {
      if (stopped) throw new Error('the sandbox is stopped');
      await halt(true);
    },
    async resume() {
      if (stopped) throw new Error('the sandbox is stopped');
      if (watchdog) return;
      await launch();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await halt(false);
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => output,
  };
}
