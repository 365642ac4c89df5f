// Starts the real meshconsole for API tests: either in this process (createApp listening on an
// ephemeral port, a temp SQLite file) or as a child process (src/main.ts through tsx) when a test
// needs a second, separate process. Nothing is mocked.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../app.js';
import { type Backend, createBackend } from '../../backend.js';
import { type Config, loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';

export const BFF_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** the SQLite file (in a temp folder removed on close) */
  dbFile: string;
  close(): Promise<void>;
}

export interface InProcessServer extends TestServer {
  config: Config;
  backend: Backend;
}

/** Defaults for tests: empty store, quiet logs, no rate limit (tests that need one set RATE_LIMIT). */
const TEST_ENV: Record<string, string> = {
  SEED: 'none',
  LOG_LEVEL: 'silent',
  RATE_LIMIT: '0',
  HOST: '127.0.0.1',
  PORT: '0',
};

function tempDb(): { dir: string; dbFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'meshconsole-test-'));
  return { dir, dbFile: join(dir, 'mesh.db') };
}

/** createApp in this process, listening on 127.0.0.1 and an ephemeral port. */
export async function startTestServer(env: Record<string, string> = {}): Promise<InProcessServer> {
  const { dir, dbFile } = tempDb();
  const config = loadConfig({ ...TEST_ENV, MESH_DB: dbFile, ...env }, (p) => resolve(dir, p));
  const logger = createLogger(config.logLevel);
  const backend = await createBackend(config, logger);
  const app = createApp({ config, logger, meshApiFor: backend.meshApiFor, engine: backend.engine, ping: backend.ping });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    dbFile,
    config,
    backend,
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ProcessServer extends TestServer {
  child: ChildProcess;
  /** everything the process wrote to stderr so far */
  stderr(): string;
  /** the last 200 kB the process wrote to stdout (its JSON log lines) */
  stdout(): string;
}

/**
 * `src/main.ts` as its own Node process (through tsx), on an ephemeral port read back from its
 * "listening" log line. Stopped with SIGTERM on close.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ProcessServer> {
  const { dir, dbFile } = tempDb();
  const child = spawn(process.execPath, ['--import', 'tsx', join(BFF_DIR, 'src/main.ts')], {
    cwd: BFF_DIR,
    env: { ...process.env, ...TEST_ENV, MESH_DB: dbFile, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // The whole request log is drained (so the pipe never fills) and its tail kept for assertions.
  let stdout = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    let found = false;
    const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s: ${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${stderr}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = (stdout + chunk).slice(-200_000);
      if (found) return;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m?.[1]) {
        found = true;
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
  });
  return {
    url,
    dbFile,
    child,
    stderr: () => stderr,
    stdout: () => stdout,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A parsed JSON response; tests check its shape with `expect`, so it is loosely typed. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not by the compiler
export type Json = any;

/** A console API call: JSON in and out, with the CSRF header on every request. */
export async function consoleApi(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-meshconsole-csrf': '1' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // leave the raw text: a test asserting on it will show it
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
