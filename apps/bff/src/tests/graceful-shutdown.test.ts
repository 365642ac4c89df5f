// main.ts as its own process: it listens on 127.0.0.1 by default, and on SIGTERM stops accepting,
// finishes the request in flight, closes the database and exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, SqliteStore } from '@meshconsole/engine';
import { afterAll, describe, expect, it } from 'vitest';

const BFF_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function startMain(env: Record<string, string>): { child: ChildProcess; url: Promise<string>; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(BFF_DIR, 'src/main.ts')], {
    cwd: BFF_DIR,
    // A minimal environment: HOST is deliberately not set.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    err += c;
  });
  const url = new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`main.ts did not start in 30 s: ${err}`)), 30_000);
    child.once('exit', (code) => fail(new Error(`main.ts exited with ${code}: ${err}`)));
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /listening on (http:\/\/[^\s"]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
  });
  return { child, url, stdout: () => out };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('main.ts process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshconsole-shutdown-'));
  const db = join(dir, 'mesh.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when SIGTERM arrives during a request, then the request completes, the database closes and the exit code is 0', async () => {
    const { child, url: urlPromise, stdout } = startMain({ MESH_DB: db, PORT: '0', SEED: 'none', LOG_LEVEL: 'info' });
    try {
      const url = await urlPromise;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { port } = new URL(url);

      // A slow client: headers and half the body now, the rest after the signal.
      const body = JSON.stringify({ meshName: 'in-flight' });
      const half = Math.floor(body.length / 2);
      const response = new Promise<{ status: number; text: string }>((ok, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: '/v20190125/meshes',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (c: string) => {
              text += c;
            });
            res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', fail);
        req.write(body.slice(0, half));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(half)), 500);
        }, 300);
      });
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

      await sleep(550);
      // Stopped accepting: a new connection is refused while the slow request is still open.
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();

      const res = await response;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).meshName).toBe('in-flight');

      const [code, signal] = await exited;
      expect(signal).toBeNull();
      expect(code).toBe(0);
      expect(stdout()).toMatch(/"msg":"stopped"/);
      // WAL mode: the write-ahead log is folded back and removed when the last connection closes.
      expect(existsSync(`${db}-wal`)).toBe(false);

      const store = new SqliteStore(db);
      try {
        const engine = createEngine({ store, region: 'us-west-2' });
        const meshes = await engine.forCaller('123456789012').listMeshes({});
        expect(meshes.meshes.map((m) => m.meshName)).toEqual(['in-flight']);
      } finally {
        await store.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

  it('when the configuration is invalid, then the process exits 1 with a message naming the variable', async () => {
    const { child, url } = startMain({ PORT: 'eighty', MESH_DB: db });
    const started = url.then(
      () => true,
      () => false,
    );
    let err = '';
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(err).toMatch(/Invalid configuration:\n\s+- PORT must be a decimal port number/);
    expect(await started).toBe(false);
  }, 60_000);
});
