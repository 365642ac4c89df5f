// Bytes of JS and CSS (gzip) each console route loads, read from the Vite manifest of the built
// console. Deterministic: file sizes, not timings.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface RouteSize {
  route: string;
  files: string[];
  jsGzip: number;
  cssGzip: number;
}

export function readManifest(dist: string): Manifest {
  const file = join(dist, '.vite', 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the console first (pnpm -r build)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every file a chunk loads before it runs: itself, its static imports (transitively) and their CSS. */
export function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const files = new Set<string>();
  if (seen.has(key)) return files;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imp of chunk.imports ?? []) for (const f of closure(manifest, imp, seen)) files.add(f);
  return files;
}

/** Route modules: the lazily loaded page modules under src/app/routes. */
export function routeKeys(manifest: Manifest): string[] {
  return Object.keys(manifest)
    .filter((k) => manifest[k]?.isDynamicEntry && /(^|\/)src\/app\/routes\//.test(k) && /\.page\.tsx?$/.test(k))
    .sort();
}

export function routeName(key: string): string {
  return basename(key).replace(/\.page\.tsx?$/, '');
}

const gzipCache = new Map<string, number>();
function gzipSize(dist: string, file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

export function routeSizes(dist: string): RouteSize[] {
  const manifest = readManifest(dist);
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('manifest has no entry chunk');
  const base = closure(manifest, entry);
  return routeKeys(manifest).map((key) => {
    const files = [...new Set([...base, ...closure(manifest, key)])].sort();
    let jsGzip = 0;
    let cssGzip = 0;
    for (const f of files) {
      if (f.endsWith('.js')) jsGzip += gzipSize(dist, f);
      else if (f.endsWith('.css')) cssGzip += gzipSize(dist, f);
    }
    return { route: routeName(key), files, jsGzip, cssGzip };
  });
}
