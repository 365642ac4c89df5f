// The browser's own account of a cold load: a Chromium trace (devtools.timeline, v8, blink, loading)
// of one cold load of the virtual gateways page and one of the floor (bench/floor's table.html), after
// a warm-up load, from navigation to the first row. Prints, for the renderer's main thread, the total
// duration of each kind of trace event (module evaluation, script compile, style, layout, CSS parse,
// ...). Events nest, so the rows overlap: read them side by side, not as a sum.
// Run after `pnpm -r build`: `cd bench && node --import tsx console-trace.ts`. BENCH_TRACE_OUT=/tmp/t
// keeps the traces (`/tmp/t-console.json`, `/tmp/t-floor.json`) for chrome://tracing or DevTools.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchBrowser, serveFloor } from './lib/browser';
import { startBff } from './lib/server';
import { fmt, printTable } from './lib/stats';

const MESH = process.env.BENCH_MESH ?? 'demo-mesh';
const KEEP = process.env.BENCH_TRACE_OUT;
const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink', 'loading'];
/** The events worth reading side by side (the rest are wrappers of these or tiny). */
const SHOWN = [
  'v8.evaluateModule',
  'v8.compile',
  'v8.compileModule',
  'FunctionCall',
  'v8.callFunction',
  'UpdateLayoutTree',
  'Layout',
  'Blink.ForcedStyleAndLayout.UpdateTime',
  'ParseAuthorStyleSheet',
  'Paint',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** Milliseconds per event name on every renderer main thread of the trace (a navigation may change process). */
function mainThreadTotals(file: string): Map<string, number> {
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !mains.has(`${e.pid}:${e.tid}`)) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  return totals;
}

async function traceLoad(browser: Browser, url: string, row: string, file: string): Promise<Map<string, number>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await browser.startTracing(page, { path: file, categories: CATEGORIES });
  await page.goto(url);
  await page.locator(row).first().waitFor({ state: 'visible' });
  await browser.stopTracing();
  await context.close();
  return mainThreadTotals(file);
}

const dir = KEEP ? undefined : mkdtempSync(join(tmpdir(), 'console-trace-'));
const path = (label: string) => (KEEP ? `${KEEP}-${label}.json` : join(dir as string, `${label}.json`));
const floor = await serveFloor();
const bff = await startBff();
const browser = await launchBrowser();
try {
  const consoleUrl = `${bff.url}/meshes/${encodeURIComponent(MESH)}/virtual-gateways`;
  const appRow = 'table tbody tr a';
  // Not measured: the BFF compresses each asset on its first request.
  await traceLoad(browser, consoleUrl, appRow, path('warm-up'));
  const app = await traceLoad(browser, consoleUrl, appRow, path('console'));
  const bare = await traceLoad(browser, `${floor.url}/table.html`, 'table tbody tr', path('floor'));
  printTable(
    `Main-thread time by trace event, one cold load each (/meshes/${MESH}/virtual-gateways and the floor)`,
    ['event', 'meshconsole ms', 'floor ms'],
    SHOWN.filter((name) => app.has(name) || bare.has(name)).map((name) => [
      name,
      fmt(app.get(name) ?? 0),
      fmt(bare.get(name) ?? 0),
    ]),
  );
} finally {
  await browser.close();
  await bff.stop();
  await floor.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
