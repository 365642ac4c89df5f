import { DeployOptionsError, generateBundle } from '@meshconsole/deploy';
import {
  type CallerMeshApi,
  createEngine,
  type DeleteTarget,
  MemoryStore,
  planDelete,
  type Quotas,
  runDeletePlan,
} from '@meshconsole/engine';
import { exportMesh, type Tagged } from '@meshconsole/export';
import {
  AdminResetBodySchema,
  type ApiErrorEnvelope,
  AppMeshError,
  CreateGatewayRouteBodySchema,
  CreateMeshBodySchema,
  CreateVirtualGatewayBodySchema,
  CreateVirtualServiceBodySchema,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  DeletePlanBodySchema,
  ExportQuerySchema,
  type ListResourceHistoryInput,
  type MeshApi,
  type MeshApiPages,
  PageQuerySchema,
  pageOf,
  parseOrThrow,
  type Session,
  type TagRef,
  TagResourceBodySchema,
  testRequestSchemaFor,
  UntagResourceBodySchema,
  UpdateGatewayRouteBodySchema,
  UpdateVirtualGatewayBodySchema,
} from '@meshconsole/model';
import { checkRoutes, type GatewayRouteEntry, listenerOf, testRequest } from '@meshconsole/routing';

/**
 * One fake console API for the console's unit tests: the routes of `/api` (docs/architecture.md) over
 * the real engine with a `MemoryStore`, reached through `fetch`. It checks what the console sends
 * (the CSRF header on writes; every body with the model's schema, as the BFF does) and records each
 * request, so a test asserts on requests and state instead of hand-written answers.
 *
 * Built on the engine's public API only (`createEngine`, `MemoryStore`, `forCaller`): whatever the
 * store does inside, `forCaller` answers promises.
 */

export const FAKE_ACCOUNT = '123456789012';
export const FAKE_REGION = 'us-west-2';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string with its `?`, or ''. */
  search: string;
  /** The parsed JSON body of a write. */
  body?: unknown;
  /** The CSRF header as sent (undefined when absent). */
  csrf?: string;
  /** Every header as sent, names lower-cased. */
  headers: Record<string, string>;
  at: number;
  answeredAt?: number;
}

type Answer = { status: number; body: unknown };
type Matcher = { method: string; path: string | RegExp };

interface Fault extends Matcher {
  answer: Answer;
}

interface Hold extends Matcher {
  released: Promise<void>;
}

export interface FakeConsoleApi {
  accountId: string;
  /** The caller's view of the mesh (through the console, as history records it), for seeding and reading back. */
  mesh: CallerMeshApi;
  /** Another account's view (to seed shared meshes and resources others own). */
  as(accountId: string): MeshApi & MeshApiPages;
  /** Shares `meshName` of `ownerAccount` with `withAccount` (what AWS RAM did). */
  share(ownerAccount: string, meshName: string, withAccount: string): Promise<void>;
  requests: RecordedRequest[];
  /** `METHOD /path?query` of every request so far. */
  calls(): string[];
  /** Answers the next request that matches with this error envelope instead of serving it. */
  failNext(
    method: string,
    path: string | RegExp,
    error: Omit<ApiErrorEnvelope['error'], 'requestId'>,
    status: number,
  ): void;
  /** Holds the answers of matching requests until the returned function is called. */
  hold(method: string, path: string | RegExp): () => void;
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
}

