// Console cold loads in headless Chromium: the virtual gateways page to its first table row, and the
// create page to an interactive form, against the floor (the same Cloudscape components with no app
// code, built from bench/floor). Prints medians, the ratio to the floor, and gzip bytes of JS and CSS.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { coldLoad, launchBrowser, serveStatic, trackTransfer } from './lib/browser';
import { repoRoot, startBff } from './lib/server';
import { fmt, median, printTable, ratio, repeat } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MESH = process.env.BENCH_MESH ?? 'demo-mesh';

execFileSync('pnpm', ['exec', 'vite', 'build', '--config', 'floor/vite.config.ts'], {
  cwd: join(repoRoot, 'bench'),
  stdio: 'ignore',
});
const floor = await serveStatic(join(repoRoot, 'bench/floor/dist'));
const bff = await startBff();
const browser = await launchBrowser();

interface Sample {
  ms: number;
  jsGzip: number;
  cssGzip: number;
}

async function measure(url: string, ready: Parameters<typeof coldLoad>[2]): Promise<Sample[]> {
  return repeat(RUNS, async () => {
    const context = await browser.newContext(); // a new context each run: a cold cache
    const page = await context.newPage();
    const transfer = trackTransfer(page);
    const ms = await coldLoad(page, url, ready);
    await page.waitForLoadState('networkidle');
    await context.close();
    return { ms, ...transfer };
  });
}

const firstRow: Parameters<typeof coldLoad>[2] = async (page) => {
  await page.locator('table tbody tr a').first().waitFor({ state: 'visible' });
};
const interactiveForm: Parameters<typeof coldLoad>[2] = async (page) => {
  const name = page.getByLabel('Virtual gateway name');
  await name.waitFor({ state: 'visible' });
  await name.fill('x');
};

try {
  const cases = [
    {
      name: 'virtual gateways table, first row',
      app: await measure(`${bff.url}/meshes/${MESH}/virtual-gateways`, firstRow),
      floor: await measure(`${floor.url}/table.html`, async (page) => {
        await page.locator('table tbody tr').first().waitFor({ state: 'visible' });
      }),
    },
    {
      name: 'create virtual gateway, interactive form',
      app: await measure(`${bff.url}/meshes/${MESH}/virtual-gateways/create`, interactiveForm),
      floor: await measure(`${floor.url}/form.html`, interactiveForm),
    },
  ];
  const kib = (b: number) => `${fmt(b / 1024)} KiB`;
  printTable(
    `Console cold load (median of ${RUNS}, headless Chromium, new context each run)`,
    ['page', 'meshconsole ms', 'floor ms', 'ratio', 'JS gzip', 'CSS gzip', 'floor JS gzip', 'floor CSS gzip'],
    cases.map((c) => {
      const a = median(c.app.map((s) => s.ms));
      const f = median(c.floor.map((s) => s.ms));
      return [
        c.name,
        fmt(a),
        fmt(f),
        ratio(a, f),
        kib(median(c.app.map((s) => s.jsGzip))),
        kib(median(c.app.map((s) => s.cssGzip))),
        kib(median(c.floor.map((s) => s.jsGzip))),
        kib(median(c.floor.map((s) => s.cssGzip))),
      ];
    }),
  );
} finally {
  await browser.close();
  await bff.stop();
  await floor.close();
}
