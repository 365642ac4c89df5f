// Engine: durable creates per second and list-page latency for a mesh holding 10,000 virtual gateways.
// Baselines, measured in the same run on the same machine: a bare better-sqlite3 INSERT loop (one
// transaction per row, same pragmas: WAL, synchronous=FULL) and a bare keyset SELECT page walk over
// the same table layout. The ratio says what the engine's semantics (validation, owner and quota
// checks, idempotency, metadata, signed tokens) cost on top of SQLite itself.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createEngine, SqliteStore } from '@meshconsole/engine';
import { tempDir } from './lib/server';
import { fmt, median, percentile, printTable, ratio, repeat } from './lib/stats';

/** The slice of better-sqlite3 the baseline uses. */
interface BareStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface BareDatabase {
  pragma(source: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): BareStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): ((...args: A) => void) & { immediate(...args: A): void };
  close(): void;
}
// The baseline runs on the very better-sqlite3 build the engine uses, resolved through the engine package.
const Database = createRequire(import.meta.resolve('@meshconsole/engine'))('better-sqlite3') as new (
  file: string,
) => BareDatabase;

const ACCOUNT = '123456789012';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CREATES = Number(process.env.BENCH_CREATES ?? 500);
const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 10_000);
const PAGE = 100;

const spec = (i: number) => ({ listeners: [{ portMapping: { port: 8080 + (i % 100), protocol: 'http' as const } }] });
const name = (i: number) => `gw-${String(i).padStart(5, '0')}`;

function openEngine(file: string, historyVersions?: number) {
  const store = new SqliteStore(file);
  const engine = createEngine({
    store,
    region: 'us-west-2',
    quotas: { virtualGatewaysPerMesh: 1_000_000 },
    ...(historyVersions === undefined ? {} : { historyVersions }),
  });
  return { engine, api: engine.forCaller(ACCOUNT) };
}

type EngineApi = ReturnType<typeof openEngine>['api'];

/** Engine: `count` createVirtualGateway calls, each its own durable transaction. Returns creates/s. */
async function engineCreates(api: EngineApi, mesh: string, from: number, count: number): Promise<number> {
  const t0 = performance.now();
  for (let i = from; i < from + count; i++) {
    await api.createVirtualGateway({ meshName: mesh, virtualGatewayName: name(i), spec: spec(i) });
  }
  return count / ((performance.now() - t0) / 1000);
}

function openBare(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS t (mesh TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL, uid TEXT NOT NULL,
    version INTEGER NOT NULL, created_at INTEGER NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (mesh, name)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, 1, ?, ?)');
  const row = (mesh: string, i: number) =>
    insert.run(
      mesh,
      name(i),
      `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/${mesh}/virtualGateway/${name(i)}`,
      `uid-${i}`,
      Date.now(),
      JSON.stringify(spec(i)),
    );
  const one = db.transaction(row);
  /** Baseline: `count` single-row INSERT transactions (BEGIN IMMEDIATE). Returns inserts/s. */
  const inserts = (mesh: string, from: number, count: number) => {
    const t0 = performance.now();
    for (let i = from; i < from + count; i++) one.immediate(mesh, i);
    return count / ((performance.now() - t0) / 1000);
  };
  const bulk = db.transaction((mesh: string, count: number) => {
    for (let i = 0; i < count; i++) row(mesh, i);
  });
  return { db, inserts, bulk: (mesh: string, count: number) => bulk(mesh, count) };
}

/** Engine: `count` updateVirtualGateway calls on one gateway, each its own durable transaction. Returns updates/s. */
async function engineUpdates(api: EngineApi, mesh: string, from: number, count: number): Promise<number> {
  const t0 = performance.now();
  for (let i = from; i < from + count; i++) {
    await api.updateVirtualGateway({ meshName: mesh, virtualGatewayName: 'hot', spec: spec(i) });
  }
  return count / ((performance.now() - t0) / 1000);
}

/**
 * What history costs a write: the same creates and updates on two engines, one keeping the default
 * 100 versions per resource and one keeping none (`historyVersions: 0`, the code before history),
 * each on its own SQLite file, interleaved run by run so both see the same machine load. On `:memory:`
 * databases (no fsync) the same comparison isolates the work history adds to a write.
 */
