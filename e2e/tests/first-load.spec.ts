import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';

/**
 * A cold load asks for each thing once. A page that shows data comes rendered from the server with
 * its data in it: the browser asks for no data, and hydrates the server's markup (the same elements,
 * `inert` until then). A form is rendered by the browser: the HTML names its code and GETs
 * (`<link rel="modulepreload">`, `<link rel="preload" as="fetch">`), the app's own requests for them
 * are answered by those preloads, and the first render is the page, not the shell's fallback.
 */

/** Counts every request of the page by method and path with query, and watches for the shell's fallback. */
async function watchLoad(page: Page, rowLink = 'table tbody tr a') {
  const requests = new Map<string, number>();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}${url.search}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
  });
  await page.addInitScript((rowLink: string) => {
    const w = window as unknown as { __fallbackShown?: boolean; __serverRow?: Element };
    new MutationObserver(() => {
      // The shell's Suspense fallback (components/app-shell.tsx, PageFallback): a spinner and "Loading".
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('div[style*="padding: 40px"]'))) {
        if (el.textContent?.trim() === 'Loading') w.__fallbackShown = true;
      }
      // A row that is in the page while it is still inert came from the server's markup.
      const row = document.querySelector(rowLink);
      if (row && !w.__serverRow && document.getElementById('root')?.hasAttribute('inert')) w.__serverRow = row;
    }).observe(document, { childList: true, subtree: true });
  }, rowLink);
  type Marks = { __fallbackShown?: boolean; __serverRow?: Element };
  return {
    requests,
    errors,
    fallbackShown: () => page.evaluate(() => (window as unknown as Marks).__fallbackShown),
    /** Whether the first row link now in the page is the element the server's markup made. */
    rowFromServer: () =>
      page.evaluate((rowLink) => {
        const { __serverRow } = window as unknown as Marks;
        return __serverRow !== undefined && document.querySelector(rowLink) === __serverRow;
      }, rowLink),
  };
}

/** The hrefs of the HTML's `<link rel=... as=...>` elements, as the server sent them. */
async function preloads(page: Page, rel: string, as?: string): Promise<string[]> {
  return page.evaluate(
    ([rel, as]) =>
      Array.from(document.querySelectorAll<HTMLLinkElement>(`link[rel="${rel}"]`))
        .filter((link) => !as || link.getAttribute('as') === as)
        .map((link) => {
          const url = new URL(link.href);
          return `${url.pathname}${url.search}`;
        }),
    [rel, as] as const,
  );
}

test.describe('First load', () => {
  test('when the virtual gateways page of a shared mesh is opened cold, then it comes rendered with its data, asks for no data and hydrates the same elements', async ({
    page,
    demo,
    gatewaysList,
  }) => {
    const load = await watchLoad(page);
    await page.goto(
      `/meshes/${encodeURIComponent(demo.sharedMesh)}/virtual-gateways?meshOwner=${demo.sharedMeshOwner}`,
    );
    await expect(gatewaysList.row(demo.sharedGateway)).toHaveCount(1);
    await expect(page.locator('#root:not([inert])')).toHaveCount(1);

    // The row the browser shows is the one the server's markup made: hydrated, not rendered again.
    expect(await load.rowFromServer()).toBe(true);
    expect(await preloads(page, 'preload', 'fetch')).toEqual([]);
    expect([...load.requests.keys()].filter((key) => key.startsWith('GET /api/'))).toEqual([]);
    const code = await preloads(page, 'modulepreload');
    expect(code.some((path) => /\/assets\/virtual-gateways\.page-[\w-]+\.js$/.test(path))).toBe(true);
    for (const path of code) expect(load.requests.get(`GET ${path}`), path).toBe(1);
    expect(await load.fallbackShown()).toBeFalsy();
    expect(load.errors).toEqual([]);

    // Hydrated, it takes input: the row's selection.
    await gatewaysList.select(demo.sharedGateway);
    await expect(gatewaysList.row(demo.sharedGateway).getByRole('radio')).toBeChecked();
  });

  test('when the create form of a shared mesh is opened cold, then its data and code are asked for once each and the form shows without the fallback', async ({
    page,
    demo,
    gatewayForm,
  }) => {
    const load = await watchLoad(page);
    await page.goto(
      `/meshes/${encodeURIComponent(demo.sharedMesh)}/virtual-gateways/create?meshOwner=${demo.sharedMeshOwner}`,
    );
    await expect(gatewayForm.heading('Create virtual gateway')).toBeVisible();

    expect(await page.locator('#meshconsole-state').count()).toBe(0);
    expect(await preloads(page, 'preload', 'fetch')).toEqual(['/api/session']);
    // Each GET once: the app's own request was answered by the preload, not sent again.
    const apiGets = [...load.requests].filter(([key]) => key.startsWith('GET /api/'));
    expect(apiGets).toEqual([['GET /api/session', 1]]);
    const code = await preloads(page, 'modulepreload');
    expect(code.some((path) => /\/assets\/create-virtual-gateway\.page-[\w-]+\.js$/.test(path))).toBe(true);
    for (const path of code) expect(load.requests.get(`GET ${path}`), path).toBe(1);
    expect(await load.fallbackShown()).toBeFalsy();
    expect(load.errors).toEqual([]);
  });

  test('when a page is opened from the navigation after a cold load, then its code loads then and the page shows', async ({
    page,
    demo,
    gatewaysList,
    gatewayDetails,
  }) => {
    const load = await watchLoad(page);
    await page.goto(`/meshes/${encodeURIComponent(demo.mesh)}/virtual-gateways`);
    await expect(gatewaysList.link(demo.gatewayWithRoutes)).toBeVisible();
    expect([...load.requests.keys()].some((key) => /virtual-gateway-details\.page-/.test(key))).toBe(false);

    await gatewaysList.link(demo.gatewayWithRoutes).click();
    await expect(gatewayDetails.heading(demo.gatewayWithRoutes)).toBeVisible();
    const detailsChunk = [...load.requests].filter(([key]) => /virtual-gateway-details\.page-[\w-]+\.js$/.test(key));
    expect(detailsChunk).toHaveLength(1);
    expect(detailsChunk[0]?.[1]).toBe(1);
  });
});
