// Console cold loads in headless Chromium: the virtual gateways page to its first table row (painted,
// seen by Playwright, and taking input), and the create page to an interactive form, against the floor
// (the same Cloudscape components with no app code, built from bench/floor). A second BFF serves
// "before": the console build in BENCH_BEFORE_DIST (a dist folder built from an earlier commit), or
// else the same build with SERVER_RENDER=off, so "before" and "after" come from the same run. The
// three are loaded in turn, run after run, the order rotating. Prints medians, the ratios to the
// floor, and gzip bytes of JS and CSS.
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { coldLoad, firstRowTimes, launchBrowser, markFirstRow, serveFloor, trackTransfer } from './lib/browser';
import { startBff } from './lib/server';
import { fmt, median, printTable, ratio } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const MESH = process.env.BENCH_MESH ?? 'demo-mesh';

const beforeDist = process.env.BENCH_BEFORE_DIST;
const beforeLabel = beforeDist
  ? `before = the build in ${beforeDist}`
  : 'before = the same build with SERVER_RENDER=off (every page rendered in the browser)';

const floor = await serveFloor();
const bff = await startBff();
const before = await startBff(beforeDist ? { CONSOLE_DIST: beforeDist } : { SERVER_RENDER: 'off' });
const browser = await launchBrowser();
const loadAtStart = loadavg()[0] ?? 0;

interface Sample {
  /** ms from navigation start until `ready` resolved (Playwright saw it). */
  ms: number;
  /** With a `row`: ms to the first row's paint and to the page taking input (lib/browser.ts, markFirstRow). */
  painted?: number;
  interactive?: number;
  jsGzip: number;
  cssGzip: number;
}

type Ready = (page: Page) => Promise<void>;
interface Variant {
  url: string;
  ready: Ready;
  /** What is in a data row of the page's table (not its loading row): its paint and input are timed. */
  row?: string;
}

async function load({ url, ready, row }: Variant): Promise<Sample> {
  const context = await browser.newContext(); // a new context each run: a cold cache
  const page = await context.newPage();
  page.setDefaultTimeout(120_000); // a cold load on the shared 2-core machine can take tens of seconds
  const transfer = trackTransfer(page);
  if (row) await markFirstRow(page, row);
  const ms = await coldLoad(page, url, ready);
  const rowTimes = row ? await firstRowTimes(page) : {};
  await page.waitForLoadState('networkidle');
  await context.close();
  return { ms, ...rowTimes, ...transfer };
}

/** RUNS loads of each variant, interleaved (a, b, c, then b, c, a, ...), so load on the machine hits all alike. */
async function interleaved(variants: Variant[]): Promise<Sample[][]> {
  const samples: Sample[][] = variants.map(() => []);
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (run + k) % variants.length;
      const v = variants[i];
      if (v) samples[i]?.push(await load(v));
    }
  }
  return samples;
}

const firstRow: Ready = async (page) => {
  await page.locator('table tbody tr a').first().waitFor({ state: 'visible' });
};
const interactiveForm: Ready = async (page) => {
  const name = page.getByLabel('Virtual gateway name');
  await name.waitFor({ state: 'visible' });
  await name.fill('x');
};

type Metric = 'ms' | 'painted' | 'interactive';

try {
  const cases: {
    name: string;
    path: string;
    ready: Ready;
    row?: string;
    floor: Variant;
    /** The rows printed: a label and the sample's figure. */
    metrics: [string, Metric][];
  }[] = [
    {
      name: 'virtual gateways table',
      path: `/meshes/${MESH}/virtual-gateways`,
      ready: firstRow,
      row: 'a',
      floor: {
        url: `${floor.url}/table.html`,
        ready: (async (page) => {
          await page.locator('table tbody tr').first().waitFor({ state: 'visible' });
        }) as Ready,
        row: 'td',
      },
      metrics: [
        ['first row painted', 'painted'],
        ['first row seen by Playwright', 'ms'],
        ['takes input', 'interactive'],
      ],
    },
    {
      name: 'create virtual gateway',
      path: `/meshes/${MESH}/virtual-gateways/create`,
      ready: interactiveForm,
      floor: { url: `${floor.url}/form.html`, ready: interactiveForm },
      metrics: [['interactive form', 'ms']],
    },
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    const [app = [], old = [], base = []] = await interleaved([
      { url: `${bff.url}${c.path}`, ready: c.ready, ...(c.row ? { row: c.row } : {}) },
      { url: `${before.url}${c.path}`, ready: c.ready, ...(c.row ? { row: c.row } : {}) },
      c.floor,
    ]);
    const kib = (samples: Sample[], key: 'jsGzip' | 'cssGzip') =>
      `${fmt(median(samples.map((s) => s[key])) / 1024)} KiB`;
    for (const [label, metric] of c.metrics) {
      const of = (samples: Sample[]) => median(samples.map((s) => s[metric] ?? Number.NaN));
      const [a, o, f] = [of(app), of(old), of(base)];
      rows.push([
        `${c.name}, ${label}`,
        fmt(o),
        fmt(a),
        fmt(f),
        ratio(o, f),
        ratio(a, f),
        kib(app, 'jsGzip'),
        kib(app, 'cssGzip'),
        kib(base, 'jsGzip'),
        kib(base, 'cssGzip'),
      ]);
    }
  }
  printTable(
    `Console cold load (median of ${RUNS}, headless Chromium, new context each run; ${beforeLabel}; load average ${fmt(loadAtStart)} at the start, ${fmt(loadavg()[0] ?? 0)} at the end)`,
    [
      'page',
      'before ms',
      'meshconsole ms',
      'floor ms',
      'before / floor',
      'meshconsole / floor',
      'JS gzip',
      'CSS gzip',
      'floor JS gzip',
      'floor CSS gzip',
    ],
    rows,
  );
} finally {
  await browser.close();
  await bff.stop();
  await before.stop();
  await floor.close();
}
