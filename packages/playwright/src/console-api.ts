import {
  type ApiErrorEnvelope,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type GatewayRouteData,
  type MeshData,
  type Page,
  type RouteData,
  type SeedDocument,
  type Session,
  type TagRef,
  type TagsAnswer,
  type VirtualGatewayData,
  type VirtualNodeData,
  type VirtualRouterData,
  type VirtualServiceData,
} from '@meshconsole/model';

// The console API's shapes are the model's wire contract (packages/model), as the console reads them.
export type {
  GatewayRouteData,
  MeshData,
  RouteData,
  SeedDocument,
  VirtualGatewayData,
  VirtualNodeData,
  VirtualRouterData,
  VirtualServiceData,
};

/** Fixed time and ids for what a test creates (FIXED_TIME / FIXED_IDS, for one test). */
export interface FixedData {
  /** An ISO-8601 instant: every createdAt and lastUpdatedAt; `null`: the clock. */
  time?: string | null;
  /** Any text: every uid is a function of it and the resource's ARN; `null`: random uids. */
  ids?: string | null;
}

/** What a seed document created. */
export interface SeedCreated {
  meshes: number;
  virtualServices: number;
  virtualGateways: number;
  gatewayRoutes: number;
}

export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
  get code(): string | undefined {
    return (this.body as Partial<ApiErrorEnvelope> | undefined)?.error?.code;
  }
}

type Query = { meshOwner?: string | undefined };

/**
 * Seeds, reads and cleans through the console API (`/api`), exactly as the console does: JSON,
 * with the CSRF header on every state-changing call. Plain `fetch`, so it works against the shared
 * server and against a server a test starts itself.
 */