function matches(m: Matcher, method: string, path: string): boolean {
  return m.method === method && (typeof m.path === 'string' ? m.path === path : m.path.test(path));
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A ConflictException from a create names the name field (the BFF's `withNameFieldError`). */
function onNameField<T>(promise: Promise<T>, field: string): Promise<T> {
  return promise.catch((err: unknown) => {
    if (err instanceof AppMeshError && err.name === 'ConflictException' && !err.fieldErrors) {
      throw new AppMeshError('ConflictException', err.message, { [field]: [err.message] });
    }
    throw err;
  });
}

export function createFakeConsoleApi(
  options: { accountId?: string; quotas?: Partial<Quotas>; now?: () => number } = {},
): FakeConsoleApi {
  const accountId = options.accountId ?? FAKE_ACCOUNT;
  const engine = createEngine({
    store: new MemoryStore(),
    region: FAKE_REGION,
    ...(options.quotas ? { quotas: options.quotas } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const mesh = engine.forCaller(accountId, { via: 'console' });
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const holds: Hold[] = [];
  let requestCount = 0;

  async function route(method: string, url: URL, body: unknown): Promise<Answer> {
    const q = Object.fromEntries(url.searchParams);
    const meshOwner = q.meshOwner || undefined;
    const parts = url.pathname.split('/').slice(2).map(decodeURIComponent); // after /api
    const [top, meshName = '', kind, name, sub, route, extra] = parts;
    const ok = (value: unknown, status = 200): Answer => ({ status, body: value });

    if (top === 'session' && parts.length === 1 && method === 'GET') {
      const session: Session = { accountId, region: FAKE_REGION, backend: 'local' };
      return ok(session);
    }
    if (top === 'tags' && parts.length === 1) {
      if (method === 'GET') {
        const out = await mesh.listTagsForResource({ resourceArn: q.resourceArn ?? '' });
        return ok({ tags: out.tags });
      }
      if (method === 'POST') {
        await mesh.tagResource(parseOrThrow(TagResourceBodySchema, body));
        return ok({});
      }
    }
    if (top === 'untag' && parts.length === 1 && method === 'POST') {
      await mesh.untagResource(parseOrThrow(UntagResourceBodySchema, body));
      return ok({});
    }
    if (top === 'admin' && meshName === 'reset' && parts.length === 2 && method === 'POST') {
      const { seed } = parseOrThrow(AdminResetBodySchema, body);
      await engine.reset(seed, accountId);
      return ok({ ok: true });
    }
    if (top !== 'meshes') return notFound(method, url);

    const list = async <T>(
      fn: (input: { limit?: number; nextToken?: string }) => Promise<{ items: T[]; nextToken?: string | null }>,
    ) => {
      const { limit, nextToken } = parseOrThrow(PageQuerySchema, q);
      const out = await fn(compact({ limit, nextToken }));
      return ok(pageOf(out.items, out.nextToken));
    };
    const scope = compact({ meshName, meshOwner });
    /** `GET .../history` of the resource `target` names (meshOwner, limit and nextToken from the query). */
    const history = (target: Record<string, string>) => {
      const { limit, nextToken } = parseOrThrow(PageQuerySchema, q);
      const input = compact({ ...target, meshName, meshOwner, limit, nextToken });
      return list(() => mesh.listResourceHistory(input as unknown as ListResourceHistoryInput));
    };
    /** `GET` / `POST .../delete-plan`. */
    const plan = async (target: DeleteTarget) => {
      if (method === 'GET') return ok(await planDelete(mesh, accountId, target));
      const { expect } = parseOrThrow(DeletePlanBodySchema, body ?? {});
      return ok(await runDeletePlan(mesh, accountId, target, expect));
    };
    if (parts.length === 3 && kind === 'history' && method === 'GET') {
      return history({ resourceType: 'mesh' });
    }
    if (parts.length === 3 && kind === 'delete-plan') return plan({ resourceType: 'mesh', meshName });
    if (parts.length === 5 && name && (method === 'GET' || method === 'POST')) {
      const gw = kind === 'virtual-gateways';
      if (sub === 'history' && method === 'GET') {
        return history(
          gw
            ? { resourceType: 'virtualGateway', virtualGatewayName: name }
            : { resourceType: 'virtualService', virtualServiceName: name },
        );
      }
      if (sub === 'delete-plan') {
        return plan(
          gw
            ? { resourceType: 'virtualGateway', ...scope, virtualGatewayName: name }
            : { resourceType: 'virtualService', ...scope, virtualServiceName: name },
        );
      }
    }
    if (parts.length === 7 && kind === 'virtual-gateways' && sub === 'gateway-routes' && extra === 'history') {
      return history({ resourceType: 'gatewayRoute', virtualGatewayName: name ?? '', gatewayRouteName: route ?? '' });
    }

    if (parts.length === 1) {
      if (method === 'GET') return list((p) => mesh.listMeshPage(p));
      if (method === 'POST') return ok((await mesh.createMesh(parseOrThrow(CreateMeshBodySchema, body))).mesh, 201);
    }
    if (parts.length === 2 && method === 'GET') return ok((await mesh.describeMesh(scope)).mesh);
    if (kind === 'export' && parts.length === 3 && method === 'GET') {
      return ok(await exportAnswer(meshName, parseOrThrow(ExportQuerySchema, q)));
    }

    if (kind === 'virtual-services') {
      if (parts.length === 3) {
        if (method === 'GET') return list((p) => mesh.listVirtualServicePage({ ...scope, ...p }));
        if (method === 'POST') {
          const input = { ...parseOrThrow(CreateVirtualServiceBodySchema, body), ...scope };
          return ok((await onNameField(mesh.createVirtualService(input), 'virtualServiceName')).virtualService, 201);
        }
      }
      if (parts.length === 4 && name) {
        const key = { ...scope, virtualServiceName: name };
        if (method === 'GET') return ok((await mesh.describeVirtualService(key)).virtualService);
        if (method === 'DELETE') return ok((await mesh.deleteVirtualService(key)).virtualService);
      }
    }

    // The BFF's virtual-nodes / virtual-routers routers: read-only.
    if (kind === 'virtual-nodes' && method === 'GET') {
      if (parts.length === 3) return list((p) => mesh.listVirtualNodePage({ ...scope, ...p }));
      if (parts.length === 4 && name) {
        return ok((await mesh.describeVirtualNode({ ...scope, virtualNodeName: name })).virtualNode);
      }
    }
    if (kind === 'virtual-routers' && method === 'GET') {
      if (parts.length === 3) return list((p) => mesh.listVirtualRouterPage({ ...scope, ...p }));
      const router = { ...scope, virtualRouterName: name ?? '' };
      if (parts.length === 4 && name) return ok((await mesh.describeVirtualRouter(router)).virtualRouter);
      if (parts.length === 5 && name && sub === 'routes') return list((p) => mesh.listRoutePage({ ...router, ...p }));
      if (parts.length === 6 && name && sub === 'routes' && route) {
        return ok((await mesh.describeRoute({ ...router, routeName: route })).route);
      }
    }

    if (kind === 'virtual-gateways') {
      if (parts.length === 3) {
        if (method === 'GET') return list((p) => mesh.listVirtualGatewayPage({ ...scope, ...p }));
        if (method === 'POST') {
          const input = { ...parseOrThrow(CreateVirtualGatewayBodySchema, body), ...scope };
          return ok((await onNameField(mesh.createVirtualGateway(input), 'virtualGatewayName')).virtualGateway, 201);
        }
      }
      if (!name) return notFound(method, url);
      const gateway = { ...scope, virtualGatewayName: name };
      if (parts.length === 4) {
        if (method === 'GET') return ok((await mesh.describeVirtualGateway(gateway)).virtualGateway);
        if (method === 'PUT') {
          const input = { ...parseOrThrow(UpdateVirtualGatewayBodySchema, body), ...gateway };
          return ok((await mesh.updateVirtualGateway(input)).virtualGateway);
        }
        if (method === 'DELETE') return ok((await mesh.deleteVirtualGateway(gateway)).virtualGateway);
      }
      if (sub === 'deploy' && parts.length === 5 && method === 'GET') {
        const described = (await mesh.describeVirtualGateway(gateway)).virtualGateway;
        const { meshOwner: _owner, ...deployOptions } = q;
        try {
          return ok(generateBundle(described, deployOptions, { callerAccountId: accountId }));
        } catch (err) {
          if (!(err instanceof DeployOptionsError)) throw err;
          throw new AppMeshError('BadRequestException', err.message, err.fieldErrors as Record<string, string[]>);
        }
      }
      // The BFF's routing.service: the gateway and all its routes read through the mesh, then @meshconsole/routing.
      if ((sub === 'test-request' || sub === 'route-checks') && parts.length === 5) {
        const listener = listenerOf((await mesh.describeVirtualGateway(gateway)).virtualGateway.spec);
        const routes: GatewayRouteEntry[] = [];
        let nextToken: string | undefined;
        do {
          const page = await mesh.listGatewayRoutePage({ ...gateway, limit: 100, ...compact({ nextToken }) });
          for (const r of page.items) routes.push({ gatewayRouteName: r.gatewayRouteName, spec: r.spec });
          nextToken = page.nextToken ?? undefined;
        } while (nextToken !== undefined);
        if (sub === 'test-request' && method === 'POST') {
          return ok(testRequest(listener, routes, parseOrThrow(testRequestSchemaFor(listener.protocol), body ?? {})));
        }
        if (sub === 'route-checks' && method === 'GET') return ok({ findings: checkRoutes(listener, routes) });
      }
      if (sub === 'gateway-routes') {
        if (parts.length === 5) {
          if (method === 'GET') return list((p) => mesh.listGatewayRoutePage({ ...gateway, ...p }));
          if (method === 'POST') {
            const input = { ...parseOrThrow(CreateGatewayRouteBodySchema, body), ...gateway };
            return ok((await onNameField(mesh.createGatewayRoute(input), 'gatewayRouteName')).gatewayRoute, 201);
          }
        }
        if (parts.length === 6 && route && extra === undefined) {
          const key = { ...gateway, gatewayRouteName: route };
          if (method === 'GET') return ok((await mesh.describeGatewayRoute(key)).gatewayRoute);
          if (method === 'PUT') {
            const input = { ...parseOrThrow(UpdateGatewayRouteBodySchema, body), ...key };
            return ok((await mesh.updateGatewayRoute(input)).gatewayRoute);
          }
          if (method === 'DELETE') return ok((await mesh.deleteGatewayRoute(key)).gatewayRoute);
        }
      }
    }
    return notFound(method, url);
  }

  /** Every item of a list, page after page. */
  async function all<T>(list: (page: { nextToken?: string }) => Promise<{ items: T[]; nextToken?: string | null }>) {
    const items: T[] = [];
    let nextToken: string | undefined;
    do {
      const out = await list(nextToken ? { nextToken } : {});
      items.push(...out.items);
      nextToken = out.nextToken ?? undefined;
    } while (nextToken);
    return items;
  }

  async function tagged<T extends { metadata: { arn: string } }>(items: T[]): Promise<Tagged<T>[]> {
    return Promise.all(
      items.map(async (data) => {
        const tags: TagRef[] = await mesh
          .listTagsForResource({ resourceArn: data.metadata.arn })
          .then((out) => out.tags)
          // Only a resource's owner lists its tags: a shared mesh's resources export without them (as the BFF).
          .catch((err: unknown) => {
            if (err instanceof AppMeshError && err.name === 'ForbiddenException') return [];
            throw err;
          });
        return { data, tags };
      }),
    );
  }

  /** `GET /api/meshes/:mesh/export`: what the BFF reads, handed to @meshconsole/export as the BFF does. */
  async function exportAnswer(
    meshName: string,
    query: { format: Parameters<typeof exportMesh>[1]; virtualGateway?: string; meshOwner?: string },
  ) {
    const scope = compact({ meshName, meshOwner: query.meshOwner });
    const described = (await mesh.describeMesh(scope)).mesh;
    const gateways =
      query.virtualGateway !== undefined
        ? [(await mesh.describeVirtualGateway({ ...scope, virtualGatewayName: query.virtualGateway })).virtualGateway]
        : await all((p) => mesh.listVirtualGatewayPage({ ...scope, ...p }));
    const routes = (
      await Promise.all(
        gateways.map((g) =>
          all((p) => mesh.listGatewayRoutePage({ ...scope, virtualGatewayName: g.virtualGatewayName, ...p })),
        ),
      )
    ).flat();
    let services = await all((p) => mesh.listVirtualServicePage({ ...scope, ...p }));
    if (query.virtualGateway !== undefined) {
      const targets = new Set(
        routes.map(
          (r) =>
            (r.spec.httpRoute ?? r.spec.http2Route ?? r.spec.grpcRoute)?.action.target.virtualService
              .virtualServiceName,
        ),
      );
      services = services.filter((s) => targets.has(s.virtualServiceName));
    }
    const [meshTagged] = await tagged([described]);
    return exportMesh(
      {
        accountId,
        mesh: meshTagged as Tagged<typeof described>,
        virtualServices: await tagged(services),
        virtualGateways: await tagged(gateways),
        gatewayRoutes: await tagged(routes),
      },
      query.format,
    );
  }

  function notFound(method: string, url: URL): Answer {
    return {
      status: 404,
      body: {
        error: { code: 'NotFoundException', message: `No console API route matches ${method} ${url.pathname}.` },
      },
    };
  }

  async function answer(method: string, url: URL, body: unknown, csrf: string | undefined): Promise<Answer> {
    const fault = faults.findIndex((f) => matches(f, method, url.pathname));
    if (fault >= 0) return faults.splice(fault, 1)[0]?.answer as Answer;
    if (method !== 'GET' && csrf !== CSRF_HEADER_VALUE) {
      return {
        status: 403,
        body: { error: { code: 'ForbiddenException', message: `The request needs the ${CSRF_HEADER} header.` } },
      };
    }
    try {
      return await route(method, url, body);
    } catch (err) {
      if (!(err instanceof AppMeshError)) throw err;
      return {
        status: err.status,
        body: {
          error: { code: err.name, message: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) },
        },
      };
    }
  }

  const fetchFake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const csrf = headers.get(CSRF_HEADER) ?? undefined;
    const entry: RecordedRequest = {
      method,
      path: url.pathname,
      search: url.search,
      ...(body !== undefined ? { body } : {}),
      ...(csrf !== undefined ? { csrf } : {}),
      headers: Object.fromEntries(headers),
      at: performance.now(),
    };
    requests.push(entry);
    if (init.signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
    const result = await answer(method, url, body, csrf);
    for (const h of holds.filter((h) => matches(h, method, url.pathname))) await h.released;
    entry.answeredAt = performance.now();
    const payload =
      result.status >= 400
        ? { error: { ...(result.body as ApiErrorEnvelope).error, requestId: `fake-${++requestCount}` } }
        : result.body;
    return new Response(JSON.stringify(payload), {
      status: result.status,
      headers: { 'content-type': 'application/json' },
    });
  };

  return {
    accountId,
    mesh,
    as: (other) => engine.forCaller(other),
    share: async (owner, meshName, withAccount) => {
      await engine.shareMesh(owner, meshName, withAccount);
    },
    requests,
    calls: () => requests.map((r) => `${r.method} ${r.path}${r.search}`),
    failNext: (method, path, error, status) => faults.push({ method, path, answer: { status, body: { error } } }),
    hold: (method, path) => {
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ method, path, released });
      return release;
    },
    fetch: fetchFake,
  };
}
