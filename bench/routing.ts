// Gateway routing endpoints on the real, built BFF (apps/bff/dist/main.js, its own process, a temp SQLite
// file): POST .../test-request on a gateway with 10 gateway routes (App Mesh's default quota) and with
// 1,000 (QUOTA_GATEWAY_ROUTES_PER_VIRTUAL_GATEWAY raised), and GET .../route-checks on both, against the
// baseline of a describe of the same gateway (GET .../virtual-gateways/:name) on the same server, in the
// same run. Latency: sequential requests on one keep-alive connection, every sample kept, median and p99
// over all runs; throughput: autocannon at 16 connections.
//
//   pnpm exec tsx routing.ts                    (from bench/, after `pnpm -r build`)
//   BENCH_RUNS=5 BENCH_REQUESTS=400 BENCH_SECONDS=3 pnpm exec tsx routing.ts
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { CONSOLE_HEADERS, callJson as call } from './lib/http';
import { type RunningServer, startBff } from './lib/server';
import { fmt, median, percentile, printTable, ratio } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** sequential requests per scenario per run */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const BIG = 1000;
const HEADERS = CONSOLE_HEADERS;
const MESH = 'bench';

/** The i-th route: a mix of match kinds (prefix with a header, regex, exact, hostname suffix, method and query). */
function routeSpec(i: number): Record<string, unknown> {
  const target = { virtualService: { virtualServiceName: `svc-${i % 10}.bench.local` } };
  const p = `/r${i}/`;
  const matches = [
    { prefix: p, headers: [{ name: 'x-tenant', match: { exact: `t${i % 7}` } }] },
    { path: { regex: `/r${i}/[0-9]+` } },
    { path: { exact: `/r${i}/exact` } },
    { prefix: p, hostname: { suffix: '.example.com' } },
    { prefix: p, method: 'GET', queryParameters: [{ name: 'q', match: { exact: String(i) } }] },
  ];
  return { httpRoute: { match: matches[i % 5], action: { target } }, priority: i % 100 };
}

async function seed(base: string): Promise<void> {
  await call(`${base}/api/meshes`, 'POST', { meshName: MESH });
  for (let i = 0; i < 10; i++) {
    await call(`${base}/api/meshes/${MESH}/virtual-services`, 'POST', {
      virtualServiceName: `svc-${i}.bench.local`,
      spec: {},
    });
  }
  for (const [gateway, count] of [
    ['gw-10', 10],
    ['gw-1000', BIG],
  ] as const) {
    await call(`${base}/api/meshes/${MESH}/virtual-gateways`, 'POST', {
      virtualGatewayName: gateway,
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
    for (let i = 0; i < count; i++) {
      await call(`${base}/api/meshes/${MESH}/virtual-gateways/${gateway}/gateway-routes`, 'POST', {
        gatewayRouteName: `route-${String(i).padStart(4, '0')}`,
        spec: routeSpec(i),
      });
    }
  }
}

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** A request that the route with index `i` takes (a hostname-suffix route), so every route is evaluated and explained. */
const requestFor = (i: number) => ({ method: 'GET', path: `/r${i}/items?page=2`, host: 'shop.example.com' });

function scenarios(): Scenario[] {
  const gw = (name: string) => `/api/meshes/${MESH}/virtual-gateways/${name}`;
  return [
    { name: 'describe gateway (baseline)', method: 'GET', path: gw('gw-10') },
    { name: 'test-request, 10 routes', method: 'POST', path: `${gw('gw-10')}/test-request`, body: requestFor(8) },
    {
      name: 'test-request, 1,000 routes',
      method: 'POST',
      path: `${gw('gw-1000')}/test-request`,
      body: requestFor(998),
    },
    {
      name: 'list 100 of the 1,000 routes (one page)',
      method: 'GET',
      path: `${gw('gw-1000')}/gateway-routes?limit=100`,
    },
    { name: 'route-checks, 10 routes', method: 'GET', path: `${gw('gw-10')}/route-checks` },
    { name: 'route-checks, 1,000 routes', method: 'GET', path: `${gw('gw-1000')}/route-checks` },
  ];
}

async function sequential(base: string, s: Scenario, count: number): Promise<number[]> {
  const samples: number[] = [];
  const init = {
    method: s.method,
    headers: HEADERS,
    ...(s.body === undefined ? {} : { body: JSON.stringify(s.body) }),
  };
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${s.path}`, init);
    await res.arrayBuffer();
    samples.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${s.name}: ${res.status}`);
  }
  return samples;
}

