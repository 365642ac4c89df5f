import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBin, type PostgresSandbox, startPostgres } from './postgres-sandbox';

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function refuses(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('postgres sandbox', () => {
  let sandbox: PostgresSandbox | undefined;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  it('when the binaries are looked for, then initdb and postgres are found', () => {
    expect(findPostgresBin()).toBeTruthy();
  });

  it('when started, then it answers on 127.0.0.1 with its password only; stopped, its folder is gone', async () => {
    sandbox = await startPostgres();
    const { dir, port } = sandbox;
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(await query(sandbox.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const wrong = sandbox.url().replace(encodeURIComponent(sandbox.password), 'wrong');
    await expect(query(wrong, 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    const db = await sandbox.createDatabase('sample');
    expect(await query(db, 'SELECT current_database() AS name')).toEqual([{ name: expect.stringMatching(/^sample_/) }]);
    await sandbox.stop();
    expect(existsSync(dir)).toBe(false);
    await expect(query(`postgres://x@127.0.0.1:${port}/postgres`, 'SELECT 1')).rejects.toThrow();
  });

  it('when paused and resumed, then it is unreachable in between and keeps its data', async () => {
    sandbox = await startPostgres();
    const db = await sandbox.createDatabase('kept');
    await query(db, 'CREATE TABLE t (v text); INSERT INTO t VALUES ($$still here$$)');
    await sandbox.pause();
    expect(sandbox.running).toBe(false);
    await expect(query(db, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await sandbox.resume();
    expect(await query(db, 'SELECT v FROM t')).toEqual([{ v: 'still here' }]);
  });

  it('when a script stops it at its top level with nothing else running, then stop() finishes and the script exits 0', async () => {
    const script = fileURLToPath(new URL('./test-support/start-stop-sandbox.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const { dir } = JSON.parse(out) as { dir: string };
    expect(existsSync(dir)).toBe(false);
  });

  it('when the process that started it is killed with SIGKILL, then the server stops and its folder goes', async () => {
    const script = fileURLToPath(new URL('./test-support/hold-sandbox.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
    });
    const { dir, port } = JSON.parse(line) as { dir: string; port: number };
    expect(existsSync(dir)).toBe(true);
    expect(await refuses(port)).toBe(false);
    child.kill('SIGKILL');
    expect(await eventually(async () => !existsSync(dir) && (await refuses(port)))).toBe(true);
  });
});
