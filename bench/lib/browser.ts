// Headless Chromium (Debian's) through Playwright, plus a bare static server for the floor pages.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import express from 'express';
import { CHROMIUM, CHROMIUM_ARGS, repoRoot } from './server';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface Transfer {
  jsGzip: number;
  cssGzip: number;
}

/** Counts the gzip size of every JS and CSS response the page loads (what a compressing server would send). */
export function trackTransfer(page: Page): Transfer {
  const t: Transfer = { jsGzip: 0, cssGzip: 0 };
  page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    const isJs = type.includes('javascript');
    const isCss = type.includes('text/css');
    if (!isJs && !isCss) return;
    try {
      const size = gzipSync(await res.body()).length;
      if (isJs) t.jsGzip += size;
      else t.cssGzip += size;
    } catch {
      // a response without a body (redirect, aborted) transfers nothing
    }
  });
  return t;
}

/**
 * Marks, in a page about to load, when its first table row is painted and when it takes input, on the
 * page's own clock (milliseconds from navigation start); `firstRowTimes` reads them once both are in.
 * - painted: the first row (the first `table tbody tr` with `rowContent` in it, not a loading row; marked for the Element Timing API as soon as
 *   it is in the document, before its first paint) as the browser paints it;
 * - interactive: the row is in the document and `#root` is not `inert` (a server-rendered console
 *   page is `inert` until the console has hydrated it; a page rendered in the browser takes input as
 *   soon as its rows are in).
 */
export async function markFirstRow(page: Page, rowContent: string): Promise<void> {
  await page.addInitScript((content: string) => {
    const marks: { painted?: number; interactive?: number } = {};
    (window as unknown as { __firstRow: typeof marks }).__firstRow = marks;
    // Element Timing entries reach observers only (not performance.getEntries).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
        if (entry.identifier !== 'first-row') continue;
        const at = entry.renderTime || entry.startTime;
        marks.painted = Math.min(marks.painted ?? at, at);
      }
    }).observe({ type: 'element', buffered: true });
    const observer = new MutationObserver(() => {
      const row = document.querySelector(`table tbody tr ${content}`)?.closest('tr');
      if (!row) return;
      if (!row.hasAttribute('elementtiming')) {
        for (const el of [row, ...row.querySelectorAll('*')]) el.setAttribute('elementtiming', 'first-row');
      }
      if (!document.getElementById('root')?.hasAttribute('inert')) {
        marks.interactive = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['inert'] });
  }, rowContent);
}

/** The marks of `markFirstRow`, waiting for them: ms from navigation start to the row's paint and to input. */
export async function firstRowTimes(page: Page): Promise<{ painted: number; interactive: number }> {
  const handle = await page.waitForFunction(() => {
    const { painted, interactive } = (window as unknown as { __firstRow: { painted?: number; interactive?: number } })
      .__firstRow;
    return painted !== undefined && interactive !== undefined ? { painted, interactive } : false;
  });
  return (await handle.jsonValue()) as { painted: number; interactive: number };
}

/** Milliseconds from navigation start until `ready` resolves, read from the page's own clock. */
export async function coldLoad(page: Page, url: string, ready: (page: Page) => Promise<void>): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  return page.evaluate(() => performance.now());
}

export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(express.static(dir));
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Builds the floor pages (bench/floor: the same Cloudscape components, no app code) and serves them. */
export function serveFloor(): Promise<{ url: string; close(): Promise<void> }> {
  execFileSync('pnpm', ['exec', 'vite', 'build', '--config', 'floor/vite.config.ts'], {
    cwd: join(repoRoot, 'bench'),
    stdio: 'ignore',
  });
  return serveStatic(join(repoRoot, 'bench/floor/dist'));
}
