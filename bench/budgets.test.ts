import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closure, readManifest, routeSizes } from './budgets';

// Budgets for the bytes each console route loads (JS and CSS, gzip level 9), set just above the
// figures of the build they were taken from, so that a regression fails `npm test`. To take new
// figures after a deliberate change: UPDATE_BUDGETS=1 pnpm exec vitest run --project bench
const dist = join(import.meta.dirname, '..', 'apps', 'console', 'dist');
const budgetsFile = join(import.meta.dirname, 'budgets.json');
const HEADROOM = 1.03;

type Budgets = Record<string, { jsGzip: number; cssGzip: number }>;

describe('console route budgets (built console)', () => {
  const sizes = routeSizes(dist);

  if (process.env.UPDATE_BUDGETS === '1') {
    const next: Budgets = {};
    for (const s of sizes) {
      next[s.route] = { jsGzip: Math.ceil(s.jsGzip * HEADROOM), cssGzip: Math.ceil(s.cssGzip * HEADROOM) };
    }
    writeFileSync(budgetsFile, `${JSON.stringify(next, null, 2)}\n`);
  }
  const budgets = (existsSync(budgetsFile) ? JSON.parse(readFileSync(budgetsFile, 'utf8')) : {}) as Budgets;

  it('when the console is built, then every route module has a budget and every budget a route', () => {
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.map((s) => s.route).sort()).toEqual(Object.keys(budgets).sort());
  });

  for (const s of sizes) {
    it(`when ${s.route} loads, then its JS and CSS stay within budget`, () => {
      const budget = budgets[s.route];
      expect(budget, `no budget for ${s.route}`).toBeDefined();
      expect(s.jsGzip, `${s.route} JS gzip bytes`).toBeLessThanOrEqual(budget?.jsGzip ?? 0);
      expect(s.cssGzip, `${s.route} CSS gzip bytes`).toBeLessThanOrEqual(budget?.cssGzip ?? 0);
    });
  }

  it('when the virtual gateways table loads, then none of the create form code comes with it', () => {
    const manifest = readManifest(dist);
    const key = (name: string) => {
      const k = Object.keys(manifest).find((m) => m.endsWith(`/${name}.page.tsx`));
      if (!k) throw new Error(`no route module ${name}`);
      return k;
    };
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string;
    const list = new Set([...closure(manifest, entry), ...closure(manifest, key('virtual-gateways'))]);
    const create = closure(manifest, key('create-virtual-gateway'));
    const formOnly = [...create].filter((f) => !list.has(f));
    expect(formOnly.length).toBeGreaterThan(0);
    const listJs = [...list].filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dist, f), 'utf8'));
    for (const label of ['Enable connection pool', 'Enable health check', 'Enable TLS termination']) {
      expect(
        listJs.some((src) => src.includes(label)),
        `"${label}" is in the list page's JS`,
      ).toBe(false);
    }
  });
});
