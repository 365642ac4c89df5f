// What only PostgresStore does: migrations under an advisory lock, durable sessions, serializable
// retries, several stores ("replicas") on one database sharing the nextToken secret, and an outage of
// the server (a sandbox of its own, stopped and started again).
import { type PostgresSandbox, startPostgres } from '@meshconsole/postgres-sandbox';
import { freshTestSchema, withSchema } from '@meshconsole/postgres-sandbox/vitest-setup';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../engine';
import { appMeshError, gatewaySpec, ME, REGION } from '../test-support/fixtures';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { isPostgresUrl, PostgresStore } from './postgres-store';
import { StoreUnavailableError } from './store';

const opened: PostgresStore[] = [];
const drops: (() => Promise<void>)[] = [];

async function schema(): Promise<string> {
  const { url, drop } = await freshTestSchema();
  drops.push(drop);
  return url;
}

async function open(url: string, options: Parameters<typeof PostgresStore.open>[1] = {}): Promise<PostgresStore> {
  const store = await PostgresStore.open(url, options);
  opened.push(store);
  return store;
}

async function query(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const drop of drops.splice(0)) await drop();
});

describe('PostgresStore', () => {
  it('when the URL names PostgreSQL, then it is told apart from a SQLite path', () => {
    expect(isPostgresUrl('postgres://u@h:5432/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl('./data/meshconsole.db')).toBe(false);
    expect(isPostgresUrl(':memory:')).toBe(false);
  });

  it('when 5 stores open a new schema at once, then the migrations run once and every store works', async () => {
    const url = await schema();
    const stores = await Promise.all(Array.from({ length: 5 }, () => open(url, { poolSize: 1 })));
    const latest = POSTGRES_MIGRATIONS.at(-1)!.version;
    for (const store of stores) expect(await store.schemaVersion()).toBe(latest);
    const rows = await query(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    await stores[0]!.write((w) => w.setMeta('written-by', 'store 0'));
    expect(await stores[4]!.read((r) => r.getMeta('written-by'))).toBe('store 0');
  });

  it('when the schema was written by a newer program, then opening fails with a clear message', async () => {
    const url = await schema();
    await open(url);
    await query(url, "INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')");
    await expect(PostgresStore.open(url)).rejects.toThrow(/schema version 999 is newer/);
  });

  it('when the server turns synchronous_commit off, then the store still commits durably, serializable', async () => {
    const url = await schema();
    const sloppy = new URL(url);
    sloppy.searchParams.set('options', `${sloppy.searchParams.get('options')} -c synchronous_commit=off`);
    expect(await query(sloppy.toString(), "SELECT current_setting('synchronous_commit') AS s")).toEqual([{ s: 'off' }]);
    const store = await open(sloppy.toString());
    expect(await store.settings()).toEqual({ synchronousCommit: 'on', fsync: 'on', writeIsolation: 'serializable' });
  });

  it('when 8 writes read the same value before any of them writes, then every one applies, one after the other', async () => {
    const url = await schema();
    const store = await open(url, { optimisticAttempts: 1, poolSize: 10 });
    await store.write((w) => w.setMeta('n', '0'));
    let firstReads = 0;
    let release = () => {};
    const allRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bump = () =>
      store.write(async (w) => {
        const n = Number(await w.getMeta('n'));
        if (++firstReads === 8) release();
        await allRead; // the first attempts all conflict: each must then win alone
        await w.setMeta('n', String(n + 1));
        return n + 1;
      });
    const results = await Promise.all(Array.from({ length: 8 }, bump));
    expect(results.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await store.read((r) => r.getMeta('n'))).toBe('8');
    expect(firstReads).toBeGreaterThan(8); // the losers ran again
  });

  it('when stores on one database write in one lane at once, then the writes queue up and none is tried twice', async () => {
    const url = await schema();
    const stores = await Promise.all([open(url), open(url), open(url)]);
    await stores[0]!.write((w) => w.setMeta('n', '0'));
    let calls = 0;
    const bump = (store: PostgresStore) =>
      store.write(
        async (w) => {
          calls++;
          const n = Number(await w.getMeta('n'));
          await new Promise((r) => setTimeout(r, 2)); // a slow transaction: others arrive meanwhile
          await w.setMeta('n', String(n + 1));
          return n + 1;
        },
        { lane: 'mesh-a' },
      );
    const results = await Promise.all(stores.flatMap((store) => Array.from({ length: 10 }, () => bump(store))));
    expect(results.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(calls).toBe(30);
  });

  it('when several engines share one database, then a nextToken from one works on the others until a reset', async () => {
    const url = await schema();
    const [a, b, c] = await Promise.all([open(url), open(url), open(url)]);
    const replicas = [a!, b!, c!].map((store) => createEngine({ store, region: REGION }));
    const [first, second, third] = replicas.map((engine) => engine.forCaller(ME));
    for (const meshName of ['m1', 'm2', 'm3', 'm4']) await first!.createMesh({ meshName });
    // Each replica made (or found) the signing secret on its first request, at the same moment.
    const pages = await Promise.all([first!, second!, third!].map((api) => api.listMeshes({ limit: 1 })));
    const token = pages[0]!.nextToken;
    expect((await second!.listMeshes({ limit: 1, nextToken: token })).meshes[0]?.meshName).toBe('m2');
    const fromThird = await third!.listMeshes({ limit: 2, nextToken: pages[1]!.nextToken });
    expect(fromThird.meshes.map((m) => m.meshName)).toEqual(['m2', 'm3']);
    await replicas[2]!.reset('none', ME);
    expect((await appMeshError(first!.listMeshes({ limit: 1, nextToken: token }))).name).toBe('BadRequestException');
  });

  it('when a schema is named in the URL, then the tables live there and nowhere else', async () => {
    const url = await schema();
    await open(url);
    const u = new URL(url);
    const name = /search_path=(\w+)/.exec(u.searchParams.get('options') ?? '')?.[1];
    const base = new URL(url);
    base.searchParams.delete('options');
    const tables = await query(
      base.toString(),
      "SELECT table_schema FROM information_schema.tables WHERE table_name = 'resources' AND table_schema = $1",
      [name],
    );
    expect(tables).toHaveLength(1);
    expect(withSchema(base.toString(), name!)).toBe(url);
  });
});

describe('PostgresStore when the server goes away', () => {
  let sandbox: PostgresSandbox;
  let url: string;

  beforeAll(async () => {
    sandbox = await startPostgres();
    url = await sandbox.createDatabase('outage');
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('when the server stops, then requests are ServiceUnavailableException and ping is false; when it is back, both recover', async () => {
    const store = await open(url, { connectTimeoutMs: 2000 });
    const engine = createEngine({ store, region: REGION });
    const api = engine.forCaller(ME);
    await api.createMesh({ meshName: 'm' });
    await api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'before', spec: gatewaySpec() });

    await sandbox.pause();
    expect(await engine.ping()).toBe(false);
    for (const call of [
      () => api.describeVirtualGateway({ meshName: 'm', virtualGatewayName: 'before' }),
      () => api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'during', spec: gatewaySpec() }),
      () => api.listMeshes({}),
    ]) {
      const error = await appMeshError(call());
      expect(error.name).toBe('ServiceUnavailableException');
      expect(error.status).toBe(503);
      expect(error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|password|\d{4,5}/i);
    }
    await expect(engine.reset('none', ME)).rejects.toMatchObject({ name: 'ServiceUnavailableException' });

    await sandbox.resume();
    expect(await engine.ping()).toBe(true);
    const { virtualGateways } = await api.listVirtualGateways({ meshName: 'm' });
    expect(virtualGateways.map((g) => g.virtualGatewayName)).toEqual(['before']);
    await api.createVirtualGateway({ meshName: 'm', virtualGatewayName: 'after', spec: gatewaySpec() });
  }, 120_000);

  it('when the server is down at start, then opening fails with StoreUnavailableError', async () => {
    await sandbox.pause();
    try {
      await expect(PostgresStore.open(url, { connectTimeoutMs: 1000 })).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await sandbox.resume();
    }
  }, 120_000);
});
