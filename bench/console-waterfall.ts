// Where a cold load of the virtual gateways page spends its time, beside the floor page (bench/floor's
// table.html, the same Cloudscape components with no app code): one cold load of each (a new browser
// context), printing each request's start and end on the page's clock, the long tasks (script
// evaluation and render work over 50 ms) and the first row's time.
// Run after `pnpm -r build`: `cd bench && node --import tsx console-waterfall.ts`. With BENCH_PROFILE=1
// it also samples the main thread's JavaScript (the DevTools profiler, 100 µs) from navigation to the
// first row, and prints the self time by script and by function.
import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession } from '@playwright/test';
import { launchBrowser, serveFloor } from './lib/browser';
import { startBff } from './lib/server';
import { fmt, printTable } from './lib/stats';

const MESH = process.env.BENCH_MESH ?? 'demo-mesh';
const PROFILE = process.env.BENCH_PROFILE === '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
/** Self time in ms by script and by function (`name url:line:col`), from a CPU profile. */
interface SelfTimes {
  byScript: [string, number][];
  byFunction: [string, number][];
  /** Every function's self time, for BENCH_PROFILE_OUT. */
  all: [string, number][];
}

interface Waterfall {
  firstRow: number;
  html: number[];
  longTasks: [number, number][];
  resources: (readonly [string, string, number, number, number])[];
  profile?: SelfTimes;
}

function selfTimes(profile: CpuProfile): SelfTimes {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const script = new Map<string, number>();
  const fn = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    // A sample's time is the delta to the next sample.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame) return;
    const file = frame.url ? new URL(frame.url).pathname : `(${frame.functionName || 'native'})`;
    script.set(file, (script.get(file) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { byScript: top(script, 15), byFunction: top(fn, 25), all: [...fn] };
}

/** One load in a new context; the page's clock from navigation start. */
async function waterfall(browser: Browser, url: string, row: string): Promise<Waterfall> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((rowSelector) => {
    const w = window as unknown as { __firstRow?: number; __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector(rowSelector)) {
        w.__firstRow = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, row);
  let cdp: CDPSession | undefined;
  if (PROFILE) {
    // A page of the same origin first, so the load being profiled stays in this renderer process.
    await page.goto(new URL('/api/session', url).href);
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(row).first().waitFor({ state: 'visible' });
  const profile = cdp ? selfTimes((await cdp.send('Profiler.stop')).profile as CpuProfile) : undefined;
  await page.waitForLoadState('networkidle');
  const data = await page.evaluate(() => {
    const w = window as unknown as { __firstRow?: number; __longTasks: [number, number][] };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      firstRow: w.__firstRow ?? Number.NaN,
      longTasks: w.__longTasks,
      html: [nav.requestStart, nav.responseEnd, nav.domContentLoadedEventEnd],
      resources: performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .map(
          (e) =>
            [
              new URL(e.name).pathname + new URL(e.name).search,
              e.initiatorType,
              e.startTime,
              e.responseEnd,
              e.encodedBodySize,
            ] as const,
        ),
    };
  });
  await context.close();
  return { ...data, profile };
}

function print(label: string, data: Waterfall): void {
  printTable(
    `${label}: first row at ${fmt(data.firstRow)} ms (HTML ${fmt(data.html[0] ?? 0)}-${fmt(data.html[1] ?? 0)} ms, DOMContentLoaded ${fmt(data.html[2] ?? 0)} ms)`,
    ['request', 'by', 'start ms', 'end ms', 'bytes'],
    data.resources.map(([name, by, start, end, bytes]) => [name, by, fmt(start), fmt(end), String(bytes)]),
  );
  printTable(
    `${label}: long tasks (over 50 ms)`,
    ['start ms', 'duration ms'],
    data.longTasks.map(([start, d]) => [fmt(start), fmt(d)]),
  );
  if (!data.profile) return;
  const out = process.env.BENCH_PROFILE_OUT;
  if (out)
    writeFileSync(
      `${out}-${label.startsWith('Cold load of the floor') ? 'floor' : 'console'}.json`,
      JSON.stringify(data.profile.all),
    );
  printTable(
    `${label}: JavaScript self time by script, navigation to first row`,
    ['script', 'ms'],
    data.profile.byScript.map(([name, ms]) => [name, fmt(ms)]),
  );
  printTable(
    `${label}: JavaScript self time by function`,
    ['function', 'ms'],
    data.profile.byFunction.map(([name, ms]) => [name, fmt(ms)]),
  );
}

const floor = await serveFloor();
const bff = await startBff();
const browser = await launchBrowser();
try {
  const consoleUrl = `${bff.url}/meshes/${MESH}/virtual-gateways`;
  const appRow = 'table tbody tr a';
  // Not measured: the BFF compresses each asset on its first request (then keeps it in memory), so a
  // load from a fresh server would time brotli rather than the page.
  await waterfall(browser, consoleUrl, appRow);
  print(`Cold load of /meshes/${MESH}/virtual-gateways`, await waterfall(browser, consoleUrl, appRow));
  print(
    'Cold load of the floor (bench/floor table.html)',
    await waterfall(browser, `${floor.url}/table.html`, 'table tbody tr'),
  );
} finally {
  await browser.close();
  await bff.stop();
  await floor.close();
}
