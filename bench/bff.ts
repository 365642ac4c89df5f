// BFF throughput and latency: the real, built BFF (apps/bff/dist/main.js, temp SQLite file) beside a
// bare Express handler that returns the same JSON payloads, in the same run, on the same machine.
// For describe, list (100 items) and create through the console API, at 1, 16 and 64 connections:
// requests/second and p50/p99 latency, medians over several runs, and the ratio to the bare handler.
//
// Both servers run in their own process (the bare one is this script started with --bare-server),
// so neither shares an event loop with the load generator.
//
//   pnpm exec tsx bff.ts                 (from bench/, after `pnpm -r build`)
//   BENCH_RUNS=5 BENCH_SECONDS=5 pnpm exec tsx bff.ts
//   BENCH_SCENARIOS=describe,list pnpm exec tsx bff.ts   (a subset of describe, list, create)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { type Figures, measure, seedBff, type Target } from './lib/console-load';
import { type RunningServer, startBff, tempDir } from './lib/server';
import { fmt, median, printTable, ratio } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = [1, 16, 64] as const;
const SCENARIOS = (['describe', 'list', 'create'] as const).filter((s) =>
  (process.env.BENCH_SCENARIOS ?? 'describe,list,create').split(',').includes(s),
);
/** The baseline: Express 5 with express.json, answering with the payloads the BFF returned. */
async function serveBare(payloads: { gateway: unknown; list: unknown }): Promise<number> {
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  const gatewayJson = JSON.stringify(payloads.gateway);
  const listJson = JSON.stringify(payloads.list);
  app.get('/api/meshes/:mesh/virtual-gateways/:name', (_req, res) => {
    res.type('application/json').send(gatewayJson);
  });
  app.get('/api/meshes/:mesh/virtual-gateways', (_req, res) => {
    res.type('application/json').send(listJson);
  });
  app.post('/api/meshes/:mesh/virtual-gateways', (req, res) => {
    const name = (req.body as { virtualGatewayName?: string }).virtualGatewayName ?? 'gw';
    res.status(201).json({ ...(payloads.gateway as object), virtualGatewayName: name });
  });
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  const addr = server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

/** Starts this script with --bare-server in its own Node process and reads back its port. */
async function startBare(payloads: {
  gateway: unknown;
  list: unknown;
}): Promise<{ url: string; close(): Promise<void> }> {
  const file = join(tempDir('bare'), 'payloads.json');
  writeFileSync(file, JSON.stringify(payloads));
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--bare-server', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main(): Promise<void> {
  let bff: RunningServer | undefined;
  let bare: { url: string; close(): Promise<void> } | undefined;
  try {
    bff = await startBff({
      SEED: 'none',
      RATE_LIMIT: '0',
      QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '100000000',
      QUOTA_MESHES_PER_ACCOUNT: '1000',
    });
    const payloads = await seedBff(bff.url);
    bare = await startBare(payloads);
    const targets: Target[] = [
      { name: 'bare Express', url: bare.url },
      { name: 'BFF', url: bff.url },
    ];
    process.stdout.write(
      `BFF vs a bare Express handler: ${RUNS} runs of ${SECONDS} s per cell, medians; ` +
        `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at start\n`,
    );
    const rows: string[][] = [];
    let errorCount = 0;
    for (const scenario of SCENARIOS) {
      for (const connections of CONNECTIONS) {
        const samples = new Map<string, Figures[]>(targets.map((t) => [t.name, []]));
        for (let run = 0; run < RUNS; run++) {
          // alternate the order so neither side always runs on a warmer machine
          const order = run % 2 === 0 ? targets : [...targets].reverse();
          for (const target of order)
            samples.get(target.name)?.push(await measure(target, scenario, connections, SECONDS));
        }
        const m = (name: string, key: keyof Figures) => median((samples.get(name) ?? []).map((f) => f[key]));
        for (const list of samples.values()) errorCount += list.reduce((n, f) => n + f.errors, 0);
        rows.push([
          scenario,
          String(connections),
          fmt(m('bare Express', 'rps')),
          fmt(m('BFF', 'rps')),
          ratio(m('BFF', 'rps'), m('bare Express', 'rps')),
          `${fmt(m('bare Express', 'p50'))} / ${fmt(m('bare Express', 'p99'))}`,
          `${fmt(m('BFF', 'p50'))} / ${fmt(m('BFF', 'p99'))}`,
          ratio(m('BFF', 'p99'), m('bare Express', 'p99')),
        ]);
      }
    }
    printTable(
      'BFF: console API requests/second and latency (ms), medians',
      [
        'request',
        'connections',
        'bare req/s',
        'BFF req/s',
        'BFF/bare req/s',
        'bare p50 / p99',
        'BFF p50 / p99',
        'BFF/bare p99',
      ],
      rows,
    );
    process.stdout.write(`\nnon-2xx responses, errors and timeouts over all runs: ${errorCount}\n`);
    if (errorCount > 0) process.exitCode = 1;
  } finally {
    await bare?.close();
    await bff?.stop();
  }
}

const bareIndex = process.argv.indexOf('--bare-server');
if (bareIndex >= 0) {
  const payloads = JSON.parse(readFileSync(process.argv[bareIndex + 1] ?? '', 'utf8')) as {
    gateway: unknown;
    list: unknown;
  };
  process.stdout.write(`PORT ${await serveBare(payloads)}\n`);
} else {
  await main();
}
