import { defineConfig } from '@playwright/test';

// The documented consumer config (packages/playwright/README.md): nothing about meshconsole here; the
// kit's `test` starts one meshconsole server per worker by itself.
export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'results.json' }]],
  use: {
    browserName: 'chromium',
    // Use your own browser setup; this example runs on a machine with Debian's Chromium.
    launchOptions: process.env.CHROMIUM_PATH
      ? { executablePath: process.env.CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] }
      : {},
  },
});
