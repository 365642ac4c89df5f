// Where a cold load of the virtual gateways page spends its time: one cold load (new browser context)
// of the built console from the real, built BFF, printing each request's start and end on the page's
// clock, the long tasks (script evaluation and render work over 50 ms) and the first row's time.
// Run after `pnpm -r build`: `cd bench && node --import tsx console-waterfall.ts`.
import { launchBrowser } from './lib/browser';
import { startBff } from './lib/server';
import { fmt, printTable } from './lib/stats';

const MESH = process.env.BENCH_MESH ?? 'demo-mesh';
const bff = await startBff();
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __firstRow?: number; __longTasks: [number, number][] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('table tbody tr a')) {
        w.__firstRow = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${bff.url}/meshes/${MESH}/virtual-gateways`, { waitUntil: 'commit' });
  await page.locator('table tbody tr a').first().waitFor({ state: 'visible' });
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
  printTable(
    `Cold load of /meshes/${MESH}/virtual-gateways: first row at ${fmt(data.firstRow)} ms (HTML ${fmt(data.html[0] ?? 0)}-${fmt(data.html[1] ?? 0)} ms, DOMContentLoaded ${fmt(data.html[2] ?? 0)} ms)`,
    ['request', 'by', 'start ms', 'end ms', 'bytes'],
    data.resources.map(([name, by, start, end, bytes]) => [name, by, fmt(start), fmt(end), String(bytes)]),
  );
  printTable(
    'Long tasks (over 50 ms)',
    ['start ms', 'duration ms'],
    data.longTasks.map(([start, d]) => [fmt(start), fmt(d)]),
  );
  await context.close();
} finally {
  await browser.close();
  await bff.stop();
}
