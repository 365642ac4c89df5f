// Bundles the BFF into dist/main.js: ESM for Node 20, workspace packages (TypeScript source) bundled,
// npm dependencies with native code (better-sqlite3) left to node_modules.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['better-sqlite3'],
  // CommonJS dependencies inside the ESM bundle (express, pino, the AWS SDK) call require().
  banner: {
    js: "import { createRequire as __meshconsoleCreateRequire } from 'node:module'; const require = __meshconsoleCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  absWorkingDir: new URL('.', import.meta.url).pathname,
});
console.log('built apps/bff/dist/main.js');