async function historyCost(dir: string | ':memory:', n: number): Promise<string[][]> {
  const onDisk = dir !== ':memory:';
  const withHistory = openEngine(onDisk ? join(dir, 'history-on.db') : dir);
  const without = openEngine(onDisk ? join(dir, 'history-off.db') : dir, 0);
  const where = onDisk ? 'durable' : 'in-memory SQLite';
  const rates = {
    onCreate: [] as number[],
    offCreate: [] as number[],
    onUpdate: [] as number[],
    offUpdate: [] as number[],
  };
  for (const { api } of [withHistory, without]) {
    await api.createMesh({ meshName: 'h' });
    await api.createVirtualGateway({
      meshName: 'h',
      virtualGatewayName: 'hot',
      spec: spec(0),
      tags: [{ key: 'team', value: 'edge' }],
    });
  }
  for (let run = 0; run < RUNS; run++) {
    // Alternate which engine goes first, so neither always runs on a warmer machine.
    const order = run % 2 === 0 ? [withHistory, without] : [without, withHistory];
    for (const side of order) {
      const on = side === withHistory;
      (on ? rates.onCreate : rates.offCreate).push(await engineCreates(side.api, 'h', run * n, n));
      (on ? rates.onUpdate : rates.offUpdate).push(await engineUpdates(side.api, 'h', run * n, n));
    }
  }
  const kept = await withHistory.api.listResourceHistory({
    resourceType: 'virtualGateway',
    meshName: 'h',
    virtualGatewayName: 'hot',
  });
  if (kept.items.length !== 100 && RUNS * n >= 100)
    throw new Error(`history kept ${kept.items.length} versions, expected 100`);
  await withHistory.engine.close();
  await without.engine.close();
  const row = (label: string, on: number[], off: number[]) => [
    label,
    fmt(median(on)),
    fmt(median(off)),
    ratio(median(on), median(off)),
  ];
  return [
    row(`${where} creates per second (${n} per run)`, rates.onCreate, rates.offCreate),
    row(
      `${where} updates per second, one gateway at its 100-version bound (${n} per run)`,
      rates.onUpdate,
      rates.offUpdate,
    ),
  ];
}

/** Walks every page of the 10,000-gateway mesh through the engine; returns per-page latencies (ms). */
async function engineWalk(api: ReturnType<typeof openEngine>['api']): Promise<{ pages: number[]; items: number }> {
  const pages: number[] = [];
  let items = 0;
  let nextToken: string | undefined;
  do {
    const t0 = performance.now();
    const page = await api.listVirtualGateways({ meshName: 'big', limit: PAGE, nextToken });
    pages.push(performance.now() - t0);
    items += page.virtualGateways.length;
    nextToken = page.nextToken;
  } while (nextToken);
  return { pages, items };
}

/** Baseline: the same keyset walk as bare SELECTs over a table of the same size. */
function bareWalk(db: BareDatabase): { pages: number[]; items: number } {
  const first = db.prepare('SELECT * FROM t WHERE mesh = ? ORDER BY name LIMIT ?');
  const after = db.prepare('SELECT * FROM t WHERE mesh = ? AND name > ? ORDER BY name LIMIT ?');
  const pages: number[] = [];
  let items = 0;
  let last: string | undefined;
  for (;;) {
    const t0 = performance.now();
    const rows = (last === undefined ? first.all('big', PAGE + 1) : after.all('big', last, PAGE + 1)) as {
      name: string;
      spec: string;
    }[];
    const page = rows.slice(0, PAGE).map((r) => ({ name: r.name, spec: JSON.parse(r.spec) as unknown }));
    pages.push(performance.now() - t0);
    items += page.length;
    if (rows.length <= PAGE) break;
    last = page.at(-1)?.name;
  }
  return { pages, items };
}

