import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConsoleApp } from './app/console-app';
import { createAppRouter } from './app/route-table';
import { scriptSafeJson } from './entry-server';
import { createQueryClient, seedQueries } from './lib/query-client';
import { loadRoute } from './lib/route-preload';
import { matchRoute } from './lib/routes';
import { startFakeConsoleApi } from './test/render';
import { MESH, seedGateways, seedRoute, seedService } from './test/seed';

// hydrateRoot under `act`, as Testing Library's own render does.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * The server render as the BFF runs it: the server bundle built from entry-server.tsx (its own React
 * and React Router, as in the BFF's process; sharing this test's copies, the server renderer's context
 * values would be left in the contexts the browser render reads).
 */
let render: typeof import('./entry-server').render;
const bundle = mkdtempSync(join(tmpdir(), 'meshconsole-ssr-'));
beforeAll(async () => {
  const root = join(import.meta.dirname, '..');
  // A production build, as `pnpm build` makes (under Vitest NODE_ENV is `test`, which would compile
  // JSX for React's development build while the bundle carries its production build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'error',
      build: {
        ssr: 'src/entry-server.tsx',
        outDir: bundle,
        emptyOutDir: true,
        // CommonJS, which Node's own `require` loads here (Vitest runs this file in a context of its own).
        rolldownOptions: { output: { format: 'cjs', entryFileNames: 'entry-server.cjs' } },
      },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  ({ render } = createRequire(import.meta.url)(join(bundle, 'entry-server.cjs')) as typeof import('./entry-server'));
}, 120_000);
afterAll(() => rmSync(bundle, { recursive: true, force: true }));

const viaGlobalFetch = (path: string, init: { headers: Record<string, string> }) => fetch(path, init);

/**
 * What React reported with console.error, but for its note that a lazy part's code came in outside
 * `act` (a test's concern: the part hydrates then, as it does in a browser).
 */
const reported = (errors: { mock: { calls: unknown[][] } }) =>
  errors.mock.calls.filter(
    (call) => !String(call[0]).startsWith('A suspended resource finished loading inside a test'),
  );

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** What main.tsx does with a server-rendered page: the cache from the page, then `hydrateRoot`. */
async function hydrateLikeTheBrowser(
  path: string,
  html: string,
  state: string,
  onRecoverableError: (e: unknown) => void,
) {
  window.history.replaceState(null, '', path);
  const container = document.createElement('div');
  container.id = 'root';
  container.setAttribute('inert', '');
  container.innerHTML = html;
  document.body.append(container);
  const serverLinks = [...container.querySelectorAll('a')];
  const client = createQueryClient();
  seedQueries(client, JSON.parse(state));
  const router = createAppRouter(client, true);
  const opening = matchRoute(window.location.href);
  if (opening) await loadRoute(opening.id);
  await act(async () => {
    root = hydrateRoot(container, <ConsoleApp client={client} router={<RouterProvider router={router} />} />, {
      onRecoverableError,
    });
  });
  return { container, serverLinks };
}

