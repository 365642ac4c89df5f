import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { gatewaySpec, ME, REGION, tempDir } from '../test-support/fixtures';
import { MIGRATIONS } from './sqlite-migrations';
import { SqliteStore } from './sqlite-store';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const SUPPORT_DIR = fileURLToPath(new URL('../test-support', import.meta.url));

/** Starts `node --import tsx <script> ...args` with line-by-line stdout. */
function startScript(script: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(SUPPORT_DIR, script), ...args], {
    cwd: PACKAGE_DIR,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.test(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  function waitFor(test: (line: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const found = lines.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`child exited with ${code}; stderr: ${stderr}`));
      });
    });
  }
  return { child, lines, waitFor, exited, stderr: () => stderr };
}

function kill(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

describe('SqliteStore', () => {
  let dir: string;
  let cleanup: () => void;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => {
    for (const child of children.splice(0)) kill(child);
    cleanup();
  });

  it('when a file is opened, then it runs in WAL mode with synchronous=FULL and a busy timeout', async () => {
    const store = new SqliteStore(join(dir, 'a.db'));
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL', busyTimeoutMs: 5000 });
    await store.close();
  });

  it('when a new file is opened, then every migration runs; reopening keeps data and the schema version', async () => {
    const file = join(dir, 'm.db');
    const first = new SqliteStore(file);
    expect(first.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    await createEngine({ store: first, region: REGION }).forCaller(ME).createMesh({ meshName: 'kept' });
    await first.close();
    const second = new SqliteStore(file);
    expect(second.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    const meshes = await createEngine({ store: second, region: REGION }).forCaller(ME).listMeshes({});
    expect(meshes.meshes.map((m) => m.meshName)).toEqual(['kept']);
    await second.close();
  });

  it('when a version 1 file is opened, then migration 2 backfills the child counts the quota checks read', async () => {
    const file = join(dir, 'v1.db');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0]!.sql);
    raw.pragma('user_version = 1');
    const insert = raw.prepare(
      `INSERT INTO resources VALUES (@kind, @owner, 'm', '', @name, @arn, @uid, @owner, 1, 0, 0, @spec, NULL)`,
    );
    const row = (kind: string, name: string) => ({
      kind,
      owner: ME,
      name,
      arn: `arn:${kind}:${name}`,
      uid: `uid-${kind}-${name}`,
      spec: JSON.stringify(kind === 'mesh' ? {} : gatewaySpec()),
    });
    insert.run(row('mesh', 'm'));
    for (const name of ['g1', 'g2', 'g3']) insert.run(row('virtualGateway', name));
    raw.close();

    const store = new SqliteStore(file);
    expect(store.schemaVersion).toBe(2);
    const api = createEngine({ store, region: REGION }).forCaller(ME);
    expect((await api.listVirtualGateways({ meshName: 'm' })).virtualGateways).toHaveLength(3);
    await expect(
      api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g4', spec: gatewaySpec() }),
    ).rejects.toThrow(/limit of 3 virtual gateways/);
    await api.deleteVirtualGateway({ meshName: 'm', virtualGatewayName: 'g1' });
    await expect(
      api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'g4', spec: gatewaySpec() }),
    ).resolves.toBeDefined();
    await store.close();
  });

  it('when the file was written by a newer schema, then opening it fails with a clear message', () => {
    const file = join(dir, 'future.db');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 999 is newer/);
  });

  it('when the engine reopens a file, then pagination tokens issued before still work (the secret is stored)', async () => {
    const file = join(dir, 't.db');
    const first = new SqliteStore(file);
    const api = createEngine({ store: first, region: REGION }).forCaller(ME);
    await api.createMesh({ meshName: 'a' });
    await api.createMesh({ meshName: 'b' });
    const { nextToken } = await api.listMeshes({ limit: 1 });
    await first.close();
    const second = new SqliteStore(file);
    const page = await createEngine({ store: second, region: REGION })
      .forCaller(ME)
      .listMeshes({ limit: 1, nextToken });
    expect(page.meshes.map((m) => m.meshName)).toEqual(['b']);
    await second.close();
  });

  it('when another connection holds the write lock past the busy timeout, then ServiceUnavailableException, not a raw SQLite error', async () => {
    const file = join(dir, 'busy.db');
    const store = new SqliteStore(file, { busyTimeoutMs: 50 });
    const api = createEngine({ store, region: REGION }).forCaller(ME);
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const error = await api.createMesh({ meshName: 'blocked' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ServiceUnavailableException', status: 503 });
      expect((error as Error).message).not.toMatch(/SQLITE|database|\//i);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    await expect(api.createMesh({ meshName: 'blocked' })).resolves.toBeDefined();
    await store.close();
  });

  it('when the store fails unexpectedly, then InternalServerErrorException with a fixed message and the cause kept for logs', async () => {
    const store = new SqliteStore(join(dir, 'closed.db'));
    const api = createEngine({ store, region: REGION }).forCaller(ME);
    await store.close();
    const error = await api.listMeshes({}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'InternalServerErrorException',
      status: 500,
      message: 'The request processing has failed because of an unknown error, exception, or failure.',
    });
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error);
  });

  it('when a writer is killed with SIGKILL mid-stream, then every acknowledged write survives and the file is intact', async () => {
    const file = join(dir, 'durable.db');
    const writer = startScript('durability-writer.ts', [file]);
    children.push(writer.child);
    await writer.waitFor((line) => line === 'ready');
    // Let it write for a while, then kill it without warning at an arbitrary point.
    await writer.waitFor((line) => line.startsWith('ack gw-0000150'));
    await new Promise((resolve) => setTimeout(resolve, 37));
    writer.child.kill('SIGKILL');
    await writer.exited;
    const acknowledged = writer.lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4));
    expect(acknowledged.length).toBeGreaterThanOrEqual(151);

    const store = new SqliteStore(file);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const api = createEngine({ store, region: REGION, quotas: { virtualGatewaysPerMesh: 1_000_000 } }).forCaller(ME);
      const present = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await api.listVirtualGateways({ meshName: 'durable', limit: 100, nextToken });
        for (const gateway of page.virtualGateways) present.add(gateway.virtualGatewayName);
        nextToken = page.nextToken;
      } while (nextToken);
      const lost = acknowledged.filter((name) => !present.has(name));
      expect(lost).toEqual([]);
      // At most the one write in flight at the kill may exist without an acknowledgement.
      expect(present.size - acknowledged.length).toBeLessThanOrEqual(1);
      const last = acknowledged.at(-1)!;
      const { virtualGateway } = await api.describeVirtualGateway({ meshName: 'durable', virtualGatewayName: last });
      const tags = await api.listTagsForResource({ resourceArn: virtualGateway.metadata.arn });
      expect(tags.tags).toEqual([{ key: 'i', value: String(Number(last.slice(3))) }]);
    } finally {
      await store.close();
    }
  }, 60_000);

  describe('with several processes on one file', () => {
    async function prepare(file: string) {
      const store = new SqliteStore(file);
      const api = createEngine({ store, region: REGION, quotas: { virtualGatewaysPerMesh: 1000 } }).forCaller(ME);
      await api.createMesh({ meshName: 'm' });
      return { store, api };
    }

    async function runWorkers(file: string, argsList: string[][]) {
      const workers = argsList.map((args) => startScript('concurrent-worker.ts', [file, ...args]));
      children.push(...workers.map((w) => w.child));
      await Promise.all(workers.map((w) => w.waitFor((line) => line === 'ready')));
      for (const worker of workers) worker.child.stdin?.write('go\n');
      const results = await Promise.all(workers.map((w) => w.waitFor((line) => line.startsWith('{'), 60_000)));
      return results.map((line) => JSON.parse(line) as { outcome: string; versions?: number[]; errors?: string[] });
    }

    it('when 8 processes create the same gateway at once, then exactly one succeeds and the rest get ConflictException', async () => {
      const file = join(dir, 'race.db');
      const { store, api } = await prepare(file);
      const outcomes = (
        await runWorkers(
          file,
          Array.from({ length: 8 }, () => ['create', 'contended']),
        )
      ).map((r) => r.outcome);
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'ConflictException')).toHaveLength(7);
      const { virtualGateways } = await api.listVirtualGateways({ meshName: 'm' });
      expect(virtualGateways.map((g) => g.virtualGatewayName)).toEqual(['contended']);
      await store.close();
    }, 90_000);

    it('when 4 processes update one gateway 15 times each, then no version is lost or repeated', async () => {
      const file = join(dir, 'updates.db');
      const { store, api } = await prepare(file);
      await api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'hot', spec: gatewaySpec() });
      const results = await runWorkers(
        file,
        Array.from({ length: 4 }, () => ['update', 'hot', '15']),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const versions = results.flatMap((r) => r.versions ?? []).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: 60 }, (_, i) => i + 2));
      const { virtualGateway } = await api.describeVirtualGateway({ meshName: 'm', virtualGatewayName: 'hot' });
      expect(virtualGateway.metadata.version).toBe(61);
      await store.close();
    }, 90_000);
  });
});
