// `npm test`: installs what the tests need, then lint, typecheck, build, unit + API tests (Vitest)
// and end-to-end tests (Playwright, Debian's Chromium). Ends with one line: "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { log, root, run, setup } from './lib.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium`);
    process.exit(1);
  }
  log('installing Chromium from Debian (apt-get install chromium)');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'chromium']) !== 0) {
    log('could not install Chromium: apt-get update && apt-get install -y chromium');
    process.exit(1);
  }
}

setup();
ensureChromium();

const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  log(`── ${name}`);
  const code = run(cmd, args, { env: { ...process.env, ...env } });
  if (code !== 0) failures.push(`${name} (exit ${code})`);
  return code;
}

/** A port nobody listens on, so a stray server on the e2e default port cannot break a run. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

step('lint', 'pnpm', ['exec', 'biome', 'check', '.']);
step('typecheck', 'pnpm', ['-r', 'typecheck']);
const buildCode = step('build', 'pnpm', ['-r', 'build']);

const vitestJson = join(results, 'vitest.json');
step('unit and API tests (vitest)', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numTodoTests ?? 0);
} else failures.push('vitest wrote no report');

if (buildCode === 0) {
  const pwJson = join(results, 'playwright.json');
  step('end-to-end tests (playwright)', 'pnpm', ['--filter', '@meshconsole/e2e', 'exec', 'playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    CHROMIUM_PATH: CHROMIUM,
    MESHCONSOLE_E2E_PORT: String(process.env.MESHCONSOLE_E2E_PORT ?? (await freePort())),
  });
  const p = readJson(pwJson);
  if (p?.stats) {
    passed += p.stats.expected ?? 0;
    failed += (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0);
  } else failures.push('playwright wrote no report');
} else failures.push('end-to-end tests not run: the build failed');

if (passed === 0) failures.push('no test ran');
for (const f of failures) log(`FAILED: ${f}`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
