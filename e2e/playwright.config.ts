import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import {
  BFF_MAIN,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  E2E_BASE_URL,
  E2E_DIR,
  E2E_HOST,
  E2E_PORT,
  runDir,
} from './fixtures/environment';

// The build happens before (the root `npm test` runs `pnpm -r build`); this config never builds.
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // The specs share one server and reset its data before each test, so they run one at a time.
  workers: 1,
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
    baseURL: E2E_BASE_URL,
    browserName: 'chromium',
    viewport: { width: 1600, height: 1000 },
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node ${JSON.stringify(BFF_MAIN)}`,
    cwd: E2E_DIR,
    url: `${E2E_BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      HOST: E2E_HOST,
      PORT: String(E2E_PORT),
      MESH_BACKEND: 'local',
      MESH_DB: join(runDir(), 'meshconsole.db'),
      SEED: 'demo',
      LOG_LEVEL: 'warn',
    },
  },
});
