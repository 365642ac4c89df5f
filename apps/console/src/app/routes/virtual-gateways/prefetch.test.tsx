import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../lib/query-keys';
import { lazyRoute } from '../../../lib/route-preload';
import { gateway, json, ME, session } from '../../../test/gateway-api-data';
import { eventually, renderWithApp } from '../../../test/render';
import MeshesPage from '../meshes/meshes.page';
import CreateVirtualGatewayPage from './create-virtual-gateway.page';
import VirtualGatewayDetailsPage from './virtual-gateway-details.page';
import VirtualGatewaysPage from './virtual-gateways.page';

/** Records every request as `METHOD /path` with the time it was made and the time it was answered. */
function recordingFetch(answer: (method: string, path: string, init?: RequestInit) => Promise<Response> | Response) {
  const log: { request: string; at: number; answeredAt?: number }[] = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const entry: { request: string; at: number; answeredAt?: number } = {
      request: `${init?.method ?? 'GET'} ${url.pathname}`,
      at: performance.now(),
    };
    log.push(entry);
    const response = await answer(init?.method ?? 'GET', url.pathname, init);
    entry.answeredAt = performance.now();
    return response;
  };
  return { fetchStub, log };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('no request waterfalls', () => {
  it('when a gateway link is hovered, then its details are in the cache, its routes are asked for and the details chunk loads', async () => {
    const chunk = vi.fn(async () => ({ default: () => null }));
    lazyRoute('virtual-gateway-details', chunk);
    const api = recordingFetch((_m, path) => {
      if (path === '/api/session') return session();
      if (path === '/api/meshes/demo-mesh/virtual-gateways') return json({ items: [gateway('gw-a'), gateway('gw-b')] });
      if (path.endsWith('/gateway-routes')) return json({ items: [] });
      if (path === '/api/meshes/demo-mesh/virtual-gateways/gw-b') return json(gateway('gw-b'));
      return json({ error: { code: 'NotFoundException', message: path, requestId: 'r' } }, 404);
    });
    vi.stubGlobal('fetch', api.fetchStub);
    const { container, queryClient } = renderWithApp(<VirtualGatewaysPage />, {
      path: '/meshes/demo-mesh/virtual-gateways',
      pattern: '/meshes/:mesh/virtual-gateways',
    });
    await eventually(() => expect(createWrapper(container).findTable()!.findRows()).toHaveLength(2));

    fireEvent.mouseEnter(screen.getByText('gw-b'));
    expect(queryClient.getQueryData(queryKeys.virtualGateways.detail('demo-mesh', undefined, 'gw-b'))).toMatchObject({
      virtualGatewayName: 'gw-b',
    });
    expect(chunk).toHaveBeenCalledTimes(1);
    await eventually(() =>
      expect(api.log.map((l) => l.request)).toContain('GET /api/meshes/demo-mesh/virtual-gateways/gw-b/gateway-routes'),
    );
  });

  it('when the Create virtual gateway button gets focus, then the create page chunk loads', async () => {
    const chunk = vi.fn(async () => ({ default: () => null }));
    lazyRoute('create-virtual-gateway', chunk);
    vi.stubGlobal(
      'fetch',
      recordingFetch((_m, path) => (path === '/api/session' ? session() : json({ items: [] }))).fetchStub,
    );
    renderWithApp(<VirtualGatewaysPage />, {
      path: '/meshes/demo-mesh/virtual-gateways',
      pattern: '/meshes/:mesh/virtual-gateways',
    });
    const button = await screen.findByTestId('create-virtual-gateway');
    fireEvent.focus(button);
    expect(chunk).toHaveBeenCalled();
  });

  it('when the details page opens, then the gateway and its routes are requested together, not one after the other', async () => {
    let releaseGateway: () => void = () => {};
    const gatewayHeld = new Promise<void>((resolve) => {
      releaseGateway = resolve;
    });
    const api = recordingFetch(async (_m, path) => {
      if (path === '/api/session') return session();
      if (path === '/api/meshes/demo-mesh/virtual-gateways/gw-a') {
        await gatewayHeld;
        return json(gateway('gw-a'));
      }
      if (path.endsWith('/gateway-routes')) return json({ items: [] });
      return json({ tags: [] });
    });
    vi.stubGlobal('fetch', api.fetchStub);
    renderWithApp(<VirtualGatewayDetailsPage />, {
      path: '/meshes/demo-mesh/virtual-gateways/gw-a',
      pattern: '/meshes/:mesh/virtual-gateways/:name',
    });
    // While the gateway's answer is held back, its routes are already asked for.
    await eventually(() =>
      expect(api.log.map((l) => l.request)).toContain('GET /api/meshes/demo-mesh/virtual-gateways/gw-a/gateway-routes'),
    );
    expect(api.log.find((l) => l.request === 'GET /api/meshes/demo-mesh/virtual-gateways/gw-a')?.answeredAt).toBe(
      undefined,
    );
    releaseGateway();
    expect(await screen.findByTestId('details-summary')).toBeTruthy();
  });

  it('when a create succeeds, then the details query holds the answer (and no routes) before navigating, so nothing is refetched', async () => {
    const api = recordingFetch((method, path) => {
      if (path === '/api/session') return session();
      if (method === 'POST' && path === '/api/meshes/demo-mesh/virtual-gateways') return json(gateway('gw-new'), 201);
      return json({ error: { code: 'NotFoundException', message: path, requestId: 'r' } }, 404);
    });
    vi.stubGlobal('fetch', api.fetchStub);
    const { queryClient, router } = renderWithApp(<CreateVirtualGatewayPage />);
    const name = (await screen.findByLabelText('Virtual gateway name', { selector: 'input' })) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'gw-new' } });
    fireEvent.change(screen.getByLabelText('Port', { selector: 'input' }), { target: { value: '8080' } });
    createWrapper(document.body).findButton('[data-testid="create-virtual-gateway-submit"]')!.click();
    await eventually(() => expect(router.state.location.pathname).toBe('/meshes/demo-mesh/virtual-gateways/gw-new'));
    expect(queryClient.getQueryData(queryKeys.virtualGateways.detail('demo-mesh', undefined, 'gw-new'))).toMatchObject({
      virtualGatewayName: 'gw-new',
      metadata: { version: 1 },
    });
    expect(queryClient.getQueryData(queryKeys.gatewayRoutes.list('demo-mesh', undefined, 'gw-new'))).toEqual([]);
    expect(api.log.map((l) => l.request).filter((r) => r.startsWith('GET /api/meshes'))).toEqual([]);
  });

  it('when a mesh link is hovered, then the virtual gateways chunk and the first page of its gateways load', async () => {
    const chunk = vi.fn(async () => ({ default: () => null }));
    lazyRoute('virtual-gateways', chunk);
    const mesh = {
      meshName: 'demo-mesh',
      metadata: { ...gateway('x').metadata, arn: `arn:aws:appmesh:us-west-2:${ME}:mesh/demo-mesh` },
      spec: {},
      status: { status: 'ACTIVE' },
    };
    const api = recordingFetch((_m, path) => {
      if (path === '/api/session') return session();
      if (path === '/api/meshes') return json({ items: [mesh] });
      return json({ items: [gateway('gw-a')] });
    });
    vi.stubGlobal('fetch', api.fetchStub);
    renderWithApp(<MeshesPage />, { path: '/meshes', pattern: '/meshes' });
    fireEvent.mouseEnter(await screen.findByText('demo-mesh'));
    expect(chunk).toHaveBeenCalled();
    await eventually(() =>
      expect(api.log.map((l) => l.request)).toContain('GET /api/meshes/demo-mesh/virtual-gateways'),
    );
  });
});
