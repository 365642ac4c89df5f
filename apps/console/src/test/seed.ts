import type { VirtualGatewaySpec } from '@meshconsole/model';
import type { FakeConsoleApi } from './fake-console-api';

/** Seeding through the fake console API's engine (the same rules as the real one). */

export const MESH = 'demo-mesh';

export const HTTP_8080: VirtualGatewaySpec = { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] };

export async function seedGateways(api: FakeConsoleApi, names: string[], spec: VirtualGatewaySpec = HTTP_8080) {
  for (const virtualGatewayName of names) {
    await api.mesh.createVirtualGateway({ meshName: MESH, virtualGatewayName, spec });
  }
}

export async function seedService(api: FakeConsoleApi, virtualServiceName: string) {
  return (await api.mesh.createVirtualService({ meshName: MESH, virtualServiceName, spec: {} })).virtualService;
}

/** An http gateway route of `gateway` sending `prefix` to `service`. */
export async function seedRoute(api: FakeConsoleApi, gateway: string, name: string, prefix: string, service: string) {
  const spec = {
    httpRoute: { match: { prefix }, action: { target: { virtualService: { virtualServiceName: service } } } },
  };
  return (
    await api.mesh.createGatewayRoute({ meshName: MESH, virtualGatewayName: gateway, gatewayRouteName: name, spec })
  ).gatewayRoute;
}

/** `gw-00000`, `gw-00001`, ...: names that sort in creation order. */
export function gatewayNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `gw-${String(i).padStart(5, '0')}`);
}
