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
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 10_000);
const PAGE = 100;

const spec = (i: number) => ({ listeners: [{ portMapping: { port: 8080 + (i % 100), protocol: 'http' as const } }] });
const name = (i: number) => `gw-${String(i).padStart(5, '0')}`;

function openEngine(file: string) {
  const store = new SqliteStore(file);
  const engine = createEngine({ store, region: 'us-west-2', quotas: { virtualGatewaysPerMesh: GATEWAYS + CREATES } });
  return { engine, api: engine.forCaller(ACCOUNT) };
}

/** Engine: `CREATES` createVirtualGateway calls, each its own durable transaction. Returns creates/s. */
async function engineCreates(): Promise<number> {
  const { engine, api } = openEngine(join(tempDir('engine-creates'), 'e.db'));
  await api.createMesh({ meshName: 'bench' });
  const t0 = performance.now();
  for (let i = 0; i < CREATES; i++) {
    await api.createVirtualGateway({ meshName: 'bench', virtualGatewayName: name(i), spec: spec(i) });
  }
  const seconds = (performance.now() - t0) / 1000;
  engine.close();
  return CREATES / seconds;
}

function openBare(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS t (mesh TEXT NOT NULL, name TEXT NOT NULL, arn TEXT NOT NULL, uid TEXT NOT NULL,
    version INTEGER NOT NULL, created_at INTEGER NOT NULL, spec TEXT NOT NULL, PRIMARY KEY (mesh, name)) WITHOUT ROWID`);
  return db;
}

/** Baseline: the same number of single-row INSERT transactions with the same pragmas. Returns inserts/s. */
function bareInserts(): number {
  const db = openBare(join(tempDir('bare-inserts'), 'b.db'));
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, 1, ?, ?)');
  const tx = db.transaction((i: number) =>
    insert.run(
      'bench',
      name(i),
      `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/bench/virtualGateway/${name(i)}`,
      `uid-${i}`,
      Date.now(),
      JSON.stringify(spec(i)),
    ),
  );
  const t0 = performance.now();
  for (let i = 0; i < CREATES; i++) tx.immediate(i);
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return CREATES / seconds;
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

  // ---- creates per second (durable) ----
  const engineRates: number[] = [];
  const bareRates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so neither side always runs on a warmer disk cache.
    if (run % 2 === 0) {
      engineRates.push(await engineCreates());
      bareRates.push(bareInserts());
    } else {
      bareRates.push(bareInserts());
      engineRates.push(await engineCreates());
    }
  }

  // ---- list-page latency on a mesh holding GATEWAYS virtual gateways ----
  const dir = tempDir('engine-list');
  const { engine, api } = openEngine(join(dir, 'big.db'));
  await api.createMesh({ meshName: 'big' });
  const seedStart = performance.now();
  for (let i = 0; i < GATEWAYS; i++) {
    await api.createVirtualGateway({ meshName: 'big', virtualGatewayName: name(i), spec: spec(i) });
  }
  const seedRate = GATEWAYS / ((performance.now() - seedStart) / 1000);
  const bare = openBare(join(dir, 'bare.db'));
  const insert = bare.prepare('INSERT INTO t VALUES (?, ?, ?, ?, 1, ?, ?)');
  bare.transaction(() => {
    for (let i = 0; i < GATEWAYS; i++) {
      insert.run(
        'big',
        name(i),
        `arn:aws:appmesh:us-west-2:${ACCOUNT}:mesh/big/virtualGateway/${name(i)}`,
        `uid-${i}`,
        0,
        JSON.stringify(spec(i)),
      );
    }
  })();

  // One unmeasured walk each warms the JIT, the page cache and the prepared statements.
  await engineWalk(api);
  bareWalk(bare);
  const engineWalks = await repeat(RUNS, () => engineWalk(api));
  const bareWalks = await repeat(RUNS, () => bareWalk(bare));
  for (const walk of [...engineWalks, ...bareWalks]) {
    if (walk.items !== GATEWAYS) throw new Error(`a walk returned ${walk.items} items, expected ${GATEWAYS}`);
  }
  engine.close();
  bare.close();

  const p = (walks: { pages: number[] }[], q: number) => median(walks.map((w) => percentile(w.pages, q)));
  const engineRate = median(engineRates);
  const bareRate = median(bareRates);
  printTable(
    `Engine (median of ${RUNS} runs)`,
    ['measure', 'engine', 'baseline', 'engine / baseline'],
    [
      [`durable creates per second (${CREATES} per run)`, fmt(engineRate), fmt(bareRate), ratio(engineRate, bareRate)],
      [
        `durable creates per second, mesh growing to ${GATEWAYS.toLocaleString('en-US')} (one run)`,
        fmt(seedRate),
        fmt(bareRate),
        ratio(seedRate, bareRate),
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
  process.stdout.write(
    '\nbaseline: bare better-sqlite3, WAL + synchronous=FULL, one INSERT transaction per row / bare keyset SELECT pages\n',
  );
}

await main();