export class ConsoleApi {
  constructor(readonly baseURL: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseURL}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    if (!res.ok) throw new ConsoleApiError(res.status, parsed, `${method} ${path}`);
    return parsed as T;
  }

  private static q(query: Query = {}): string {
    return query.meshOwner ? `?meshOwner=${encodeURIComponent(query.meshOwner)}` : '';
  }

  private static mesh(mesh: string): string {
    return `/api/meshes/${encodeURIComponent(mesh)}`;
  }

  private static gateway(mesh: string, gateway: string): string {
    return `${ConsoleApi.mesh(mesh)}/virtual-gateways/${encodeURIComponent(gateway)}`;
  }

  session(): Promise<Session> {
    return this.call('GET', '/api/session');
  }

  /**
   * Replaces every stored resource with the demo seed (or nothing), and sets fixed time and ids for
   * what comes next (absent: the server's FIXED_TIME and FIXED_IDS).
   */
  async reset(seed: 'demo' | 'none' = 'demo', fixed: FixedData = {}): Promise<void> {
    const body: Record<string, unknown> = { seed };
    if (fixed.time !== undefined) body.fixedTime = fixed.time;
    if (fixed.ids !== undefined) body.fixedIds = fixed.ids;
    await this.call('POST', '/api/admin/reset', body);
  }

  /** Loads a seed document (docs/seed-documents.md); a bad one is refused whole and changes nothing. */
  async seed(document: SeedDocument): Promise<SeedCreated> {
    return (await this.call<{ created: SeedCreated }>('POST', '/api/admin/seed', document)).created;
  }

  async listMeshes(): Promise<MeshData[]> {
    return (await this.call<Page<MeshData>>('GET', '/api/meshes')).items;
  }

  createMesh(meshName: string): Promise<MeshData> {
    return this.call('POST', '/api/meshes', { meshName });
  }

  async listVirtualGateways(mesh: string, query?: Query): Promise<VirtualGatewayData[]> {
    const items: VirtualGatewayData[] = [];
    let nextToken: string | undefined;
    do {
      const params = new URLSearchParams({ limit: '100' });
      if (query?.meshOwner) params.set('meshOwner', query.meshOwner);
      if (nextToken) params.set('nextToken', nextToken);
      const page = await this.call<Page<VirtualGatewayData>>(
        'GET',
        `${ConsoleApi.mesh(mesh)}/virtual-gateways?${params}`,
      );
      items.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
    return items;
  }

  getVirtualGateway(mesh: string, gateway: string, query?: Query): Promise<VirtualGatewayData> {
    return this.call('GET', `${ConsoleApi.gateway(mesh, gateway)}${ConsoleApi.q(query)}`);
  }

  /** The gateway, or `undefined` when the API answers 404. */
  async findVirtualGateway(mesh: string, gateway: string, query?: Query): Promise<VirtualGatewayData | undefined> {
    try {
      return await this.getVirtualGateway(mesh, gateway, query);
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  createVirtualGateway(
    mesh: string,
    virtualGatewayName: string,
    spec: Record<string, unknown> = { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    query?: Query,
  ): Promise<VirtualGatewayData> {
    return this.call('POST', `${ConsoleApi.mesh(mesh)}/virtual-gateways${ConsoleApi.q(query)}`, {
      virtualGatewayName,
      spec,
    });
  }

  deleteVirtualGateway(mesh: string, gateway: string, query?: Query): Promise<VirtualGatewayData> {
    return this.call('DELETE', `${ConsoleApi.gateway(mesh, gateway)}${ConsoleApi.q(query)}`);
  }

  async listGatewayRoutes(mesh: string, gateway: string, query?: Query): Promise<GatewayRouteData[]> {
    return (
      await this.call<Page<GatewayRouteData>>(
        'GET',
        `${ConsoleApi.gateway(mesh, gateway)}/gateway-routes${ConsoleApi.q(query)}`,
      )
    ).items;
  }

  /** An http gateway route sending `prefix` to `virtualServiceName`. */
  createGatewayRoute(
    mesh: string,
    gateway: string,
    gatewayRouteName: string,
    virtualServiceName: string,
    prefix = '/',
  ): Promise<GatewayRouteData> {
    return this.call('POST', `${ConsoleApi.gateway(mesh, gateway)}/gateway-routes`, {
      gatewayRouteName,
      spec: {
        httpRoute: {
          match: { prefix },
          action: { target: { virtualService: { virtualServiceName } } },
        },
      },
    });
  }

  deleteGatewayRoute(mesh: string, gateway: string, route: string): Promise<GatewayRouteData> {
    return this.call('DELETE', `${ConsoleApi.gateway(mesh, gateway)}/gateway-routes/${encodeURIComponent(route)}`);
  }

  async listTags(resourceArn: string): Promise<TagRef[]> {
    return (await this.call<TagsAnswer>('GET', `/api/tags?resourceArn=${encodeURIComponent(resourceArn)}`)).tags;
  }

  async listVirtualServices(mesh: string, query?: Query): Promise<VirtualServiceData[]> {
    return (
      await this.call<Page<VirtualServiceData>>(
        'GET',
        `${ConsoleApi.mesh(mesh)}/virtual-services${ConsoleApi.q(query)}`,
      )
    ).items;
  }

  /** A virtual service with no provider (enough to be a gateway route's target). */
  createVirtualService(mesh: string, virtualServiceName: string): Promise<VirtualServiceData> {
    return this.call('POST', `${ConsoleApi.mesh(mesh)}/virtual-services`, { virtualServiceName, spec: {} });
  }

  /** A virtual node as the console API describes it (read-only endpoints). */
  describeVirtualNode(mesh: string, name: string, query?: Query): Promise<VirtualNodeData> {
    return this.call('GET', `${ConsoleApi.mesh(mesh)}/virtual-nodes/${encodeURIComponent(name)}${ConsoleApi.q(query)}`);
  }

  describeVirtualRouter(mesh: string, name: string, query?: Query): Promise<VirtualRouterData> {
    return this.call(
      'GET',
      `${ConsoleApi.mesh(mesh)}/virtual-routers/${encodeURIComponent(name)}${ConsoleApi.q(query)}`,
    );
  }

  describeRoute(mesh: string, router: string, route: string, query?: Query): Promise<RouteData> {
    return this.call(
      'GET',
      `${ConsoleApi.mesh(mesh)}/virtual-routers/${encodeURIComponent(router)}/routes/${encodeURIComponent(route)}${ConsoleApi.q(query)}`,
    );
  }
}
