// Builds the kit into dist/, self-contained, so that a tarball (`npm pack`) installs anywhere:
// - dist/index.js: the fixtures, page objects and API client, bundled (the model's constants and
//   Cloudscape's test-utils selectors inside); only @playwright/test is left to the consumer.
// - dist/server/main.js: the meshconsole server (apps/bff), bundled with no native code: the kit's
//   servers use the in-process store (MESH_DB=memory:), so better-sqlite3 is replaced by a stub that
//   says so if SQLite is ever asked for.
// - dist/console/: the built console (apps/console/dist), served by that server.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const consoleDist = here('../../apps/console/dist');
if (!existsSync(`${consoleDist}/index.html`)) {
  throw new Error(`${consoleDist} is missing: build the console first (pnpm -r build builds it before this package).`);
}
rmSync(here('./dist'), { recursive: true, force: true });

const requireBanner = {
  js: "import { createRequire as __meshconsoleCreateRequire } from 'node:module'; const require = __meshconsoleCreateRequire(import.meta.url);",
};

await build({
  entryPoints: [here('./src/index.ts')],
  outfile: here('./dist/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['@playwright/test'],
  banner: requireBanner,
  logLevel: 'warning',
});

/** better-sqlite3 -> a module whose constructor explains that the kit's server has no SQLite. */
const noSqlite = {
  name: 'no-sqlite',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: 'better-sqlite3', namespace: 'no-sqlite' }));
    b.onLoad({ filter: /.*/, namespace: 'no-sqlite' }, () => ({
      contents:
        "export default class NoSqlite { constructor() { throw new Error('The @meshconsole/playwright server has no SQLite: use MESH_DB=memory: (its default) or a PostgreSQL URL.'); } }",
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [here('../../apps/bff/src/main.ts')],
  outfile: here('./dist/server/main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  plugins: [noSqlite],
  banner: requireBanner,
  logLevel: 'warning',
  absWorkingDir: here('../../apps/bff'),
});

cpSync(consoleDist, here('./dist/console'), { recursive: true });
console.log('built packages/playwright/dist (index.js, server/main.js, console/)');

// dist/types: the declarations a consumer's TypeScript reads (package.json "types"), self-contained.
await import('./build-types.mjs');
