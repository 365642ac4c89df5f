import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleApp } from './app/console-app';
import { createAppRouter } from './app/route-table';
import { render, scriptSafeJson } from './entry-server';
import { createQueryClient, seedQueries } from './lib/query-client';
import { loadRoute } from './lib/route-preload';
import { matchRoute } from './lib/routes';
import { startFakeConsoleApi } from './test/render';
import { MESH, seedGateways } from './test/seed';

// hydrateRoot under `act`, as Testing Library's own render does.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const viaGlobalFetch = (path: string, init: { headers: Record<string, string> }) => fetch(path, init);

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
    expect(errors.mock.calls).toEqual([]);
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
    expect(errors.mock.calls).toEqual([]);
    expect(container.querySelector('[aria-label="Switch to light mode"]')).not.toBeNull();
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
