// `npm test`: installs what the tests need, then lint, typecheck, build, unit + API tests (Vitest)
// and end-to-end tests (Playwright, Debian's Chromium, PostgreSQL's server programs). Ends with one
// line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runExampleSuite } from './example-suite.mjs';
import { log, root, run, setup } from './lib.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
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

/**
 * The folder with PostgreSQL's server programs (`initdb`, `postgres`): the PATH, else Debian's
 * /usr/lib/postgresql/<version>/bin, highest version first. The PostgreSQL tests start throwaway
 * servers with them (packages/postgres-sandbox).
 */
function findPostgresBin() {
  const works = (dir) =>
    ['initdb', 'postgres'].every((p) => spawnSync(join(dir, p), ['--version'], { stdio: 'ignore' }).status === 0);
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    for (const v of readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a)))
      dirs.push(join(debian, v, 'bin'));
  }
  return dirs.find(works);
}

function ensurePostgres() {
  let bin = findPostgresBin();
  if (bin) return bin;
  if (!isRoot) {
    log(
      "PostgreSQL's server programs (initdb, postgres) are missing. Install them with: sudo apt-get update && sudo apt-get install -y postgresql",
    );
    process.exit(1);
  }
  log('installing PostgreSQL from Debian (apt-get install postgresql)');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'postgresql']) !== 0) {
    log('could not install PostgreSQL: apt-get update && apt-get install -y postgresql');
    process.exit(1);
  }
  bin = findPostgresBin();
  if (!bin) {
    log('PostgreSQL was installed but initdb and postgres were not found under /usr/lib/postgresql/*/bin');
    process.exit(1);
  }
  return bin;
}

setup();
ensureChromium();
// The sandbox looks here first (Debian keeps initdb off the PATH).
process.env.MESHCONSOLE_PG_BIN = ensurePostgres();
log(`PostgreSQL server programs: ${process.env.MESHCONSOLE_PG_BIN}`);

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

/** Adds a Playwright JSON report's counts. */
function countPlaywright(file, what) {
  const p = readJson(file);
  if (p?.stats) {
    passed += p.stats.expected ?? 0;
    failed += (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0);
  } else failures.push(`${what} wrote no report`);
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
  // Two workers (e2e/playwright.config.ts; MESHCONSOLE_E2E_WORKERS overrides): each has its own server.
  step('end-to-end tests (playwright)', 'pnpm', ['--filter', '@meshconsole/e2e', 'exec', 'playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    CHROMIUM_PATH: CHROMIUM,
  });
  countPlaywright(pwJson, 'playwright');

  // The example consumer project, outside the repository, with the kit as a tarball (scripts/example-suite.mjs).
  const exampleJson = join(results, 'example-suite.json');
  log('── example consumer project (examples/playwright-suite)');
  process.env.CHROMIUM_PATH = CHROMIUM;
  const exampleCode = runExampleSuite(exampleJson);
  if (exampleCode !== 0) failures.push(`example consumer project (exit ${exampleCode})`);
  countPlaywright(exampleJson, 'the example consumer project');
} else failures.push('end-to-end tests not run: the build failed');

if (passed === 0) failures.push('no test ran');
for (const f of failures) log(`FAILED: ${f}`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
