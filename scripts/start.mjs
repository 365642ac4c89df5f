// `npm start`: pnpm (pinned), dependencies from the lockfile, a production build, then one process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { log, must, root, setup } from './lib.mjs';

setup();
must('pnpm', ['-r', 'build']);
const main = join(root, 'apps/bff/dist/main.js');
if (!existsSync(main)) {
  log('apps/bff/dist/main.js was not built');
  process.exit(1);
}
must('node', ['--enable-source-maps', main]);
