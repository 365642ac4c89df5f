import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { ROUTE_DATA } from './src/app/route-data';
import { ROUTE_MODULES } from './src/app/route-modules';
import { SERVER_RENDERED } from './src/app/server-rendered';
import { ROUTE_PATHS } from './src/lib/routes';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * Writes `dist/route-preloads.json`: for each route with a page module, its URL pattern and the JS and
 * CSS files its lazy chunk needs beyond the entry's. The BFF names them in the HTML of a first load
 * (`<link rel="modulepreload">`, `<link rel="stylesheet">`), so they download beside the entry instead
 * of after it has run (docs/performance.md, "First load"); and the GETs its first load makes
 * (app/route-data.ts), which the BFF names too (`<link rel="preload" as="fetch">`); and whether the
 * server renders it (app/server-rendered.ts).
 */
function routePreloads(): Plugin {
  let outDir = '';
  return {
    name: 'meshconsole-route-preloads',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
        string,
        ManifestChunk
      >;
      const graph = (key: string, js: Set<string>, css: Set<string>) => {
        const chunk = manifest[key];
        if (!chunk || js.has(chunk.file)) return;
        js.add(chunk.file);
        for (const file of chunk.css ?? []) css.add(file);
        for (const dep of chunk.imports ?? []) graph(dep, js, css);
      };
      const entryJs = new Set<string>();
      const entryCss = new Set<string>();
      for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) graph(key, entryJs, entryCss);
      const routes = Object.entries(ROUTE_MODULES).flatMap(([id, module]) => {
        const path = (ROUTE_PATHS as Record<string, string>)[id];
        if (!path) return [];
        const js = new Set<string>();
        const css = new Set<string>();
        graph(`src/app/${module}`, js, css);
        if (js.size === 0) throw new Error(`route-preloads: ${module} is not in the build manifest`);
        return [
          {
            path,
            js: [...js].filter((f) => !entryJs.has(f)).map((f) => `/${f}`),
            css: [...css].filter((f) => !entryCss.has(f)).map((f) => `/${f}`),
            data: ROUTE_DATA[id as keyof typeof ROUTE_DATA] ?? [],
            render: (SERVER_RENDERED as readonly string[]).includes(id),
          },
        ];
      });
      writeFileSync(join(outDir, 'route-preloads.json'), `${JSON.stringify({ routes }, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), routePreloads()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  // The server render's bundle (`build:server`, entry-server.tsx) carries everything it imports: the BFF
  // loads it from the console's build alone, and Cloudscape's modules import CSS, which Node cannot.
  ssr: { noExternal: true, target: 'node' },
  // React's production build in the server bundle too (a Node build would pick it by NODE_ENV at run time).
  ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: {
    outDir: 'dist',
    // bench/budgets.test.ts reads the manifest to size each route's JS and CSS; the route preloads too.
    manifest: true,
    emptyOutDir: true,
    // Cloudscape is large; routes are split, the shared vendor chunk stays above the default limit.
    chunkSizeWarningLimit: 1500,
    // The server bundle is one file (its lazy pages inlined): the server loads it once, whole.
    ...(isSsrBuild ? { rolldownOptions: { output: { codeSplitting: false } } } : {}),
  },
}));
