import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Imports flow shared -> features -> app (CONVENTIONS.md): `lib/` and `components/` import no
 * feature and nothing of `app/`; a feature imports no other feature and nothing of `app/`; and the
 * console's own code never imports the mock mesh (only the test helpers in `src/test/` may, for the
 * fake console API).
 */
const SRC = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports (static, re-exports and dynamic `import()`). */
export function importsOf(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)) found.add(m[1] ?? '');
  for (const m of text.matchAll(/(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1] ?? '');
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.add(m[1] ?? '');
  return [...found];
}

interface Layer {
  /** `features/<name>`, `lib`, `components`, `app`, `test` or `root`. */
  name: string;
  kind: 'feature' | 'lib' | 'components' | 'app' | 'test' | 'root';
}

function layerOf(path: string): Layer {
  const [top, second] = relative(SRC, path).split(/[\\/]/);
  if (top === 'features') return { name: `features/${second}`, kind: 'feature' };
  if (top === 'lib' || top === 'components' || top === 'app' || top === 'test') return { name: top, kind: top };
  return { name: 'root', kind: 'root' };
}

/** The broken rules of one import, as "<file> imports <target>: <rule>". */
export function violations(file: string, specifier: string): string[] {
  const from = layerOf(file);
  const isTest = /\.test\.tsx?$/.test(file) || from.kind === 'test';
  const where = `${relative(SRC, file)} imports ${specifier}`;
  if (/^@meshconsole\/(engine|deploy|export)(\/|$)/.test(specifier)) {
    return from.kind === 'test' ? [] : [`${where}: only the test helpers may use the mock mesh`];
  }
  if (!specifier.startsWith('.')) return [];
  const target = layerOf(resolve(dirname(file), specifier));
  const out: string[] = [];
  if ((from.kind === 'lib' || from.kind === 'components') && (target.kind === 'feature' || target.kind === 'app')) {
    out.push(`${where}: shared code imports no feature and nothing of app/`);
  }
  if (from.kind === 'feature' && target.kind === 'feature' && target.name !== from.name) {
    out.push(`${where}: a feature imports no other feature`);
  }
  if (from.kind === 'feature' && target.kind === 'app' && !isTest) {
    out.push(`${where}: a feature imports nothing of app/`);
  }
  if (!isTest && target.kind === 'test') out.push(`${where}: the app imports no test helper`);
  return out;
}

describe('console boundaries', () => {
  it('when the rules are given imports that break them, then each is reported', () => {
    const f = (p: string) => join(SRC, p);
    expect(
      violations(f('features/tags/api/get-tags.ts'), '../../virtual-gateways/api/get-virtual-gateway'),
    ).toHaveLength(1);
    expect(violations(f('lib/links.ts'), '../features/tags/api/get-tags')).toHaveLength(1);
    expect(violations(f('components/x.tsx'), '../app/route-table')).toHaveLength(1);
    expect(violations(f('features/tags/components/t.tsx'), '../../../app/providers')).toHaveLength(1);
    expect(violations(f('features/tags/components/t.tsx'), '@meshconsole/engine')).toHaveLength(1);
    expect(violations(f('app/route-table.tsx'), '../features/tags/api/get-tags')).toEqual([]);
    expect(violations(f('test/fake-console-api.ts'), '@meshconsole/engine')).toEqual([]);
    expect(importsOf("import a from './a';\nexport { b } from \"./b\";\nconst c = () => import('./c');")).toEqual([
      './a',
      './b',
      './c',
    ]);
  });

  it("when the console's sources are scanned, then no import breaks the layering", () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const broken = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8')).flatMap((specifier) => violations(file, specifier)),
    );
    expect(broken).toEqual([]);
  });
});
