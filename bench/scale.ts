// Scale: a mesh holding 10,000 virtual gateways. Walks every list page through the App Mesh API and
// the console API (p50/p99 per page), loads the console table to its first row, and reads the server's
// memory; the baseline, measured in the same run, is a mesh holding 100 gateways.
import { join } from 'node:path';
import { createEngine, SqliteStore } from '@meshconsole/engine';
import { coldLoad, launchBrowser } from './lib/browser';
import { startBff, tempDir } from './lib/server';
import { fmt, median, percentile, printTable, ratio, repeat } from './lib/stats';

const BIG = Number(process.env.BENCH_GATEWAYS ?? 10_000);
const SMALL = 100;
const ACCOUNT = '123456789012';
const file = join(tempDir('scale'), 'scale.db');

async function seed(): Promise<number> {
  const engine = createEngine({
    store: new SqliteStore(file),
    region: 'us-west-2',
    quotas: { virtualGatewaysPerMesh: BIG + SMALL },
  });
  const api = engine.forCaller(ACCOUNT);
  const t0 = performance.now();
  for (const [mesh, count] of [
    ['scale-mesh', BIG],
    ['small-mesh', SMALL],
  ] as const) {
    await api.createMesh({ meshName: mesh });
    for (let i = 0; i < count; i++) {
      await api.createVirtualGateway({
        meshName: mesh,
        virtualGatewayName: `gw-${String(i).padStart(5, '0')}`,
        spec: { listeners: [{ portMapping: { port: 8080 + (i % 100), protocol: 'http' } }] },
      });
    }
  }
  await engine.close();
  return (performance.now() - t0) / 1000;
}

async function walk(url: (token?: string) => string, key: string): Promise<{ pages: number[]; items: number }> {
  const pages: number[] = [];
  let items = 0;
  let token: string | undefined;
  do {
    const t0 = performance.now();
    const res = await fetch(url(token));
    const body = (await res.json()) as Record<string, unknown>;
    pages.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    items += (body[key] as unknown[]).length;
    token = body.nextToken as string | undefined;
  } while (token);
  return { pages, items };
}

const seedSeconds = await seed();
const bff = await startBff({
  MESH_DB: file,
  SEED: 'none',
  QUOTA_VIRTUAL_GATEWAYS_PER_MESH: String(BIG + SMALL),
});
const rssIdle = bff.rssMiB();
const browser = await launchBrowser();
try {
  const q = (t?: string) => (t ? `&nextToken=${encodeURIComponent(t)}` : '');
  const rows: string[][] = [];
  for (const [label, path, key] of [
    [
      'App Mesh API ListVirtualGateways',
      (m: string) => `/v20190125/meshes/${m}/virtualGateways?limit=100`,
      'virtualGateways',
    ],
    ['console API virtual gateways page', (m: string) => `/api/meshes/${m}/virtual-gateways?limit=100`, 'items'],
  ] as const) {
    const big = await walk((t) => `${bff.url}${path('scale-mesh')}${q(t)}`, key);
    const small = await walk((t) => `${bff.url}${path('small-mesh')}${q(t)}`, key);
    if (big.items !== BIG || small.items !== SMALL)
      throw new Error(`${label}: listed ${big.items}/${small.items} items`);
    rows.push([
      label,
      String(big.pages.length),
      fmt(median(big.pages), 2),
      fmt(percentile(big.pages, 99), 2),
      fmt(median(small.pages), 2),
      ratio(median(big.pages), median(small.pages)),
    ]);
  }
  printTable(
    `List pages of 100 (mesh with ${BIG.toLocaleString('en-US')} gateways; baseline: a mesh with ${SMALL}); seeded in ${fmt(seedSeconds)} s`,
    ['API', 'pages', 'p50 ms', 'p99 ms', `baseline p50 ms (${SMALL})`, 'ratio'],
    rows,
  );

  const tableLoad = async (mesh: string) =>
    repeat(5, async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const ms = await coldLoad(page, `${bff.url}/meshes/${mesh}/virtual-gateways`, async (p) => {
        await p.locator('table tbody tr a').first().waitFor({ state: 'visible' });
      });
      await ctx.close();
      return ms;
    });
  const big = await tableLoad('scale-mesh');
  const small = await tableLoad('small-mesh');
  printTable(
    'Console table, cold load to first row (median of 5)',
    ['mesh', 'ms', 'ratio to small mesh'],
    [
      [`scale-mesh (${BIG})`, fmt(median(big)), ratio(median(big), median(small))],
      [`small-mesh (${SMALL})`, fmt(median(small)), '1.00x'],
    ],
  );
  printTable(
    'Server memory (RSS)',
    ['when', 'MiB'],
    [
      ['idle after start', fmt(rssIdle)],
      ['after every page of both meshes, twice over, and 10 table loads', fmt(bff.rssMiB())],
    ],
  );
} finally {
  await browser.close();
  await bff.stop();
}
