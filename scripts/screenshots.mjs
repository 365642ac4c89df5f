// `npm run screenshots`: builds, then refreshes docs/screenshots/*.png from the accessibility spec (each
// page state is checked with axe and screenshot), with fixed time and ids (the spec sets them), so a PNG
// changes only when its page does. `npm test` runs the same spec but writes into the test output folder.
import { log, run, setup } from './lib.mjs';

setup();
if (run('pnpm', ['-r', 'build']) !== 0) process.exit(1);
log('writing docs/screenshots');
const code = run(
  'pnpm',
  ['--filter', '@meshconsole/e2e', 'exec', 'playwright', 'test', 'tests/accessibility.spec.ts'],
  {
    env: {
      ...process.env,
      MESHCONSOLE_SCREENSHOTS: 'docs',
      CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    },
  },
);
process.exit(code);
