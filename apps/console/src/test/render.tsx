import type { ElementWrapper, FormFieldWrapper } from '@cloudscape-design/components/test-utils/dom';
import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProviders } from '../app/providers';
import { createAppRoutes } from '../app/route-table';
import { createQueryClient } from '../lib/query-client';
import { createFakeConsoleApi, type FakeConsoleApi } from './fake-console-api';

/** The app's query client (same stale times), without retries so a failure shows at once. */
function testQueryClient(): QueryClient {
  return createQueryClient({ retry: false });
}

/**
 * The fake console API (real engine, memory store) as the page's `fetch`, with the demo mesh
 * `demo-mesh` created for the caller unless `withMesh` is false. `vi.unstubAllGlobals()` (after
 * each test, in setup.ts) puts the real `fetch` back.
 */
export async function startFakeConsoleApi(
  options: Parameters<typeof createFakeConsoleApi>[0] & { withMesh?: boolean } = {},
): Promise<FakeConsoleApi> {
  const api = createFakeConsoleApi(options);
  if (options.withMesh !== false) await api.mesh.createMesh({ meshName: 'demo-mesh' });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

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
  const queryClient = testQueryClient();
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
}

/** Renders the whole console (shell, route table, loaders) opened at `path`, as the browser does. */
export function renderConsole(path: string) {
  const queryClient = testQueryClient();
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [path] });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient };
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

/** The Cloudscape form field labelled `label` within `wrapper` ("Priority" also finds "Priority - optional"). */
export function formFieldByLabel(wrapper: ElementWrapper<Element>, label: string): FormFieldWrapper {
  const found = wrapper
    .findAllFormFields()
    .find((f) => (f.findLabel()?.getElement().textContent ?? '').replace(/ - optional$/, '') === label);
  if (!found) throw new Error(`No form field labelled ${label}`);
  return found;
}
