// `npm run bench`: every benchmark script in turn, each in its own process; figures go to stdout.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = (
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['engine', 'bff', 'routing', 'postgres', 'scale', 'console', 'form']
).map((s) => (s.endsWith('.ts') ? s : `${s}.ts`));
let failed = 0;
for (const script of scripts) {
  process.stdout.write(`\n## bench/${script}\n`);
  const r = spawnSync('pnpm', ['exec', 'tsx', script], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`bench/${script} failed (exit ${r.status})\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
