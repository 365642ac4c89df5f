// A real meshconsole (the BFF's createApp on a free port, a temp SQLite file) and reads of its state
// through the console API, for comparing what Terraform did with what the mesh holds.
import { consoleApi, type InProcessServer, startTestServer } from '@meshconsole/bff/test-server';
import type { GatewayRouteData, MeshData, TagRef, VirtualGatewayData, VirtualServiceData } from '@meshconsole/model';

export type { InProcessServer };
export { consoleApi };

export function startMeshconsole(env: Record<string, string> = {}): Promise<InProcessServer> {
  return startTestServer(env);
}

/** A console API GET that must answer 200. */
export async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await consoleApi(base, 'GET', path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Every item of a console API list, following nextToken. */
async function listAll<T>(base: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await getJson<{ items: T[]; nextToken?: string }>(
      base,
      next ? `${path}${sep}nextToken=${encodeURIComponent(next)}` : path,
    );
    items.push(...page.items);
    next = page.nextToken;
  } while (next);
  return items;
}

export interface MeshSnapshot {
  mesh: { spec: MeshData['spec']; tags: TagRef[] };
  virtualServices: Record<string, { spec: VirtualServiceData['spec']; tags: TagRef[] }>;
  virtualGateways: Record<string, { spec: VirtualGatewayData['spec']; tags: TagRef[] }>;
  gatewayRoutes: Record<string, { spec: GatewayRouteData['spec']; tags: TagRef[] }>;
}

async function tagsOf(base: string, arn: string): Promise<TagRef[]> {
  const out = await getJson<{ tags: TagRef[] }>(base, `/api/tags?resourceArn=${encodeURIComponent(arn)}`);
  return [...out.tags].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * What describe says of every resource of a mesh (spec and tags, keyed by name; routes as
 * `gateway/route`), without the metadata that differs from one server to another (ARN uid, times).
 */
export async function snapshotMesh(base: string, meshName: string): Promise<MeshSnapshot> {
  const m = encodeURIComponent(meshName);
  const mesh = await getJson<MeshData>(base, `/api/meshes/${m}`);
  const snapshot: MeshSnapshot = {
    mesh: { spec: mesh.spec, tags: await tagsOf(base, mesh.metadata.arn) },
    virtualServices: {},
    virtualGateways: {},
    gatewayRoutes: {},
  };
  for (const vs of await listAll<VirtualServiceData>(base, `/api/meshes/${m}/virtual-services`)) {
    snapshot.virtualServices[vs.virtualServiceName] = { spec: vs.spec, tags: await tagsOf(base, vs.metadata.arn) };
  }
  for (const gw of await listAll<VirtualGatewayData>(base, `/api/meshes/${m}/virtual-gateways`)) {
    snapshot.virtualGateways[gw.virtualGatewayName] = { spec: gw.spec, tags: await tagsOf(base, gw.metadata.arn) };
    const g = encodeURIComponent(gw.virtualGatewayName);
    for (const r of await listAll<GatewayRouteData>(base, `/api/meshes/${m}/virtual-gateways/${g}/gateway-routes`)) {
      snapshot.gatewayRoutes[`${gw.virtualGatewayName}/${r.gatewayRouteName}`] = {
        spec: r.spec,
        tags: await tagsOf(base, r.metadata.arn),
      };
    }
  }
  return snapshot;
}

/** The names of the meshes the console's account sees. */
export async function meshNames(base: string): Promise<string[]> {
  return (await listAll<MeshData>(base, '/api/meshes')).map((m) => m.meshName);
}
