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
