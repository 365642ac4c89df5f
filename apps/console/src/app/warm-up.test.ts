import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUp } from './warm-up';

function requestedPaths(pathname: string, search = ''): string[] {
  // Requests stay pending: this test is about which requests start, not about their answers.
  const fetchMock = vi.fn(() => new Promise<Response>(() => {}));
  vi.stubGlobal('fetch', fetchMock);
  warmUp(new QueryClient({ defaultOptions: { queries: { retry: false } } }), { pathname, search });
  return fetchMock.mock.calls.map((call) => String((call as unknown[])[0])).sort();
}

afterEach(() => vi.unstubAllGlobals());

describe('warmUp', () => {
  it('when the virtual gateways page opens, then the session and its first page are requested at once', () => {
    const paths = requestedPaths('/meshes/demo-mesh/virtual-gateways', '?meshOwner=111122223333');
    expect(paths).toHaveLength(2);
    expect(paths[0]).toContain('/api/meshes/demo-mesh/virtual-gateways?');
    expect(paths[0]).toContain('meshOwner=111122223333');
    expect(paths[1]).toBe('/api/session');
  });

  it('when a details page opens, then the gateway and its gateway routes are requested together', () => {
    const paths = requestedPaths('/meshes/demo-mesh/virtual-gateways/ingress-gw');
    expect(paths.some((p) => p.startsWith('/api/meshes/demo-mesh/virtual-gateways/ingress-gw/gateway-routes'))).toBe(
      true,
    );
    expect(paths.some((p) => /\/virtual-gateways\/ingress-gw(\?|$)/.test(p))).toBe(true);
    expect(paths).toContain('/api/session');
  });

  it('when the create page or an unknown page opens, then only the session is requested', () => {
    expect(requestedPaths('/meshes/demo-mesh/virtual-gateways/create')).toEqual(['/api/session']);
    expect(requestedPaths('/somewhere/else')).toEqual(['/api/session']);
    expect(requestedPaths('/meshes/%E0%A4%A/virtual-gateways')).toEqual(['/api/session']);
  });
});
