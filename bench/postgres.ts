// PostgreSQL: the real, built BFF over one throwaway PostgreSQL server (packages/postgres-sandbox),
// with 1 replica and with 3 replicas on the same database, beside the same BFF on a SQLite file in one
// process, all driven by the same client (autocannon, its connections spread over the replicas) in the
// same run. Floor: bare node-postgres on the same server at the same concurrency, no HTTP and no
// engine: single-row INSERTs (one transaction each), SELECT by key, and 100-row SELECTs.
//
//   pnpm exec tsx postgres.ts            (from bench/, after `pnpm -r build`)
//   BENCH_RUNS=5 BENCH_SECONDS=5 BENCH_CONNECTIONS=16,64 pnpm exec tsx postgres.ts
import { cpus, loadavg } from 'node:os';
import { type PostgresSandbox, startPostgres } from '@meshconsole/postgres-sandbox';
import pg from 'pg';
import { type Figures, LIST_SIZE, measure, type Scenario, SPEC, seedBff, type Target } from './lib/console-load';
import { type RunningServer, startBff } from './lib/server';
import { fmt, median, printTable, ratio } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '16').split(',').map(Number);
const SCENARIOS: Scenario[] = ['describe', 'list', 'create'];
const REPLICAS = 3;
const BFF_ENV = {
  SEED: 'none',
  RATE_LIMIT: '0',
  QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '100000000',
  QUOTA_MESHES_PER_ACCOUNT: '1000',
};

/** The floor's operation for a scenario, on one pooled connection. */
function floorOperation(scenario: Scenario): (client: pg.Pool, i: number) => Promise<unknown> {
  const spec = JSON.stringify(SPEC);
  switch (scenario) {
    case 'describe':
      return (pool) =>
        pool.query({
          name: 'floor-get',
          text: 'SELECT * FROM floor WHERE mesh = $1 AND name = $2',
          values: ['bench', 'gw-042'],
        });
    case 'list':
      return async (pool) => {
        const { rows } = await pool.query({
          name: 'floor-list',
          text: 'SELECT * FROM floor WHERE mesh = $1 ORDER BY name LIMIT $2',
          values: ['bench', LIST_SIZE],
        });
        return rows.map((row: { spec: string }) => JSON.parse(row.spec) as unknown);
      };
    case 'create':
      return (pool, i) =>
        pool.query({
          name: 'floor-insert',
          text: 'INSERT INTO floor (mesh, name, spec) VALUES ($1, $2, $3)',
          values: ['bench-create', `floor-${process.pid}-${i}`, spec],
        });
  }
}

let floorCounter = 0;

/** `connections` loops doing the floor's operation for SECONDS; operations per second. */
async function measureFloor(pool: pg.Pool, scenario: Scenario, connections: number): Promise<Figures> {
  const operation = floorOperation(scenario);
  const end = Date.now() + SECONDS * 1000;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        try {
          await operation(pool, floorCounter++);
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { rps: done / ((performance.now() - started) / 1000), p50: Number.NaN, p99: Number.NaN, errors };
}

async function prepareFloor(url: string, connections: number): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: Math.max(1, connections) });
  await pool.query(`CREATE TABLE IF NOT EXISTS floor (mesh text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    spec text NOT NULL, PRIMARY KEY (mesh, name))`);
  await pool.query(
    `INSERT INTO floor (mesh, name, spec) SELECT 'bench', 'gw-' || lpad(i::text, 3, '0'), $1 FROM generate_series(0, $2 - 1) i
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(SPEC), LIST_SIZE],
  );
  return pool;
}

async function main(): Promise<void> {
  let sandbox: PostgresSandbox | undefined;
  const servers: RunningServer[] = [];
  const pools: pg.Pool[] = [];
  try {
    sandbox = await startPostgres({ settings: { max_connections: 300 } });
    const url = await sandbox.createDatabase('bench');
    const floorUrl = await sandbox.createDatabase('floor');
    const sqlite = await startBff(BFF_ENV);
    servers.push(sqlite);
    const replicas = await Promise.all(Array.from({ length: REPLICAS }, () => startBff({ ...BFF_ENV, MESH_DB: url })));
    servers.push(...replicas);
    await seedBff(sqlite.url);
    await seedBff(replicas[0]!.url);
    const targets: Target[] = [
      { name: 'SQLite, 1 process', url: sqlite.url },
      { name: 'PostgreSQL, 1 replica', url: replicas[0]!.url },
      { name: `PostgreSQL, ${REPLICAS} replicas`, url: replicas.map((r) => r.url) },
    ];
    process.stdout.write(
      `PostgreSQL bench: ${RUNS} runs of ${SECONDS} s per cell, medians; node ${process.version}, ${cpus().length} CPUs, ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at start\n`,
    );

    const rows: string[][] = [];
    let errorCount = 0;
    for (const connections of CONNECTIONS) {
      const pool = await prepareFloor(floorUrl, connections);
      pools.push(pool);
      for (const scenario of SCENARIOS) {
        const samples = new Map<string, Figures[]>([
          ['floor', []],
          ...targets.map((t) => [t.name, []] as [string, Figures[]]),
        ]);
        for (let run = 0; run < RUNS; run++) {
          // Alternate the order so that no target always runs on a warmer (or busier) machine.
          const order = run % 2 === 0 ? targets : [...targets].reverse();
          samples.get('floor')?.push(await measureFloor(pool, scenario, connections));
          for (const target of order)
            samples.get(target.name)?.push(await measure(target, scenario, connections, SECONDS));
        }
        for (const list of samples.values()) errorCount += list.reduce((n, f) => n + f.errors, 0);
        const m = (name: string, key: keyof Figures) => median((samples.get(name) ?? []).map((f) => f[key]));
        const [sqliteName, pg1, pg3] = targets.map((t) => t.name) as [string, string, string];
        rows.push([
          scenario === 'list' ? `list (${LIST_SIZE})` : scenario,
          String(connections),
          fmt(m('floor', 'rps')),
          `${fmt(m(sqliteName, 'rps'))} (p99 ${fmt(m(sqliteName, 'p99'))})`,
          `${fmt(m(pg1, 'rps'))} (p99 ${fmt(m(pg1, 'p99'))})`,
          `${fmt(m(pg3, 'rps'))} (p99 ${fmt(m(pg3, 'p99'))})`,
          ratio(m(pg1, 'rps'), m(sqliteName, 'rps')),
          ratio(m(pg3, 'rps'), m(pg1, 'rps')),
          ratio(m(pg1, 'rps'), m('floor', 'rps')),
        ]);
      }
    }
    printTable(
      'Console API requests/second (p99 ms), medians; floor: bare node-postgres operations/second',
      [
        'request',
        'connections',
        'bare pg floor',
        'SQLite, 1 process',
        'PostgreSQL, 1 replica',
        `PostgreSQL, ${REPLICAS} replicas`,
        'PG 1 / SQLite',
        `PG ${REPLICAS} / PG 1`,
        'PG 1 / floor',
      ],
      rows,
    );
    process.stdout.write(
      '\nfloor: single-row INSERT (its own transaction), SELECT by primary key, SELECT of 100 rows with JSON.parse, ' +
        'on the same server and as many connections\n',
    );
    process.stdout.write(`non-2xx responses, errors and timeouts over all runs: ${errorCount}\n`);
    if (errorCount > 0) process.exitCode = 1;
  } finally {
    for (const pool of pools) await pool.end();
    for (const server of servers) await server.stop();
    await sandbox?.stop();
  }
}

await main();
