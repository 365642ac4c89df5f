// The first load of a page that shows data, rendered by the server from the built console
// (apps/console/dist with its server bundle, dist/.ssr), over the real app and store.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, exampleSpec } from './http-client.js';
import { BFF_DIR, type InProcessServer, startTestServer } from './support/server.js';

const CONSOLE_DIST = resolve(BFF_DIR, '../console/dist');
const HOSTILE = '/</script><script>alert(1)</script><!--\u2028';

/** The query data the page carries for the browser's first render (`<script type="application/json">`). */
function stateOf(html: string): unknown[] | undefined {
  const m = /<script type="application\/json" id="meshconsole-state">([^<]*)<\/script>/.exec(html);
  return m?.[1] === undefined ? undefined : (JSON.parse(m[1]) as unknown[]);
}
const dataPreloads = (html: string) => [...html.matchAll(/<link rel="preload" as="fetch"[^>]*>/g)].length;

describe('server render of a first load (the built console)', () => {
  let server: InProcessServer;
  beforeAll(async () => {
    if (!existsSync(resolve(CONSOLE_DIST, '.ssr/entry-server.js')))
      throw new Error(`${CONSOLE_DIST} has no server bundle: build the console first (pnpm -r build)`);
    server = await startTestServer({ CONSOLE_DIST });
    expect((await call(server.url, 'POST', '/api/meshes', { body: { meshName: 'demo-mesh' } })).status).toBe(201);
    const spec = exampleSpec();
    const hostile = {
      listeners: [
        {
          ...spec.listeners[0],
          healthCheck: {
            protocol: 'http',
            path: HOSTILE,
            healthyThreshold: 2,
            unhealthyThreshold: 2,
            intervalMillis: 5000,
            timeoutMillis: 2000,
          },
        },
      ],
    };
    for (const [name, body] of [
      ['edge-gw', spec],
      ['hostile-gw', hostile],
    ] as const) {
      const created = await call(server.url, 'POST', '/api/meshes/demo-mesh/virtual-gateways', {
        body: { virtualGatewayName: name, spec: body },
      });
      expect(created.status, created.text).toBe(201);
    }
  });
  afterAll(() => server?.close());

  it('when the gateways page opens, then its rows come in the HTML, inert until hydrated, with their data and no data preloads', async () => {
    const res = await fetch(`${server.url}/meshes/demo-mesh/virtual-gateways`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<div id="root" inert>');
    expect(html).toMatch(/<a [^>]*href="\/meshes\/demo-mesh\/virtual-gateways\/edge-gw"/);
    expect(dataPreloads(html)).toBe(0);
    expect(html).toContain('rel="modulepreload"');
    const keys = stateOf(html)?.map((entry) => (entry as unknown[])[0]);
    expect(keys).toEqual([['session'], ['virtual-gateways', '', 'demo-mesh', 'list', { limit: 100 }]]);
  });

  it('when a value holds markup, then it stays text in the page and data in its JSON', async () => {
    const html = await (await fetch(`${server.url}/meshes/demo-mesh/virtual-gateways`)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('\u2028');
    // Exactly the console's own scripts: the entry and the one JSON element.
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(2);
    expect(JSON.stringify(stateOf(html))).toContain(JSON.stringify(HOSTILE));
  });

  it('when a form or a page whose data fails opens, then the browser renders it: no markup, the data preloaded', async () => {
    const form = await (await fetch(`${server.url}/meshes/demo-mesh/virtual-gateways/create`)).text();
    expect(form).toContain('<div id="root"></div>');
    expect(stateOf(form)).toBeUndefined();
    expect(dataPreloads(form)).toBe(1); // its session

    const missing = await fetch(`${server.url}/meshes/no-such-mesh/virtual-gateways`);
    expect(missing.status).toBe(200);
    const html = await missing.text();
    expect(html).toContain('<div id="root"></div>');
    expect(stateOf(html)).toBeUndefined();
  });

  it('when the browser keeps dark mode (its cookie), then the page comes dark, rendered or not; any other cookie changes nothing', async () => {
    const open = async (path: string, cookie?: string) =>
      (await fetch(`${server.url}${path}`, cookie ? { headers: { cookie } } : {})).text();
    for (const path of ['/meshes/demo-mesh/virtual-gateways', '/meshes/demo-mesh/virtual-gateways/create']) {
      expect(await open(path, 'a=1; meshconsole.mode=dark'), path).toContain('<body class="awsui-dark-mode">');
      for (const cookie of [
        undefined,
        'meshconsole.mode=light',
        'meshconsole.mode=dark"><script>x',
        'xmeshconsole.mode=dark',
      ]) {
        const html = await open(path, cookie);
        expect(html, `${path} ${cookie}`).toContain('<body>');
        expect(html, `${path} ${cookie}`).not.toContain('awsui-dark-mode');
      }
    }
  });

  it('when SERVER_RENDER=off, then the page is the built one with its data preloaded, and any other value stops the start', async () => {
    const off = await startTestServer({ CONSOLE_DIST, SERVER_RENDER: 'off' });
    try {
      const html = await (await fetch(`${off.url}/meshes/demo-mesh/virtual-gateways`)).text();
      expect(html).toContain('<div id="root"></div>');
      expect(stateOf(html)).toBeUndefined();
      expect(dataPreloads(html)).toBe(2); // the session and the first page of gateways
    } finally {
      await off.close();
    }
    await expect(startTestServer({ CONSOLE_DIST, SERVER_RENDER: 'yes' })).rejects.toThrow(
      /SERVER_RENDER.*"on" or "off"/,
    );
  });

  it('when the server bundle is asked for, then it is not served', async () => {
    for (const path of ['/.ssr/entry-server.js', '/.ssr/', '/%2Essr/entry-server.js']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('renderToString');
    }
  });
});
