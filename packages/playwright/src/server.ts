import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The meshconsole server shipped inside this package (built by its build: the BFF and the console). */
export const SERVER_MAIN = fileURLToPath(new URL('./server/main.js', import.meta.url));
export const CONSOLE_DIST = fileURLToPath(new URL('./console', import.meta.url));

const HOST = '127.0.0.1';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface MeshconsoleServerOptions {
  /** More settings for the process (ACCOUNT_ID, QUOTA_*, FIXED_TIME, FIXED_IDS, SEED=<path>, ...). */
  env?: Record<string, string>;
  /** How long to wait for `/readyz`. Default 30 s. */
  readyTimeoutMs?: number;
  /**
   * Ask for every console asset once before resolving (default true): a fresh server compresses each
   * asset on its first request, which would otherwise slow the first page load of the first test.
   */
  warm?: boolean;
}

/**
 * One meshconsole process from this package: 127.0.0.1, a free port, its own in-memory store
 * (MESH_DB=memory:), empty (SEED=none) unless `env` says otherwise.
 */
export class MeshconsoleServer {
  private log = '';
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  get baseURL(): string {
    return `http://${HOST}:${this.port}`;
  }

  /** What the process wrote (for failure messages). */
  output(): string {
    return this.log;
  }

  static async start(options: MeshconsoleServerOptions = {}): Promise<MeshconsoleServer> {
    if (!existsSync(SERVER_MAIN)) {
      throw new Error(`${SERVER_MAIN} is missing: this copy of @meshconsole/playwright was not built.`);
    }
    const port = await freePort();
    const child = spawn(process.execPath, [SERVER_MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        HOST,
        PORT: String(port),
        MESH_BACKEND: 'local',
        MESH_DB: 'memory:',
        SEED: 'none',
        CONSOLE_DIST,
        LOG_LEVEL: 'warn',
        RATE_LIMIT: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new MeshconsoleServer(port, child);
    const keep = (chunk: Buffer) => {
      server.log = (server.log + chunk.toString()).slice(-100_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    try {
      await server.waitUntilReady(options.readyTimeoutMs ?? 30_000);
      if (options.warm ?? true) await server.warmAssets();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`meshconsole exited with code ${this.child.exitCode} before it was ready:\n${this.log}`);
      }
      try {
        if ((await fetch(`${this.baseURL}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`meshconsole at ${this.baseURL} was not ready within ${timeoutMs} ms:\n${this.log}`);
  }

  private async warmAssets(): Promise<void> {
    const dir = join(CONSOLE_DIST, 'assets');
    const assets = existsSync(dir) ? readdirSync(dir) : [];
    for (const asset of assets) {
      const res = await fetch(`${this.baseURL}/assets/${encodeURIComponent(asset)}`, {
        headers: { 'accept-encoding': 'br, gzip' },
      });
      await res.arrayBuffer();
    }
  }

  /** Stops the process (SIGTERM: in-flight requests finish) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
  }
}
