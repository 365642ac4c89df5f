import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/providers';

/**
 * Renders `ui` inside the app's providers and a memory data router (the form's unsaved-changes
 * guard needs one), at `path` matched by `pattern`.
 */
export function renderWithApp(ui: ReactElement, options: { path?: string; pattern?: string } = {}) {
  const path = options.path ?? '/meshes/demo-mesh/virtual-gateways/create';
  const router = createMemoryRouter(
    [
      { path: options.pattern ?? '/meshes/:mesh/virtual-gateways/create', element: ui },
      { path: '*', element: <div data-testid="elsewhere">Elsewhere</div> },
    ],
    { initialEntries: [path] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}

/** A fetch stub answering by `METHOD path` (path without the query string). */
export function stubFetch(routes: Record<string, { status?: number; body: unknown }>) {
  const calls: { method: string; url: string; headers: Record<string, string>; body?: string }[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body as string });
    const key = `${method} ${url.split('?')[0]}`;
    const hit = routes[key];
    if (!hit) {
      return new Response(
        JSON.stringify({ error: { code: 'NotFoundException', message: `No stub for ${key}`, requestId: 't' } }),
        {
          status: 404,
        },
      );
    }
    return new Response(JSON.stringify(hit.body), { status: hit.status ?? 200 });
  };
  return { fetchStub, calls };
}

/**
 * Retries `assertion` every 25 ms until it passes or `timeoutMs` runs out (then throws its last error).
 * Used instead of Testing Library's `waitFor`, whose DOM observer hung with Cloudscape's test-utils finders.
 */
export async function eventually(assertion: () => void, timeoutMs = 4000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
