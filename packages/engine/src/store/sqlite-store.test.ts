import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { gatewaySpec, ME, REGION, tempDir } from '../test-support/fixtures';
import { MESHCONSOLE_APPLICATION_ID } from './sqlite-file';
import { MIGRATIONS } from './sqlite-migrations';
import { SqliteStore } from './sqlite-store';

describe('SqliteStore', () => {
  let dir: string;
  let cleanup: () => void;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

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
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
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
    raw.pragma(`application_id = ${MESHCONSOLE_APPLICATION_ID}`);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => new SqliteStore(file)).toThrow(
      expect.objectContaining({ problem: 'newer-schema', schemaVersion: 999, message: expect.stringMatching(/newer/) }),
    );
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
});