describe('server render (entry-server.tsx)', () => {
  it('renders the gateways table with its rows, and the browser hydrates it without a mismatch or a request', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['edge-gw', 'ingress-gw']);
    const path = `/meshes/${MESH}/virtual-gateways`;

    const rendered = await render(path, viaGlobalFetch);
    expect(rendered).toBeDefined();
    if (!rendered) return;
    expect(rendered.html).toContain(`href="/meshes/${MESH}/virtual-gateways/edge-gw"`);
    expect(rendered.html).toContain('ingress-gw');
    expect(api.calls()).toEqual(['GET /api/session', `GET /api/meshes/${MESH}/virtual-gateways?limit=100`]);

    const errors = vi.spyOn(console, 'error');
    const recovered = vi.fn();
    const before = api.calls().length;
    const { container, serverLinks } = await hydrateLikeTheBrowser(path, rendered.html, rendered.state, recovered);
    // A first render that differs from the server's markup: React throws that markup away and renders
    // the root again (reported to onRecoverableError); a difference in attributes (the ids of useId)
    // it only reports, with console.error.
    expect(recovered.mock.calls).toEqual([]);
    expect(reported(errors)).toEqual([]);
    expect(api.calls().length).toBe(before);
    expect(container.hasAttribute('inert')).toBe(false);
    const link = container.querySelector(`a[href="/meshes/${MESH}/virtual-gateways/ingress-gw"]`);
    expect(link?.textContent).toBe('ingress-gw');
    // Hydrated, not rendered again: the row's link is the very element the server's markup made.
    expect(serverLinks).toContain(link);
  });

  it('hydrates a page for a browser that keeps dark mode without a mismatch, then shows its mode', async () => {
    await startFakeConsoleApi();
    const path = `/meshes/${MESH}/virtual-gateways`;
    const rendered = await render(path, viaGlobalFetch);
    if (!rendered) throw new Error('the gateways page was not rendered');
    // The server cannot read this browser's storage: its markup offers dark mode, as for light.
    expect(rendered.html).toContain('Switch to dark mode');
    window.localStorage.setItem('meshconsole.mode', 'dark');

    const errors = vi.spyOn(console, 'error');
    const recovered = vi.fn();
    const { container } = await hydrateLikeTheBrowser(path, rendered.html, rendered.state, recovered);
    expect(recovered.mock.calls).toEqual([]);
    expect(reported(errors)).toEqual([]);
    expect(container.querySelector('[aria-label="Switch to light mode"]')).not.toBeNull();
  });

  it('renders every page that shows data, and each hydrates without a mismatch or a request', async () => {
    const api = await startFakeConsoleApi();
    await seedGateways(api, ['edge-gw']);
    await seedService(api, 'catalog.demo.local');
    await seedRoute(api, 'edge-gw', 'catalog-route', '/catalog', 'catalog.demo.local');
    const listener = { portMapping: { port: 8080, protocol: 'http' as const } };
    await api.mesh.createVirtualNode({
      meshName: MESH,
      virtualNodeName: 'catalog-v1',
      spec: { listeners: [listener], serviceDiscovery: { dns: { hostname: 'catalog-v1.demo.local' } } },
    });
    await api.mesh.createVirtualRouter({
      meshName: MESH,
      virtualRouterName: 'catalog-router',
      spec: { listeners: [listener] },
    });
    await api.mesh.createRoute({
      meshName: MESH,
      virtualRouterName: 'catalog-router',
      routeName: 'catalog-split',
      spec: {
        httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualNode: 'catalog-v1', weight: 1 }] } },
      },
    });
    const pages = [
      ['/meshes', MESH],
      [`/meshes/${MESH}/virtual-gateways/edge-gw`, 'catalog-route'],
      [`/meshes/${MESH}/virtual-gateways/edge-gw/gateway-routes/catalog-route`, '/catalog'],
      [`/meshes/${MESH}/virtual-services`, 'catalog.demo.local'],
      [`/meshes/${MESH}/virtual-nodes`, 'catalog-v1'],
      [`/meshes/${MESH}/virtual-nodes/catalog-v1`, 'catalog-v1.demo.local'],
      [`/meshes/${MESH}/virtual-routers`, 'catalog-router'],
      [`/meshes/${MESH}/virtual-routers/catalog-router`, 'catalog-split'],
    ] as const;
    for (const [path, shown] of pages) {
      const rendered = await render(path, viaGlobalFetch);
      if (!rendered) throw new Error(`${path} was not rendered`);
      expect(rendered.html, path).toContain(shown);
      const errors = vi.spyOn(console, 'error');
      const recovered = vi.fn();
      const before = api.calls().length;
      const { container } = await hydrateLikeTheBrowser(path, rendered.html, rendered.state, recovered);
      expect(recovered.mock.calls, path).toEqual([]);
      expect(reported(errors), path).toEqual([]);
      // Nothing asked for again. What a page asks for once it is shown (a details page's tags and its
      // route checks, which need the resource first) it asks for as it did without the server render.
      const again = api.calls().slice(before);
      expect(
        again.filter((call) => !/^GET \/api\/tags\?|\/route-checks$/.test(call)),
        path,
      ).toEqual([]);
      expect(container.textContent, path).toContain(shown);
      errors.mockRestore();
      act(() => root?.unmount());
      root = undefined;
      document.body.innerHTML = '';
    }
  });

  it('leaves a form, a redirect, an unknown page and a page whose data failed to the browser', async () => {
    const api = await startFakeConsoleApi();
    expect(await render(`/meshes/${MESH}/virtual-gateways/create`, viaGlobalFetch)).toBeUndefined();
    expect(await render(`/meshes/${MESH}`, viaGlobalFetch)).toBeUndefined();
    expect(await render('/nowhere', viaGlobalFetch)).toBeUndefined();
    // A mesh that does not exist: its list answers 404, and the browser shows the console's error state.
    expect(await render('/meshes/no-such-mesh/virtual-gateways', viaGlobalFetch)).toBeUndefined();
    expect(api.calls()).toContain('GET /api/meshes/no-such-mesh/virtual-gateways?limit=100');
  });

  it('writes the query cache as JSON that no string can end the script element with', () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029 >';
    const json = scriptSafeJson({ name: hostile });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ name: hostile });
  });
});