async function main() {
  process.stdout.write(
    `engine bench: ${RUNS} runs; ${CREATES} durable creates per run; ${GATEWAYS} gateways listed ${PAGE} per page\n`,
  );

  const dir = tempDir('engine');
  if (process.env.BENCH_ONLY === 'history') {
    printTable(
      `History on a write (median of ${RUNS} runs, interleaved)`,
      ['measure', 'history (100)', 'no history', 'history / none'],
      [...(await historyCost(dir, CREATES)), ...(await historyCost(':memory:', CREATES * 10))],
    );
    return;
  }
  const { engine, api } = openEngine(join(dir, 'engine.db'));
  const bare = openBare(join(dir, 'bare.db'));

  // ---- durable creates per second, small mesh; engine and baseline interleaved run by run ----
  await api.createMesh({ meshName: 'small' });
  const engineRates: number[] = [];
  const bareRates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    engineRates.push(await engineCreates(api, 'small', run * CREATES, CREATES));
    bareRates.push(bare.inserts('small', run * CREATES, CREATES));
  }

  // ---- a mesh holding GATEWAYS virtual gateways (created through the engine, durably) ----
  await api.createMesh({ meshName: 'big' });
  const seedStart = performance.now();
  await engineCreates(api, 'big', 0, GATEWAYS);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  bare.bulk('big', GATEWAYS);

  // Creates into the full mesh: does a 10,000-gateway mesh slow a create down?
  const bigEngineRates: number[] = [];
  const bigBareRates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const from = GATEWAYS + run * (CREATES / 5);
    bigEngineRates.push(await engineCreates(api, 'big', from, CREATES / 5));
    bigBareRates.push(bare.inserts('big', from, CREATES / 5));
  }
  // Delete the extra gateways again so the walk below lists exactly GATEWAYS.
  for (let i = GATEWAYS; i < GATEWAYS + RUNS * (CREATES / 5); i++) {
    await api.deleteVirtualGateway({ meshName: 'big', virtualGatewayName: name(i) });
  }
  bare.db.prepare('DELETE FROM t WHERE mesh = ? AND name >= ?').run('big', name(GATEWAYS));

  // ---- list-page latency: every page of the big mesh, several walks ----
  // One unmeasured walk each warms the JIT, the page cache and the prepared statements.
  await engineWalk(api);
  bareWalk(bare.db);
  const engineWalks = await repeat(RUNS, () => engineWalk(api));
  const bareWalks = await repeat(RUNS, () => bareWalk(bare.db));
  for (const walk of [...engineWalks, ...bareWalks]) {
    if (walk.items !== GATEWAYS) throw new Error(`a walk returned ${walk.items} items, expected ${GATEWAYS}`);
  }
  await engine.close();
  bare.db.close();

  const p = (walks: { pages: number[] }[], q: number) => median(walks.map((w) => percentile(w.pages, q)));
  const engineRate = median(engineRates);
  const bareRate = median(bareRates);
  printTable(
    `Engine (median of ${RUNS} runs)`,
    ['measure', 'engine', 'baseline', 'engine / baseline'],
    [
      [
        `durable creates per second, new mesh (${CREATES} per run)`,
        fmt(engineRate),
        fmt(bareRate),
        ratio(engineRate, bareRate),
      ],
      [
        `durable creates per second into a mesh holding ${GATEWAYS.toLocaleString('en-US')} (${CREATES / 5} per run)`,
        fmt(median(bigEngineRates)),
        fmt(median(bigBareRates)),
        ratio(median(bigEngineRates), median(bigBareRates)),
      ],
      [
        `list page p50 (ms), ${PAGE} of ${GATEWAYS.toLocaleString('en-US')}`,
        fmt(p(engineWalks, 50), 2),
        fmt(p(bareWalks, 50), 2),
        ratio(p(engineWalks, 50), p(bareWalks, 50)),
      ],
      [
        `list page p99 (ms), ${PAGE} of ${GATEWAYS.toLocaleString('en-US')}`,
        fmt(p(engineWalks, 99), 2),
        fmt(p(bareWalks, 99), 2),
        ratio(p(engineWalks, 99), p(bareWalks, 99)),
      ],
    ],
  );
  printTable(
    `History on a write (median of ${RUNS} runs, interleaved)`,
    ['measure', 'history (100)', 'no history', 'history / none'],
    [...(await historyCost(dir, CREATES)), ...(await historyCost(':memory:', CREATES * 10))],
  );
  process.stdout.write(
    `\nseeding ${GATEWAYS.toLocaleString('en-US')} gateways through the engine took ${fmt(seedSeconds)} s (${fmt(GATEWAYS / seedSeconds)} creates/s)\n`,
  );
  process.stdout.write(
    '\nbaseline: bare better-sqlite3, WAL + synchronous=FULL, one INSERT transaction per row / bare keyset SELECT pages\n',
  );
}

await main();
