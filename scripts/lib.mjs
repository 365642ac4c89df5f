// Shared helpers for the two README commands. Plain Node, no dependencies: these run before
// anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.4.2';

export function log(msg) {
  process.stdout.write(`[meshconsole] ${msg}\n`);
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Make sure pnpm (pinned) is on PATH, installing it with npm when it is missing or another version. */
export function ensurePnpm() {
  const have = pnpmVersion();
  if (have === PNPM_VERSION) return;
  log(have ? `pnpm ${have} found; installing pnpm@${PNPM_VERSION}` : `installing pnpm@${PNPM_VERSION}`);
  const r = spawnSync('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`], { stdio: 'inherit' });
  if (r.status !== 0 || pnpmVersion() !== PNPM_VERSION) {
    throw new Error(
      `could not install pnpm@${PNPM_VERSION}; run "npm install --global pnpm@${PNPM_VERSION}" (with sudo if needed) and try again`,
    );
  }
}

/** Environment for installs: native addons (better-sqlite3) build against the local Node headers. */
export function installEnv() {
  const env = { ...process.env };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  return env;
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: opts.env ?? process.env, ...opts });
  return r.status ?? 1;
}

export function must(cmd, args, opts = {}) {
  const code = run(cmd, args, opts);
  if (code !== 0) {
    log(`failed: ${cmd} ${args.join(' ')} (exit ${code})`);
    process.exit(code);
  }
}

/** pnpm, pinned, then the dependencies exactly as the lockfile says. */
export function setup() {
  ensurePnpm();
  must('pnpm', ['install', '--frozen-lockfile'], { env: installEnv() });
}
