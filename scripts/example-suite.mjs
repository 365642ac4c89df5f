// Runs examples/playwright-suite the way a consumer would: in a new folder outside this repository,
// with the kit as a tarball (`npm pack packages/playwright`) and @playwright/test from the registry,
// `npm install`, then `playwright test` (two workers). Needs `pnpm -r build` first (the kit's dist/).
// `node scripts/example-suite.mjs [report.json]`; `npm test` calls runExampleSuite().
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { log, root, run } from './lib.mjs';

/** Returns the exit code; the Playwright JSON report goes to `reportFile`. */
export function runExampleSuite(reportFile) {
  const dir = mkdtempSync(join(tmpdir(), 'meshconsole-example-'));
  try {
    const suite = join(dir, 'playwright-suite');
    log(`example consumer project in ${suite}`);
    if (run('npm', ['pack', '--silent', '--pack-destination', dir, join(root, 'packages', 'playwright')]) !== 0)
      return 1;
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (tarball !== 'meshconsole-playwright-0.1.0.tgz') {
      log(`npm pack made ${tarball}; examples/playwright-suite/package.json names meshconsole-playwright-0.1.0.tgz`);
      return 1;
    }
    cpSync(join(root, 'examples', 'playwright-suite'), suite, {
      recursive: true,
      filter: (src) => !/node_modules|test-results|results\.json|package-lock\.json/.test(src),
    });
    const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
    if (run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: suite, env }) !== 0) return 1;
    return run('npx', ['playwright', 'test'], {
      cwd: suite,
      env: {
        ...env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile,
        CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      },
    });
  } finally {
    // MESHCONSOLE_EXAMPLE_KEEP=1 keeps the folder (traces, error context) for a look after a failure.
    if (process.env.MESHCONSOLE_EXAMPLE_KEEP === '1') log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(runExampleSuite(process.argv[2] ?? join(tmpdir(), 'meshconsole-example-results.json')));
}
