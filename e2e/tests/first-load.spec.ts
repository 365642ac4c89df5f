import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test';

/**
 * A cold load asks for each thing once: the HTML names the opening page's code and GETs
 * (`<link rel="modulepreload">`, `<link rel="preload" as="fetch">`), the app's own requests for them
 * are answered by those preloads, and the first render is the page, not the shell's fallback.
 */

/** Counts every request of the page by method and path with query, and watches for the shell's fallback. */
async function watchLoad(page: Page) {
  const requests = new Map<string, number>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}${url.search}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __fallbackShown?: boolean };
    new MutationObserver(() => {
      // The shell's Suspense fallback (components/app-shell.tsx, PageFallback): a spinner and "Loading".
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('div[style*="padding: 40px"]'))) {
        if (el.textContent?.trim() === 'Loading') w.__fallbackShown = true;
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return {
    requests,
    fallbackShown: () => page.evaluate(() => (window as unknown as { __fallbackShown?: boolean }).__fallbackShown),
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
  test('when the virtual gateways page of a shared mesh is opened cold, then its data and code are asked for once each and the page shows without the fallback', async ({
    page,
    demo,
    gatewaysList,
  }) => {
    const load = await watchLoad(page);
    await page.goto(
      `/meshes/${encodeURIComponent(demo.sharedMesh)}/virtual-gateways?meshOwner=${demo.sharedMeshOwner}`,
    );
    await expect(gatewaysList.row(demo.sharedGateway)).toHaveCount(1);

    const list = `/api/meshes/${encodeURIComponent(demo.sharedMesh)}/virtual-gateways?limit=100&meshOwner=${demo.sharedMeshOwner}`;
    expect((await preloads(page, 'preload', 'fetch')).sort()).toEqual(['/api/session', list].sort());
    // Each GET once: the app's own request was answered by the preload, not sent again.
    expect(load.requests.get('GET /api/session')).toBe(1);
    expect(load.requests.get(`GET ${list}`)).toBe(1);
    const apiGets = [...load.requests].filter(([key]) => key.startsWith('GET /api/'));
    expect(apiGets).toEqual(
      expect.arrayContaining([
        ['GET /api/session', 1],
        [`GET ${list}`, 1],
      ]),
    );
    expect(apiGets).toHaveLength(2);

    const code = await preloads(page, 'modulepreload');
    expect(code.some((path) => /\/assets\/virtual-gateways\.page-[\w-]+\.js$/.test(path))).toBe(true);
    for (const path of code) expect(load.requests.get(`GET ${path}`), path).toBe(1);
    expect(await load.fallbackShown()).toBeFalsy();
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