async function throughput(base: string, s: Scenario): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({
    url: `${base}${s.path}`,
    method: s.method,
    headers: HEADERS,
    ...(s.body === undefined ? {} : { body: JSON.stringify(s.body) }),
    connections: 16,
    duration: SECONDS,
  });
  return { rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx };
}

async function main(): Promise<void> {
  let bff: RunningServer | undefined;
  try {
    bff = await startBff({ SEED: 'none', RATE_LIMIT: '0', QUOTA_GATEWAY_ROUTES_PER_VIRTUAL_GATEWAY: String(BIG) });
    const t0 = performance.now();
    await seed(bff.url);
    const seedSeconds = (performance.now() - t0) / 1000;
    const list = scenarios();
    const check = (await call(`${bff.url}${list[2]!.path}`, 'POST', list[2]!.body)) as {
      matched: { gatewayRouteName: string } | null;
      routes: unknown[];
    };
    if (check.matched?.gatewayRouteName !== 'route-0998' || check.routes.length !== BIG) {
      throw new Error(`unexpected answer on gw-1000: ${JSON.stringify(check).slice(0, 300)}`);
    }
    const sizes = await Promise.all(
      list.map(async (s) => {
        const res = await fetch(`${bff!.url}${s.path}`, {
          method: s.method,
          headers: HEADERS,
          ...(s.body === undefined ? {} : { body: JSON.stringify(s.body) }),
        });
        return (await res.arrayBuffer()).byteLength;
      }),
    );
    process.stdout.write(
      `Gateway routing endpoints vs describe on the same BFF: seeded ${10 + BIG} gateway routes in ${seedSeconds.toFixed(1)} s; ` +
        `${RUNS} runs of ${REQUESTS} sequential requests (a tenth of that for 1,000 routes) and ${SECONDS} s at 16 connections per scenario; ` +
        `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at start\n`,
    );
    const samples = new Map<string, number[]>(list.map((s) => [s.name, []]));
    const rps = new Map<string, number[]>(list.map((s) => [s.name, []]));
    let errors = 0;
    for (let run = 0; run < RUNS; run++) {
      // alternate the order so no scenario always runs on a warmer (or busier) machine
      const order = run % 2 === 0 ? list : [...list].reverse();
      for (const s of order) {
        const count = s.name.includes('1,000') ? Math.max(20, Math.round(REQUESTS / 10)) : REQUESTS;
        samples.get(s.name)!.push(...(await sequential(bff.url, s, count)));
        const t = await throughput(bff.url, s);
        rps.get(s.name)!.push(t.rps);
        errors += t.errors;
      }
    }
    const base = list[0]!.name;
    const p50 = (name: string) => median(samples.get(name)!);
    const p99 = (name: string) => percentile(samples.get(name)!, 99);
    const r = (name: string) => median(rps.get(name)!);
    printTable(
      'Routing endpoints: latency (ms, one connection) and requests/second (16 connections), against describe',
      ['request', 'answer bytes', 'p50', 'p99', 'p50 / describe', 'p99 / describe', 'req/s', 'req/s / describe'],
      list.map((s, i) => [
        s.name,
        sizes[i]!.toLocaleString('en-US'),
        fmt(p50(s.name), 2),
        fmt(p99(s.name), 2),
        ratio(p50(s.name), p50(base)),
        ratio(p99(s.name), p99(base)),
        fmt(r(s.name)),
        ratio(r(s.name), r(base)),
      ]),
    );
    process.stdout.write(`\nnon-2xx responses, errors and timeouts over all runs: ${errors}\n`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await bff?.stop();
  }
}

await main();
