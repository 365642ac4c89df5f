import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './fixtures/environment';

/** Workers: MESHCONSOLE_E2E_WORKERS, else 2 (the sweet spot on two cores, docs/performance.md). */
const WORKERS = Number(process.env.MESHCONSOLE_E2E_WORKERS ?? 2);

// The build happens before (the root `npm test` runs `pnpm -r build`); this config never builds.
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Each worker has its own meshconsole server (the kit's fixture: own port, own in-memory store),
  // so spec files run in parallel; the tests of one file run in order in one worker.
  workers: WORKERS,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // `npm test` sets PLAYWRIGHT_JSON_OUTPUT_NAME and reads stats.expected / stats.unexpected; a run of
  // its own writes the report beside the traces instead of onto stdout.
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'playwright-report/results.json' }],
  ],
  globalSetup: './fixtures/global-setup.ts',
  globalTeardown: './fixtures/global-teardown.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 1000 },
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
