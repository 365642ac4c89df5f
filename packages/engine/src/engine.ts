import { createHash, randomUUID } from 'node:crypto';
import {
  AppMeshError,
  backendServiceNames,
  buildAppMeshArn,
  CreateGatewayRouteInputSchema,
  CreateMeshInputSchema,
  CreateRouteInputSchema,
  CreateVirtualGatewayInputSchema,
  CreateVirtualNodeInputSchema,
  CreateVirtualRouterInputSchema,
  CreateVirtualServiceInputSchema,
  DeleteGatewayRouteInputSchema,
  DeleteMeshInputSchema,
  DeleteRouteInputSchema,
  DeleteVirtualGatewayInputSchema,
  DeleteVirtualNodeInputSchema,
  DeleteVirtualRouterInputSchema,
  DeleteVirtualServiceInputSchema,
  DescribeGatewayRouteInputSchema,
  DescribeMeshInputSchema,
  DescribeRouteInputSchema,
  DescribeVirtualGatewayInputSchema,
  DescribeVirtualNodeInputSchema,
  DescribeVirtualRouterInputSchema,
  DescribeVirtualServiceInputSchema,
  type GatewayRouteData,
  type GatewayRouteRef,
  type HistoryPage,
  ListGatewayRoutesInputSchema,
  ListMeshesInputSchema,
  type ListResourceHistoryInput,
  ListResourceHistoryInputSchema,
  ListRoutesInputSchema,
  ListTagsForResourceInputSchema,
  ListVirtualGatewaysInputSchema,
  ListVirtualNodesInputSchema,
  ListVirtualRoutersInputSchema,
  ListVirtualServicesInputSchema,
  type MeshApi,
  type MeshApiHistory,
  type MeshApiPages,
  type MeshData,
  type MeshRef,
  type Page,
  parseAppMeshArn,
  parseOrThrow,
  parseSeedDocument,
  type ResourceMetadata,
  type RouteData,
  type RouteRef,
  type RouteSpec,
  routeTargets,
  type StatusCode,
  type TagRef,
  TagResourceInputSchema,
  UntagResourceInputSchema,
  UpdateGatewayRouteInputSchema,
  UpdateMeshInputSchema,
  UpdateRouteInputSchema,
  UpdateVirtualGatewayInputSchema,
  UpdateVirtualNodeInputSchema,
  UpdateVirtualRouterInputSchema,
  UpdateVirtualServiceInputSchema,
  type VirtualGatewayData,
  type VirtualGatewayRef,
  type VirtualNodeData,
  type VirtualNodeRef,
  type VirtualNodeSpec,
  type VirtualRouterData,
  type VirtualRouterRef,
  type VirtualServiceData,
  type VirtualServiceRef,
  withVirtualGatewayDefaults,
} from '@meshconsole/model';
import { requestFingerprint } from './canonical-json';
import { seedDemoData } from './demo-seed';
import { type Author, DEFAULT_HISTORY_VERSIONS, HistoryRecorder, historyEntry } from './history';
import { decodeNextToken, encodeNextToken, NextTokenError, newTokenSecret } from './pagination';
import { type Quotas, resolveQuotas } from './quotas';
import { applySeedDocument, type SeedSummary } from './seed-document';
import {
  type ResourceKey,
  type ResourceKind,
  type ResourceRecord,
  type ResourceScope,
  type Store,
  type StoreReader,
  StoreUnavailableError,
  type StoreWriter,
  type Via,
} from './store/store';

export interface EngineOptions {
  store: Store;
  /** Region written into ARNs, e.g. `us-west-2`. */
  region: string;
  /** Partition written into ARNs. Default `aws`. */
  partition?: string;
  /** Overrides of `DEFAULT_QUOTAS`. */
  quotas?: Partial<Quotas>;
  /** Clock in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Makes every `createdAt`/`lastUpdatedAt` this instant (FIXED_TIME); see `Determinism`. */
  fixedTime?: number;
  /** Makes every `uid` a function of this string and the resource's ARN (FIXED_IDS); see `Determinism`. */
  fixedIds?: string;
  /** Versions kept per resource (its history), oldest dropped first. Default 100; 0 keeps none. */
  historyVersions?: number;
}

/**
 * Fixed time and ids, for screenshots and snapshot tests: with `fixedTime` (ms since the epoch) every
 * `createdAt` and `lastUpdatedAt` is that instant; with `fixedIds` every new resource's `uid` is a
 * function of that string and the resource's ARN only, so the same seed gives the same uids in every run.
 */
export interface Determinism {
  fixedTime?: number | undefined;
  fixedIds?: string | undefined;
}

/** The uid FIXED_IDS gives the resource `arn`: a UUID-shaped digest of both. */
export function fixedUid(fixedIds: string, arn: string): string {
  const h = createHash('sha256').update(fixedIds).update('\0').update(arn).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** What the engine knows of a caller besides its account: the surface its requests come through. */
export interface CallerContext {
  /** `console` for the console API, `api` (the default) for the App Mesh API. Recorded in history. */
  via?: Via;
}

/** A caller's view of the mesh: the App Mesh API, full list pages, and resource history. */
export type CallerMeshApi = MeshApi & MeshApiPages & MeshApiHistory;

export interface Engine {
  /**
   * The App Mesh API as seen by `accountId`: validates input, enforces the service's rules, throws
   * `AppMeshError`. It also offers `MeshApiPages`: a list page with full records, in one read.
   */
  forCaller(accountId: string, context?: CallerContext): CallerMeshApi;
  /** Shares the mesh `meshName` owned by `ownerAccount` with `withAccount` (what AWS RAM does for App Mesh). */
  shareMesh(ownerAccount: string, meshName: string, withAccount: string): Promise<void>;
  /** Deletes everything (and invalidates every outstanding `nextToken`), then seeds demo data when asked. */
  reset(seed: 'demo' | 'none', accountId: string): Promise<void>;
  /** Creates whatever part of the demo data is missing for `accountId`; running it again changes nothing. */
  seedDemo(accountId: string): Promise<void>;
  /**
   * Creates everything a seed document describes (validated whole first), through the operations, in
   * one transaction: a bad document is refused with the path of its first bad field and changes nothing.
   * Owners default to `accountId`.
   */
  applySeed(document: unknown, accountId: string): Promise<SeedSummary>;
  /** Sets (or, with `{}`, clears) fixed time and ids for what is created and updated from now on. */
  setDeterminism(determinism: Determinism): void;
  /** The fixed time and ids in force. */
  determinism(): Determinism;
  /** True when the store holds no resource. */
  isEmpty(): Promise<boolean>;
  /** Readiness: the store answers. Never rejects. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

type Api = MeshApi;
type In<K extends keyof Api> = Parameters<Api[K]>[0];
type Out<K extends keyof Api> = Awaited<ReturnType<Api[K]>>;

/** How long a `clientToken` is remembered (AWS does not document it; a day covers every retry). */
export const CLIENT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_PAGE = 100;
const DEFAULT_TAG_PAGE = 50;
const NAMES_IN_MESSAGE = 10;
const SECRET_KEY = 'next-token-secret';

const KIND_LABEL: Record<ResourceKind, string> = {
  mesh: 'Mesh',
  virtualService: 'VirtualService',
  virtualGateway: 'VirtualGateway',
  gatewayRoute: 'GatewayRoute',
  virtualNode: 'VirtualNode',
  virtualRouter: 'VirtualRouter',
  route: 'Route',
};

/** The request member that names a resource of each kind. */
const NAME_FIELD: Record<ResourceKind, string> = {
  mesh: 'meshName',
  virtualService: 'virtualServiceName',
  virtualGateway: 'virtualGatewayName',
  gatewayRoute: 'gatewayRouteName',
  virtualNode: 'virtualNodeName',
  virtualRouter: 'virtualRouterName',
  route: 'routeName',
};

export function createEngine(options: EngineOptions): Engine {
  return new LocalEngine(options);
}

function notFound(message: string, fieldErrors?: Record<string, string[]>): AppMeshError {
  return new AppMeshError('NotFoundException', message, fieldErrors);
}

function seconds(ms: number): number {
  return ms / 1000;
}

function listOfNames(names: string[], total: number): string {
  const more = total > names.length ? `, and ${total - names.length} more` : '';
  return `[${names.join(', ')}${more}]`;
}

/** The virtual service a gateway route spec targets, and the path of that field. */
function routeTarget(spec: unknown): { name: string; path: string } | undefined {
  const routes = spec as Record<
    string,
    { action?: { target?: { virtualService?: { virtualServiceName?: unknown } } } } | undefined
  >;
  for (const type of ['httpRoute', 'http2Route', 'grpcRoute']) {
    const name = routes?.[type]?.action?.target?.virtualService?.virtualServiceName;
    if (typeof name === 'string') return { name, path: `spec.${type}.action.target.virtualService.virtualServiceName` };
  }
  return undefined;
}

class LocalEngine implements Engine {
  readonly store: Store;
  readonly region: string;
  readonly partition: string;
  readonly quotas: Quotas;
  readonly now: () => number;
  #determinism: Determinism;
  readonly history: HistoryRecorder;
  /** Set once the store holds a pagination secret (made on first use, shared by every process on the store). */
  #secretReady: Promise<void> | undefined;

  constructor(options: EngineOptions) {
    this.store = options.store;
    this.region = options.region;
    this.partition = options.partition ?? 'aws';
    this.quotas = resolveQuotas(options.quotas);
    this.now = options.now ?? Date.now;
    this.history = new HistoryRecorder(options.historyVersions ?? DEFAULT_HISTORY_VERSIONS);
    this.#determinism = { fixedTime: options.fixedTime, fixedIds: options.fixedIds };
  }

  setDeterminism(determinism: Determinism): void {
    this.#determinism = { fixedTime: determinism.fixedTime, fixedIds: determinism.fixedIds };
  }

  determinism(): Determinism {
    return { ...this.#determinism };
  }

  /** `createdAt`/`lastUpdatedAt` of a write now: the fixed time, else the clock. */
  stamp(): number {
    return this.#determinism.fixedTime ?? this.now();
  }

  /**
   * The uid of a new resource: from FIXED_IDS and the ARN, else random. An ARN names the resource
   * owner, not the mesh owner, so for a resource in a mesh another account shares the mesh owner joins
   * the digest (two such resources could otherwise share an ARN, and so a uid).
   */
  uidFor(record: Pick<ResourceRecord, 'arn' | 'meshOwner' | 'resourceOwner'>): string {
    const fixedIds = this.#determinism.fixedIds;
    if (fixedIds === undefined) return randomUUID();
    const arn = record.meshOwner === record.resourceOwner ? record.arn : `${record.arn} ${record.meshOwner}`;
    return fixedUid(fixedIds, arn);
  }

  async applySeed(document: unknown, accountId: string): Promise<SeedSummary> {
    assertAccount(accountId);
    const seed = parseSeedDocument(document);
    return await this.#translated(() => this.store.write((w) => applySeedDocument(this.#seedHost(w), seed, accountId)));
  }

  forCaller(accountId: string, context: CallerContext = {}): CallerMeshApi {
    return new CallerApi(this, assertAccount(accountId), context.via ?? 'api');
  }

  async shareMesh(ownerAccount: string, meshName: string, withAccount: string): Promise<void> {
    assertAccount(ownerAccount);
    assertAccount(withAccount);
    await this.#translated(() =>
      this.store.write(async (w) => {
        const mesh = await w.getResource(meshKey(ownerAccount, meshName));
        if (!mesh) throw notFound(`Mesh with name ${meshName} is not present for account ${ownerAccount}`);
        if (withAccount !== ownerAccount) await w.addShare(ownerAccount, meshName, withAccount);
      }),
    );
  }

  async reset(seed: 'demo' | 'none', accountId: string): Promise<void> {
    assertAccount(accountId);
    await this.#translated(() =>
      this.store.write(async (w) => {
        await w.wipe();
        await w.setMeta(SECRET_KEY, newTokenSecret());
        if (seed === 'demo') await seedDemoData(this.#seedHost(w), accountId);
      }),
    );
  }

  async seedDemo(accountId: string): Promise<void> {
    assertAccount(accountId);
    await this.#translated(() => this.store.write((w) => seedDemoData(this.#seedHost(w), accountId)));
  }

  /** The demo seed runs through the operations, inside the one transaction `w` belongs to. */
  #seedHost(w: StoreWriter) {
    return {
      operations: (account: string) => new Operations(this, account, w),
      exists: async (key: ResourceKey) => (await w.getResource(key)) !== undefined,
      share: (owner: string, meshName: string, account: string) => w.addShare(owner, meshName, account),
    };
  }

  isEmpty(): Promise<boolean> {
    return this.#translated(() => this.store.read((r) => r.isEmpty()));
  }

  ping(): Promise<boolean> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }

  /**
   * Makes sure the store holds the `nextToken` signing secret. The secret lives in the store, not in
   * this process, so every process on the same store signs and checks tokens alike; the first one to
   * need it writes it (one transaction: concurrent starters agree on one secret).
   */
  #ensureSecret(): Promise<void> {
    this.#secretReady ??= this.store
      .write(async (w) => {
        if ((await w.getMeta(SECRET_KEY)) === undefined) await w.setMeta(SECRET_KEY, newTokenSecret());
      })
      .catch((error: unknown) => {
        this.#secretReady = undefined; // try again on the next request (the store may be back)
        throw error;
      });
    return this.#secretReady;
  }

  arn(record: Pick<ResourceRecord, 'kind' | 'meshName' | 'parent' | 'name' | 'resourceOwner'>): string {
    const location = { partition: this.partition, region: this.region, accountId: record.resourceOwner };
    switch (record.kind) {
      case 'mesh':
        return buildAppMeshArn(location, { kind: 'mesh', meshName: record.meshName });
      case 'virtualService':
        return buildAppMeshArn(location, {
          kind: 'virtualService',
          meshName: record.meshName,
          virtualServiceName: record.name,
        });
      case 'virtualGateway':
        return buildAppMeshArn(location, {
          kind: 'virtualGateway',
          meshName: record.meshName,
          virtualGatewayName: record.name,
        });
      case 'gatewayRoute':
        return buildAppMeshArn(location, {
          kind: 'gatewayRoute',
          meshName: record.meshName,
          virtualGatewayName: record.parent,
          gatewayRouteName: record.name,
        });
      case 'virtualNode':
        return buildAppMeshArn(location, {
          kind: 'virtualNode',
          meshName: record.meshName,
          virtualNodeName: record.name,
        });
      case 'virtualRouter':
        return buildAppMeshArn(location, {
          kind: 'virtualRouter',
          meshName: record.meshName,
          virtualRouterName: record.name,
        });
      case 'route':
        return buildAppMeshArn(location, {
          kind: 'route',
          meshName: record.meshName,
          virtualRouterName: record.parent,
          routeName: record.name,
        });
    }
  }

  /** Runs a caller's operation once the store is ready for it, its errors made `AppMeshError`s. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    return this.#translated(async () => {
      await this.#ensureSecret();
      return operation();
    });
  }

  /** Errors reach the caller as `AppMeshError`s, never as raw storage errors. */
  async #translated<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof AppMeshError) throw error;
      if (error instanceof StoreUnavailableError) {
        const unavailable = new AppMeshError(
          'ServiceUnavailableException',
          'The request has failed due to a temporary failure of the service. Try again.',
        );
        (unavailable as { cause?: unknown }).cause = error;
        throw unavailable;
      }
      const wrapped = new AppMeshError(
        'InternalServerErrorException',
        'The request processing has failed because of an unknown error, exception, or failure.',
      );
      (wrapped as { cause?: unknown }).cause = error;
      throw wrapped;
    }
  }

  async secret(reader: StoreReader): Promise<string> {
    const secret = await reader.getMeta(SECRET_KEY);
    if (secret === undefined) throw new Error('The pagination secret is missing from the store.');
    return secret;
  }
}

function assertAccount(accountId: string): string {
  if (!/^\d{12}$/.test(accountId)) throw new Error(`An account id is 12 digits (got "${accountId}").`);
  return accountId;
}

function meshKey(meshOwner: string, meshName: string): ResourceKey {
  return { kind: 'mesh', meshOwner, meshName, parent: '', name: meshName };
}

/** The mesh access a caller has: the mesh record, or `NotFoundException`. */
async function accessibleMesh(
  reader: StoreReader,
  caller: string,
  meshName: string,
  meshOwner: string | undefined,
): Promise<ResourceRecord> {
  const owner = meshOwner ?? caller;
  const mesh = await reader.getResource(meshKey(owner, meshName));
  if (!mesh || (owner !== caller && !(await reader.isSharedWith(owner, meshName, caller)))) {
    throw notFound(
      owner === caller
        ? `Mesh with name ${meshName} is not present for account ${owner}`
        : `Mesh with name ${meshName} owned by account ${owner} is not present or is not shared with account ${caller}`,
    );
  }
  return mesh;
}

async function childOrThrow(reader: StoreReader, scope: ResourceScope, name: string): Promise<ResourceRecord> {
  const found = await reader.getResource({ ...scope, name });
  if (!found) {
    const under =
      scope.kind === 'gatewayRoute'
        ? `virtual gateway ${scope.parent} in mesh ${scope.meshName}`
        : scope.kind === 'route'
          ? `virtual router ${scope.parent} in mesh ${scope.meshName}`
          : `mesh ${scope.meshName}`;
    throw notFound(
      `${KIND_LABEL[scope.kind]} with name ${name} is not present under ${under} for account ${scope.meshOwner}`,
    );
  }
  return found;
}

function describeKind(record: ResourceRecord): string {
  return record.kind === 'gatewayRoute'
    ? `GatewayRoute ${record.name} of virtual gateway ${record.parent} in mesh ${record.meshName}`
    : record.kind === 'route'
      ? `Route ${record.name} of virtual router ${record.parent} in mesh ${record.meshName}`
      : record.kind === 'mesh'
        ? `Mesh ${record.name}`
        : `${KIND_LABEL[record.kind]} ${record.name} in mesh ${record.meshName}`;
}

function assertCanUpdate(record: ResourceRecord, caller: string): void {
  if (record.resourceOwner !== caller) {
    throw new AppMeshError(
      'ForbiddenException',
      `${describeKind(record)} is owned by account ${record.resourceOwner}; only the resource owner can update it.`,
    );
  }
}

/** Per the sharing rules, the resource owner may delete a resource and so may the mesh owner. */
function assertCanDelete(record: ResourceRecord, caller: string): void {
  if (record.resourceOwner !== caller && record.meshOwner !== caller) {
    const who =
      record.resourceOwner === record.meshOwner
        ? `account ${record.resourceOwner}`
        : `account ${record.resourceOwner} (the mesh belongs to account ${record.meshOwner})`;
    throw new AppMeshError(
      'ForbiddenException',
      `${describeKind(record)} is owned by ${who}; only the resource owner or the mesh owner can delete it.`,
    );
  }
}

function metadataOf(record: ResourceRecord): ResourceMetadata {
  return {
    arn: record.arn,
    createdAt: seconds(record.createdAt),
    lastUpdatedAt: seconds(record.lastUpdatedAt),
    meshOwner: record.meshOwner,
    resourceOwner: record.resourceOwner,
    uid: record.uid,
    version: record.version,
  };
}

function refBase(record: ResourceRecord) {
  return {
    arn: record.arn,
    createdAt: seconds(record.createdAt),
    lastUpdatedAt: seconds(record.lastUpdatedAt),
    meshName: record.meshName,
    meshOwner: record.meshOwner,
    resourceOwner: record.resourceOwner,
    version: record.version,
  };
}

function meshData(record: ResourceRecord, status: StatusCode = 'ACTIVE'): MeshData {
  return {
    meshName: record.meshName,
    metadata: metadataOf(record),
    spec: record.spec as MeshData['spec'],
    status: { status },
  };
}

function virtualServiceData(record: ResourceRecord, status: StatusCode = 'ACTIVE'): VirtualServiceData {
  return {
    meshName: record.meshName,
    virtualServiceName: record.name,
    metadata: metadataOf(record),
    spec: record.spec as VirtualServiceData['spec'],
    status: { status },
  };
}

function virtualGatewayData(record: ResourceRecord, status: StatusCode = 'ACTIVE'): VirtualGatewayData {
  return {
    meshName: record.meshName,
    virtualGatewayName: record.name,
    metadata: metadataOf(record),
    spec: record.spec as VirtualGatewayData['spec'],
    status: { status },
  };
}

function gatewayRouteData(record: ResourceRecord, status: StatusCode = 'ACTIVE'): GatewayRouteData {
  return {
    meshName: record.meshName,
    virtualGatewayName: record.parent,
    gatewayRouteName: record.name,
    metadata: metadataOf(record),
    spec: record.spec as GatewayRouteData['spec'],
    status: { status },
  };
}

/** A list answer carries `nextToken` only when there is a next page. */
function withNextToken<T extends object>(body: T, nextToken: string | undefined): T & { nextToken?: string } {
  return nextToken === undefined ? body : { ...body, nextToken };
}

// ---- the kinds that live in a mesh -----------------------------------------------------------

/** Where a request says a resource lives: a mesh the caller owns, or the one `meshOwner` shares. */
interface MeshPlace {
  meshName: string;
  meshOwner?: string | undefined;
}

/** Where a request says a gateway route lives: a virtual gateway in such a mesh. */
interface GatewayPlace extends MeshPlace {
  virtualGatewayName: string;
}

/** Where a request says a route lives: a virtual router in such a mesh. */
interface RouterPlace extends MeshPlace {
  virtualRouterName: string;
}

/** A place found: its mesh, the record the resource hangs under (the mesh, or a route's gateway), and its siblings' scope. */
interface Location {
  mesh: ResourceRecord;
  parent: ResourceRecord;
  scope: ResourceScope;
}

function childScope(
  kind: ResourceScope['kind'],
  mesh: Pick<ResourceRecord, 'meshOwner' | 'meshName'>,
  parent = '',
): ResourceScope {
  return { kind, meshOwner: mesh.meshOwner, meshName: mesh.meshName, parent };
}

/** Virtual services, gateways, nodes and routers live directly in a mesh the caller can see. */
function inMesh(kind: 'virtualService' | 'virtualGateway' | 'virtualNode' | 'virtualRouter') {
  return async (r: StoreReader, caller: string, place: MeshPlace): Promise<Location> => {
    const mesh = await accessibleMesh(r, caller, place.meshName, place.meshOwner);
    return { mesh, parent: mesh, scope: childScope(kind, mesh) };
  };
}

/** Gateway routes live under a virtual gateway, which must exist, in a mesh the caller can see. */
async function inGateway(r: StoreReader, caller: string, place: GatewayPlace): Promise<Location> {
  const mesh = await accessibleMesh(r, caller, place.meshName, place.meshOwner);
  const gateway = await childOrThrow(r, childScope('virtualGateway', mesh), place.virtualGatewayName);
  return { mesh, parent: gateway, scope: childScope('gatewayRoute', mesh, gateway.name) };
}

/** sharing.md: "Owners can create virtual gateways and virtual gateway routes." */
function assertMeshOwnerCreatesGateway(caller: string, { mesh }: Location): void {
  if (mesh.meshOwner !== caller) {
    throw new AppMeshError(
      'ForbiddenException',
      `Mesh ${mesh.meshName} is owned by account ${mesh.meshOwner}; only the mesh owner can create virtual gateways in it.`,
    );
  }
}

/** Console: "You can only create a gateway route for a virtual gateway of which your account is listed as the Resource owner". */
function assertGatewayOwnerCreatesRoute(caller: string, { mesh, parent: gateway }: Location): void {
  if (gateway.resourceOwner !== caller) {
    throw new AppMeshError(
      'ForbiddenException',
      `VirtualGateway ${gateway.name} in mesh ${mesh.meshName} is owned by account ${gateway.resourceOwner}; only its resource owner can create gateway routes for it.`,
    );
  }
}

/** Every child of a scope, page by page (a reference check reads a whole kind of one mesh). */
async function allChildren(r: StoreReader, scope: ResourceScope): Promise<ResourceRecord[]> {
  const out: ResourceRecord[] = [];
  const size = 100;
  let after: string | undefined;
  for (;;) {
    const page = await r.listResources(scope, after, size);
    out.push(...page);
    const last = page.at(-1);
    if (page.length < size || last === undefined) return out;
    after = last.name;
  }
}

/** Every route of every virtual router in a mesh. */
async function allRoutes(
  r: StoreReader,
  mesh: Pick<ResourceRecord, 'meshOwner' | 'meshName'>,
): Promise<ResourceRecord[]> {
  const routes: ResourceRecord[] = [];
  for (const router of await allChildren(r, childScope('virtualRouter', mesh))) {
    routes.push(...(await allChildren(r, childScope('route', mesh, router.name))));
  }
  return routes;
}

/** `ResourceInUseException` naming, per kind, what refers to `subject` (`VirtualNode n`), when anything does. */
function assertUnreferenced(subject: string, holders: ReadonlyArray<{ kind: string; names: string[] }>): void {
  const parts = holders
    .filter((holder) => holder.names.length > 0)
    .map((holder) => `${holder.kind}: ${listOfNames(holder.names.slice(0, NAMES_IN_MESSAGE), holder.names.length)}`);
  if (parts.length > 0) {
    throw new AppMeshError(
      'ResourceInUseException',
      `${subject} is being referenced in the following: ${parts.join(', ')}`,
    );
  }
}

/** The virtual node or router a virtual service spec names as its provider. */
function providerOf(spec: unknown): { kind: 'virtualNode' | 'virtualRouter'; name: string; path: string } | undefined {
  const provider = (spec as VirtualServiceData['spec'] | undefined)?.provider;
  if (provider?.virtualNode) {
    const path = 'spec.provider.virtualNode.virtualNodeName';
    return { kind: 'virtualNode', name: provider.virtualNode.virtualNodeName, path };
  }
  if (provider?.virtualRouter) {
    const path = 'spec.provider.virtualRouter.virtualRouterName';
    return { kind: 'virtualRouter', name: provider.virtualRouter.virtualRouterName, path };
  }
  return undefined;
}

/** The virtual services of a mesh whose provider is `record` (a virtual node or router). */
async function servicesProvidedBy(r: StoreReader, record: ResourceRecord): Promise<string[]> {
  return (await allChildren(r, childScope('virtualService', record)))
    .filter((service) => {
      const provider = providerOf(service.spec);
      return provider?.kind === record.kind && provider.name === record.name;
    })
    .map((service) => service.name);
}

/** A virtual service cannot go while gateway routes target it or virtual nodes name it as a backend. */
async function assertServiceNotInUse(r: StoreReader, service: ResourceRecord): Promise<void> {
  const routes = await r.findRoutesTargeting(service.meshOwner, service.meshName, service.name, NAMES_IN_MESSAGE + 1);
  const nodes = (await allChildren(r, childScope('virtualNode', service)))
    .filter((node) => backendServiceNames(node.spec as VirtualNodeSpec).includes(service.name))
    .map((node) => node.name);
  assertUnreferenced(`VirtualService ${service.name}`, [
    { kind: 'GATEWAY_ROUTE', names: routes.map((route) => `${route.parent}/${route.name}`) },
    { kind: 'VIRTUAL_NODE', names: nodes },
  ]);
}

/** A virtual gateway cannot go while it has gateway routes, nor a virtual router while it has routes. */
async function assertNoChildren(r: StoreReader, parent: ResourceRecord, kind: 'gatewayRoute' | 'route'): Promise<void> {
  const children = childScope(kind, parent, parent.name);
  const total = await r.countResources(children, Number.MAX_SAFE_INTEGER);
  if (total > 0) {
    const names = (await r.listResources(children, undefined, NAMES_IN_MESSAGE)).map((child) => child.name);
    const what = KIND_LABEL[parent.kind];
    throw new AppMeshError(
      'ResourceInUseException',
      `${what} ${parent.name} has active ${KIND_LABEL[kind]}s ${listOfNames(names, total)}, please delete them before deleting the ${what}`,
    );
  }
}

/** A virtual node cannot go while it provides a virtual service or a route targets it. */
async function assertNodeNotInUse(r: StoreReader, node: ResourceRecord): Promise<void> {
  const routes = (await allRoutes(r, node))
    .filter((route) => routeTargets(route.spec as RouteSpec)?.targets.some((t) => t.virtualNode === node.name))
    .map((route) => `${route.parent}/${route.name}`);
  assertUnreferenced(`VirtualNode ${node.name}`, [
    { kind: 'VIRTUAL_SERVICE', names: await servicesProvidedBy(r, node) },
    { kind: 'ROUTE', names: routes },
  ]);
}

/** A virtual router cannot go while it provides a virtual service or has routes. */
async function assertRouterNotInUse(r: StoreReader, router: ResourceRecord): Promise<void> {
  assertUnreferenced(`VirtualRouter ${router.name}`, [
    { kind: 'VIRTUAL_SERVICE', names: await servicesProvidedBy(r, router) },
  ]);
  await assertNoChildren(r, router, 'route');
}

/** A virtual service's provider must exist in the service's mesh. */
async function assertProviderExists(r: StoreReader, { mesh }: Location, spec: unknown): Promise<void> {
  const provider = providerOf(spec);
  if (!provider) return;
  if (!(await r.getResource({ ...childScope(provider.kind, mesh), name: provider.name }))) {
    const what = provider.kind === 'virtualNode' ? 'Virtual node' : 'Virtual router';
    throw notFound(
      `${KIND_LABEL[provider.kind]} with name ${provider.name} is not present under mesh ${mesh.meshName} for account ${mesh.meshOwner}`,
      { [provider.path]: [`${what} ${provider.name} does not exist in mesh ${mesh.meshName}.`] },
    );
  }
}

/** A route's weighted targets name virtual nodes of the route's mesh. */
async function assertTargetsExist(r: StoreReader, { mesh }: Location, spec: unknown): Promise<void> {
  const found = routeTargets(spec as RouteSpec);
  if (!found) return;
  for (const [index, target] of found.targets.entries()) {
    if (!(await r.getResource({ ...childScope('virtualNode', mesh), name: target.virtualNode }))) {
      throw notFound(
        `VirtualNode with name ${target.virtualNode} is not present under mesh ${mesh.meshName} for account ${mesh.meshOwner}`,
        {
          [`spec.${found.type}.action.weightedTargets.${index}.virtualNode`]: [
            `Virtual node ${target.virtualNode} does not exist in mesh ${mesh.meshName}.`,
          ],
        },
      );
    }
  }
}

/** Backends per virtual node (a quota, L-8775AB18). */
async function assertBackendQuota(_r: StoreReader, _at: Location, spec: unknown, quotas: Quotas): Promise<void> {
  const count = backendServiceNames(spec as VirtualNodeSpec).length;
  const limit = quotas.backendsPerVirtualNode;
  if (count > limit) {
    throw new AppMeshError(
      'LimitExceededException',
      `A virtual node can have at most ${limit} backends; the request has ${count}. Remove some, or raise the quota.`,
      { 'spec.backends': [`At most ${limit} backends are allowed.`] },
    );
  }
}

/** Routes live under a virtual router, which must exist, in a mesh the caller can see. */
async function inRouter(r: StoreReader, caller: string, place: RouterPlace): Promise<Location> {
  const mesh = await accessibleMesh(r, caller, place.meshName, place.meshOwner);
  const router = await childOrThrow(r, childScope('virtualRouter', mesh), place.virtualRouterName);
  return { mesh, parent: router, scope: childScope('route', mesh, router.name) };
}

/** Like gateway routes: only the virtual router's resource owner adds routes to it. */
function assertRouterOwnerCreatesRoute(caller: string, { mesh, parent: router }: Location): void {
  if (router.resourceOwner !== caller) {
    throw new AppMeshError(
      'ForbiddenException',
      `VirtualRouter ${router.name} in mesh ${mesh.meshName} is owned by account ${router.resourceOwner}; only its resource owner can create routes for it.`,
    );
  }
}

/** The virtual service a gateway route spec targets, which must exist in the route's mesh; `null` when none. */
async function targetService(r: StoreReader, mesh: ResourceRecord, spec: unknown): Promise<string | null> {
  const target = routeTarget(spec);
  if (!target) return null;
  if (!(await r.getResource({ ...childScope('virtualService', mesh), name: target.name }))) {
    const message = `VirtualService with name ${target.name} is not present under mesh ${mesh.meshName} for account ${mesh.meshOwner}`;
    throw notFound(message, {
      [target.path]: [`Virtual service ${target.name} does not exist in mesh ${mesh.meshName}.`],
    });
  }
  return target.name;
}

/**
 * What sets virtual services, virtual gateways and gateway routes apart. Everything else is one rule
 * for all three, in `Operations`: the caller must see the mesh, a missing name is NotFound, only the
 * resource owner updates, the resource or mesh owner deletes, every change bumps the version.
 */
interface ChildKind<Place extends MeshPlace, NameField extends string, Data, Ref> {
  /** The request field that names the resource. */
  nameField: NameField;
  /** Finds the place a request names (NotFoundException when the caller cannot see it). */
  locate(r: StoreReader, caller: string, place: Place): Promise<Location>;
  /** The siblings' scope of a place in a mesh the caller owns, without reading anything. */
  ownScope(caller: string, place: Place): ResourceScope;
  /** Who may create one, beyond seeing the mesh (anyone who sees it, when absent). */
  assertCanCreate?(caller: string, at: Location): void;
  /** The quota on siblings, and how the limit message names their place. */
  quota: { key: keyof Quotas; what: string; where(at: Location): string };
  /** Gateway routes: the virtual service the spec targets, which must exist. */
  target?(r: StoreReader, mesh: ResourceRecord, spec: unknown): Promise<string | null>;
  /** Checks a create's or update's spec against the mesh: what it names exists, its own quotas. */
  checkSpec?(r: StoreReader, at: Location, spec: unknown, quotas: Quotas): Promise<void>;
  /** Refuses a delete while other resources depend on the record. */
  assertNotInUse?(r: StoreReader, record: ResourceRecord): Promise<void>;
  data(record: ResourceRecord, status?: StatusCode): Data;
  ref(record: ResourceRecord): Ref;
}

/** A request that names one resource of a kind. */
type Named<Place, NameField extends string> = Place & Record<NameField, string>;

const VIRTUAL_SERVICE: ChildKind<MeshPlace, 'virtualServiceName', VirtualServiceData, VirtualServiceRef> = {
  nameField: 'virtualServiceName',
  locate: inMesh('virtualService'),
  ownScope: (caller, place) => childScope('virtualService', { meshOwner: caller, meshName: place.meshName }),
  quota: { key: 'virtualServicesPerMesh', what: 'virtual services', where: ({ mesh }) => `in mesh ${mesh.meshName}` },
  checkSpec: assertProviderExists,
  assertNotInUse: assertServiceNotInUse,
  data: virtualServiceData,
  ref: (record) => ({ ...refBase(record), virtualServiceName: record.name }),
};

const VIRTUAL_GATEWAY: ChildKind<MeshPlace, 'virtualGatewayName', VirtualGatewayData, VirtualGatewayRef> = {
  nameField: 'virtualGatewayName',
  locate: inMesh('virtualGateway'),
  ownScope: (caller, place) => childScope('virtualGateway', { meshOwner: caller, meshName: place.meshName }),
  assertCanCreate: assertMeshOwnerCreatesGateway,
  quota: { key: 'virtualGatewaysPerMesh', what: 'virtual gateways', where: ({ mesh }) => `in mesh ${mesh.meshName}` },
  assertNotInUse: (r, gateway) => assertNoChildren(r, gateway, 'gatewayRoute'),
  data: virtualGatewayData,
  ref: (record) => ({ ...refBase(record), virtualGatewayName: record.name }),
};

const GATEWAY_ROUTE: ChildKind<GatewayPlace, 'gatewayRouteName', GatewayRouteData, GatewayRouteRef> = {
  nameField: 'gatewayRouteName',
  locate: inGateway,
  ownScope: (caller, place) =>
    childScope('gatewayRoute', { meshOwner: caller, meshName: place.meshName }, place.virtualGatewayName),
  assertCanCreate: assertGatewayOwnerCreatesRoute,
  quota: {
    key: 'gatewayRoutesPerVirtualGateway',
    what: 'gateway routes',
    where: ({ parent: gateway }) => `for virtual gateway ${gateway.name}`,
  },
  target: targetService,
  data: gatewayRouteData,
  ref: (record) => ({ ...refBase(record), virtualGatewayName: record.parent, gatewayRouteName: record.name }),
};

const VIRTUAL_NODE: ChildKind<MeshPlace, 'virtualNodeName', VirtualNodeData, VirtualNodeRef> = {
  nameField: 'virtualNodeName',
  locate: inMesh('virtualNode'),
  ownScope: (caller, place) => childScope('virtualNode', { meshOwner: caller, meshName: place.meshName }),
  quota: { key: 'virtualNodesPerMesh', what: 'virtual nodes', where: ({ mesh }) => `in mesh ${mesh.meshName}` },
  checkSpec: assertBackendQuota,
  assertNotInUse: assertNodeNotInUse,
  data: (record, status = 'ACTIVE') => ({
    meshName: record.meshName,
    virtualNodeName: record.name,
    metadata: metadataOf(record),
    spec: record.spec as VirtualNodeData['spec'],
    status: { status },
  }),
  ref: (record) => ({ ...refBase(record), virtualNodeName: record.name }),
};

const VIRTUAL_ROUTER: ChildKind<MeshPlace, 'virtualRouterName', VirtualRouterData, VirtualRouterRef> = {
  nameField: 'virtualRouterName',
  locate: inMesh('virtualRouter'),
  ownScope: (caller, place) => childScope('virtualRouter', { meshOwner: caller, meshName: place.meshName }),
  quota: { key: 'virtualRoutersPerMesh', what: 'virtual routers', where: ({ mesh }) => `in mesh ${mesh.meshName}` },
  assertNotInUse: assertRouterNotInUse,
  data: (record, status = 'ACTIVE') => ({
    meshName: record.meshName,
    virtualRouterName: record.name,
    metadata: metadataOf(record),
    spec: record.spec as VirtualRouterData['spec'],
    status: { status },
  }),
  ref: (record) => ({ ...refBase(record), virtualRouterName: record.name }),
};

const ROUTE: ChildKind<RouterPlace, 'routeName', RouteData, RouteRef> = {
  nameField: 'routeName',
  locate: inRouter,
  ownScope: (caller, place) =>
    childScope('route', { meshOwner: caller, meshName: place.meshName }, place.virtualRouterName),
  assertCanCreate: assertRouterOwnerCreatesRoute,
  quota: {
    key: 'routesPerVirtualRouter',
    what: 'routes',
    where: ({ parent: router }) => `for virtual router ${router.name}`,
  },
  checkSpec: assertTargetsExist,
  data: (record, status = 'ACTIVE') => ({
    meshName: record.meshName,
    virtualRouterName: record.parent,
    routeName: record.name,
    metadata: metadataOf(record),
    spec: record.spec as RouteData['spec'],
    status: { status },
  }),
  ref: (record) => ({ ...refBase(record), virtualRouterName: record.parent, routeName: record.name }),
};

/**
 * The operations for one caller. Every mutation runs in one store transaction: checks and writes
 * see the same state, and a failure leaves nothing behind. Given a transaction (`tx`, the demo
 * seed's), every operation runs inside it instead of opening its own.
 */
export class Operations {
  private readonly author: Author;

  constructor(
    private readonly engine: LocalEngine,
    private readonly caller: string,
    private readonly tx?: StoreWriter,
    via: Via = 'api',
  ) {
    this.author = { account: caller, via };
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** One write transaction; `about` (the request) names the mesh it is in, the store's lane for it. */
  private write<T>(fn: (w: StoreWriter) => Promise<T>, about?: MeshPlace): Promise<T> {
    if (this.tx) return fn(this.tx);
    const lane = about ? JSON.stringify([about.meshOwner ?? this.caller, about.meshName]) : undefined;
    return this.engine.store.write(fn, { lane });
  }

  private read<T>(fn: (r: StoreReader) => Promise<T>): Promise<T> {
    return this.tx ? fn(this.tx) : this.engine.store.read(fn);
  }

  /**
   * `clientToken` idempotency: the same token with the same request returns the first result and
   * changes nothing; the same token with a different request is a `ConflictException`.
   */
  private async idempotent<T>(
    w: StoreWriter,
    operation: string,
    input: { clientToken?: string | undefined },
    execute: () => Promise<T>,
  ): Promise<T> {
    const { clientToken, ...request } = input;
    if (clientToken === undefined) return execute();
    const now = this.engine.now();
    await w.expireClientTokens(now - CLIENT_TOKEN_TTL_MS);
    const fingerprint = requestFingerprint(operation, request);
    const previous = await w.getClientToken(this.caller, clientToken);
    if (previous) {
      if (previous.fingerprint === fingerprint) return previous.result as T;
      throw new AppMeshError(
        'ConflictException',
        `The client token ${clientToken} was already used for a different request. Try the request again with a new client token.`,
        { clientToken: ['This client token was already used for a different request.'] },
      );
    }
    const result = await execute();
    await w.putClientToken(this.caller, clientToken, { fingerprint, result, createdAt: now });
    return result;
  }

  /** A create or update: one transaction, idempotent under `clientToken` (the answer is what is remembered). */
  private writeOnce<T>(
    operation: string,
    input: MeshPlace & { clientToken?: string | undefined },
    execute: (w: StoreWriter) => Promise<T>,
  ): Promise<T> {
    return this.write((w) => this.idempotent(w, operation, input, () => execute(w)), input);
  }

  private newRecord(key: ResourceKey, spec: unknown, meshOwner: string, target: string | null = null): ResourceRecord {
    const now = this.engine.stamp();
    const record: ResourceRecord = {
      ...key,
      meshOwner,
      arn: '',
      uid: '',
      resourceOwner: this.caller,
      version: 1,
      createdAt: now,
      lastUpdatedAt: now,
      spec,
      target,
    };
    record.arn = this.engine.arn(record);
    record.uid = this.engine.uidFor(record);
    return record;
  }

  private async insert(w: StoreWriter, record: ResourceRecord, tags: readonly TagRef[] | undefined): Promise<void> {
    await w.insertResource(record);
    if (tags?.length) await w.putTags(record.uid, tags);
    await this.engine.history.created(w, record, tags, this.author);
  }

  /** Writes the next version of a resource (and its history entry). */
  private async replace(w: StoreWriter, next: ResourceRecord): Promise<void> {
    await w.updateResource(next);
    await this.engine.history.updated(w, next, this.author);
  }

  private async assertFree(w: StoreReader, key: ResourceKey): Promise<void> {
    if (await w.getResource(key)) {
      const where =
        key.kind === 'mesh'
          ? `for account ${key.meshOwner}`
          : key.kind === 'gatewayRoute'
            ? `under virtual gateway ${key.parent} in mesh ${key.meshName}`
            : key.kind === 'route'
              ? `under virtual router ${key.parent} in mesh ${key.meshName}`
              : `in mesh ${key.meshName}`;
      const field = NAME_FIELD[key.kind];
      throw new AppMeshError(
        'ConflictException',
        `${KIND_LABEL[key.kind]} with name ${key.name} already exists ${where}.`,
        {
          [field]: [`A ${KIND_LABEL[key.kind]} named ${key.name} already exists ${where}.`],
        },
      );
    }
  }

  private assertCreateTags(tags: readonly TagRef[] | undefined): void {
    const distinct = new Set((tags ?? []).map((tag) => tag.key)).size;
    if (distinct > this.engine.quotas.tagsPerResource) {
      throw new AppMeshError(
        'LimitExceededException',
        `A resource can have at most ${this.engine.quotas.tagsPerResource} tags; the request has ${distinct}.`,
        { tags: [`At most ${this.engine.quotas.tagsPerResource} tags are allowed.`] },
      );
    }
  }

  private quota(count: number, limit: number, what: string, where: string): void {
    if (count >= limit) {
      throw new AppMeshError(
        'LimitExceededException',
        `The limit of ${limit} ${what} ${where} has been reached. Delete one, or raise the quota.`,
      );
    }
  }

  private bump(record: ResourceRecord, spec?: unknown, target?: string | null): ResourceRecord {
    const next: ResourceRecord = {
      ...record,
      version: record.version + 1,
      lastUpdatedAt: this.engine.determinism().fixedTime ?? Math.max(this.engine.now(), record.lastUpdatedAt),
    };
    if (spec !== undefined) next.spec = spec;
    if (target !== undefined) next.target = target;
    return next;
  }

  private async remove(w: StoreWriter, record: ResourceRecord): Promise<ResourceRecord> {
    const deleted = this.bump(record);
    const tags = this.engine.history.keep > 0 ? await w.listTags(record.uid, undefined, Number.MAX_SAFE_INTEGER) : [];
    await w.deleteResource(record);
    await w.removeAllTags(record.uid);
    await this.engine.history.deleted(w, deleted, tags, this.author);
    return deleted;
  }

  private async page<T>(
    r: StoreReader,
    list: string,
    scope: string,
    nextToken: string | undefined,
    limit: number | undefined,
    fetch: (after: string[] | undefined, n: number) => Promise<T[]>,
    keyOf: (item: T) => string[],
    defaultLimit = DEFAULT_PAGE,
  ): Promise<{ items: T[]; nextToken?: string }> {
    const size = limit ?? defaultLimit;
    let after: string[] | undefined;
    if (nextToken !== undefined) {
      const secret = await this.engine.secret(r);
      try {
        after = decodeNextToken(secret, nextToken, list, scope, this.engine.now());
      } catch (error) {
        if (!(error instanceof NextTokenError)) throw error;
        const message =
          error.problem === 'expired'
            ? 'The nextToken has expired. Start the list again without a nextToken.'
            : 'The nextToken is not valid for this request. Start the list again without a nextToken.';
        throw new AppMeshError('BadRequestException', message, { nextToken: [message] });
      }
    }
    const rows = await fetch(after, size + 1);
    const items = rows.slice(0, size);
    const last = items.at(-1);
    if (rows.length > size && last !== undefined) {
      const secret = await this.engine.secret(r);
      return { items, nextToken: encodeNextToken(secret, { list, scope, after: keyOf(last) }, this.engine.now()) };
    }
    return { items };
  }

  private childPage(
    r: StoreReader,
    scope: ResourceScope,
    nextToken: string | undefined,
    limit: number | undefined,
  ): Promise<{ items: ResourceRecord[]; nextToken?: string }> {
    const scopeId = JSON.stringify([scope.meshOwner, scope.meshName, scope.parent]);
    return this.page(
      r,
      scope.kind,
      scopeId,
      nextToken,
      limit,
      async (after, n) => {
        if (after !== undefined && (after.length !== 1 || after[0] === undefined)) {
          throw new NextTokenError('malformed');
        }
        return r.listResources(scope, after?.[0], n);
      },
      (record) => [record.name],
    );
  }

  // ---- the same rules for every kind in a mesh ---------------------------------------------

  /** The resource a request names, after the checks of its place. */
  private async find<P extends MeshPlace, N extends string>(
    r: StoreReader,
    kind: ChildKind<P, N, unknown, unknown>,
    input: Named<P, N>,
  ): Promise<{ at: Location; record: ResourceRecord }> {
    const at = await kind.locate(r, this.caller, input);
    return { at, record: await childOrThrow(r, at.scope, input[kind.nameField]) };
  }

  private async createChild<P extends MeshPlace, N extends string, D>(
    w: StoreWriter,
    kind: ChildKind<P, N, D, unknown>,
    input: Named<P, N> & { spec: unknown; tags?: readonly TagRef[] | undefined },
  ): Promise<D> {
    const at = await kind.locate(w, this.caller, input);
    kind.assertCanCreate?.(this.caller, at);
    const key: ResourceKey = { ...at.scope, name: input[kind.nameField] };
    await this.assertFree(w, key);
    this.assertCreateTags(input.tags);
    const limit = this.engine.quotas[kind.quota.key];
    this.quota(await w.countResources(at.scope, limit), limit, kind.quota.what, kind.quota.where(at));
    await kind.checkSpec?.(w, at, input.spec, this.engine.quotas);
    const target = kind.target ? await kind.target(w, at.mesh, input.spec) : null;
    const record = this.newRecord(key, input.spec, at.mesh.meshOwner, target);
    await this.insert(w, record, input.tags);
    return kind.data(record);
  }

  private async describeChild<P extends MeshPlace, N extends string, D>(
    r: StoreReader,
    kind: ChildKind<P, N, D, unknown>,
    input: Named<P, N>,
  ): Promise<D> {
    // In a mesh the caller owns, a resource that exists is the whole answer: a mesh cannot be deleted
    // while it holds virtual services or gateways, nor a gateway while it has routes, so the resource's
    // mesh (and gateway) exist too. One lookup instead of one per level; a miss takes the full path,
    // which names what is missing.
    if ((input.meshOwner ?? this.caller) === this.caller) {
      const record = await r.getResource({ ...kind.ownScope(this.caller, input), name: input[kind.nameField] });
      if (record) return kind.data(record);
    }
    return kind.data((await this.find(r, kind, input)).record);
  }

  private async updateChild<P extends MeshPlace, N extends string, D>(
    w: StoreWriter,
    kind: ChildKind<P, N, D, unknown>,
    input: Named<P, N> & { spec: unknown },
  ): Promise<D> {
    const { at, record } = await this.find(w, kind, input);
    assertCanUpdate(record, this.caller);
    await kind.checkSpec?.(w, at, input.spec, this.engine.quotas);
    const target = kind.target ? await kind.target(w, at.mesh, input.spec) : undefined;
    const next = this.bump(record, input.spec, target);
    await this.replace(w, next);
    return kind.data(next);
  }

  private async deleteChild<P extends MeshPlace, N extends string, D>(
    w: StoreWriter,
    kind: ChildKind<P, N, D, unknown>,
    input: Named<P, N>,
  ): Promise<D> {
    const { record } = await this.find(w, kind, input);
    assertCanDelete(record, this.caller);
    await kind.assertNotInUse?.(w, record);
    return kind.data(await this.remove(w, record), 'DELETED');
  }

  /** One page of a kind's list, each record as `shape` makes it (the kind's ref, or its full data). */
  private async listChildren<P extends MeshPlace, T>(
    r: StoreReader,
    kind: ChildKind<P, string, unknown, unknown>,
    input: P & { nextToken?: string | undefined; limit?: number | undefined },
    shape: (record: ResourceRecord) => T,
  ): Promise<{ items: T[]; nextToken?: string }> {
    const at = await kind.locate(r, this.caller, input);
    const { items, nextToken } = await this.childPage(r, at.scope, input.nextToken, input.limit);
    return { items: items.map(shape), nextToken };
  }

  // ---- meshes ------------------------------------------------------------------------------

  async createMesh(raw: In<'createMesh'>): Promise<Out<'createMesh'>> {
    const input = parseOrThrow(CreateMeshInputSchema, raw);
    return this.writeOnce('createMesh', input, async (w) => {
      const key = meshKey(this.caller, input.meshName);
      await this.assertFree(w, key);
      this.assertCreateTags(input.tags);
      this.quota(
        await w.countOwnedMeshes(this.caller, this.engine.quotas.meshesPerAccount),
        this.engine.quotas.meshesPerAccount,
        'meshes',
        `for account ${this.caller}`,
      );
      const record = this.newRecord(key, input.spec ?? {}, this.caller);
      await this.insert(w, record, input.tags);
      return { mesh: meshData(record) };
    });
  }

  async describeMesh(raw: In<'describeMesh'>): Promise<Out<'describeMesh'>> {
    const input = parseOrThrow(DescribeMeshInputSchema, raw);
    return this.read(async (r) => ({
      mesh: meshData(await accessibleMesh(r, this.caller, input.meshName, input.meshOwner)),
    }));
  }

  async updateMesh(raw: In<'updateMesh'>): Promise<Out<'updateMesh'>> {
    const input = parseOrThrow(UpdateMeshInputSchema, raw);
    return this.writeOnce('updateMesh', input, async (w) => {
      const mesh = await accessibleMesh(w, this.caller, input.meshName, undefined);
      const next = this.bump(mesh, input.spec ?? {});
      await this.replace(w, next);
      return { mesh: meshData(next) };
    });
  }

  async deleteMesh(raw: In<'deleteMesh'>): Promise<Out<'deleteMesh'>> {
    const input = parseOrThrow(DeleteMeshInputSchema, raw);
    return this.write(async (w) => {
      const mesh = await accessibleMesh(w, this.caller, input.meshName, undefined);
      const active: string[] = [];
      for (const kind of ['virtualGateway', 'virtualService', 'virtualRouter', 'virtualNode'] as const) {
        if ((await w.countResources(childScope(kind, mesh), 1)) > 0) active.push(`${KIND_LABEL[kind]}s`);
      }
      if (active.length > 0) {
        const kinds = active.length === 1 ? active[0] : `${active.slice(0, -1).join(', ')} and ${active.at(-1)}`;
        throw new AppMeshError(
          'ResourceInUseException',
          `Mesh ${mesh.meshName} for account ${mesh.meshOwner} has active ${kinds}, please delete ${kinds} before deleting the Mesh`,
        );
      }
      const deleted = await this.remove(w, mesh);
      await w.removeShares(mesh.meshOwner, mesh.meshName);
      return { mesh: meshData(deleted, 'DELETED') };
    }, input);
  }

  /** The meshes the caller owns or that are shared with it, one page, ordered by (name, owner). */
  private meshPage(
    r: StoreReader,
    input: { nextToken?: string | undefined; limit?: number | undefined },
  ): Promise<{ items: ResourceRecord[]; nextToken?: string }> {
    return this.page(
      r,
      'meshes',
      this.caller,
      input.nextToken,
      input.limit,
      async (after, n) => {
        if (after !== undefined && (after.length !== 2 || after[0] === undefined || after[1] === undefined)) {
          throw new NextTokenError('malformed');
        }
        const cursor = after ? { meshName: after[0]!, meshOwner: after[1]! } : undefined;
        return r.listVisibleMeshes(this.caller, cursor, n);
      },
      (mesh) => [mesh.meshName, mesh.meshOwner],
    );
  }

  async listMeshes(raw: In<'listMeshes'>): Promise<Out<'listMeshes'>> {
    const input = parseOrThrow(ListMeshesInputSchema, raw ?? {});
    return this.read(async (r) => {
      const { items, nextToken } = await this.meshPage(r, input);
      const meshes: MeshRef[] = items.map(refBase);
      return withNextToken({ meshes }, nextToken);
    });
  }

  async listMeshPage(raw: In<'listMeshes'>): Promise<Page<MeshData>> {
    const input = parseOrThrow(ListMeshesInputSchema, raw ?? {});
    return this.read(async (r) => {
      const { items, nextToken } = await this.meshPage(r, input);
      return withNextToken({ items: items.map((record) => meshData(record)) }, nextToken);
    });
  }

  // ---- virtual services --------------------------------------------------------------------

  async createVirtualService(raw: In<'createVirtualService'>): Promise<Out<'createVirtualService'>> {
    const input = parseOrThrow(CreateVirtualServiceInputSchema, raw);
    return this.writeOnce('createVirtualService', input, async (w) => ({
      virtualService: await this.createChild(w, VIRTUAL_SERVICE, input),
    }));
  }

  async describeVirtualService(raw: In<'describeVirtualService'>): Promise<Out<'describeVirtualService'>> {
    const input = parseOrThrow(DescribeVirtualServiceInputSchema, raw);
    return this.read(async (r) => ({ virtualService: await this.describeChild(r, VIRTUAL_SERVICE, input) }));
  }

  async updateVirtualService(raw: In<'updateVirtualService'>): Promise<Out<'updateVirtualService'>> {
    const input = parseOrThrow(UpdateVirtualServiceInputSchema, raw);
    return this.writeOnce('updateVirtualService', input, async (w) => ({
      virtualService: await this.updateChild(w, VIRTUAL_SERVICE, input),
    }));
  }

  async deleteVirtualService(raw: In<'deleteVirtualService'>): Promise<Out<'deleteVirtualService'>> {
    const input = parseOrThrow(DeleteVirtualServiceInputSchema, raw);
    return this.write(async (w) => ({ virtualService: await this.deleteChild(w, VIRTUAL_SERVICE, input) }), input);
  }

  async listVirtualServices(raw: In<'listVirtualServices'>): Promise<Out<'listVirtualServices'>> {
    const input = parseOrThrow(ListVirtualServicesInputSchema, raw);
    return this.read(async (r) => {
      const { items: virtualServices, nextToken } = await this.listChildren(
        r,
        VIRTUAL_SERVICE,
        input,
        VIRTUAL_SERVICE.ref,
      );
      return withNextToken({ virtualServices }, nextToken);
    });
  }

  async listVirtualServicePage(raw: In<'listVirtualServices'>): Promise<Page<VirtualServiceData>> {
    const input = parseOrThrow(ListVirtualServicesInputSchema, raw);
    return this.read(async (r) => {
      const { items, nextToken } = await this.listChildren(r, VIRTUAL_SERVICE, input, (record) =>
        VIRTUAL_SERVICE.data(record),
      );
      return withNextToken({ items }, nextToken);
    });
  }

  // ---- virtual gateways --------------------------------------------------------------------

  async createVirtualGateway(raw: In<'createVirtualGateway'>): Promise<Out<'createVirtualGateway'>> {
    const parsed = parseOrThrow(CreateVirtualGatewayInputSchema, raw);
    const input = { ...parsed, spec: withVirtualGatewayDefaults(parsed.spec) };
    return this.writeOnce('createVirtualGateway', input, async (w) => ({
      virtualGateway: await this.createChild(w, VIRTUAL_GATEWAY, input),
    }));
  }

  async describeVirtualGateway(raw: In<'describeVirtualGateway'>): Promise<Out<'describeVirtualGateway'>> {
    const input = parseOrThrow(DescribeVirtualGatewayInputSchema, raw);
    return this.read(async (r) => ({ virtualGateway: await this.describeChild(r, VIRTUAL_GATEWAY, input) }));
  }

  async updateVirtualGateway(raw: In<'updateVirtualGateway'>): Promise<Out<'updateVirtualGateway'>> {
    const parsed = parseOrThrow(UpdateVirtualGatewayInputSchema, raw);
    const input = { ...parsed, spec: withVirtualGatewayDefaults(parsed.spec) };
    return this.writeOnce('updateVirtualGateway', input, async (w) => ({
      virtualGateway: await this.updateChild(w, VIRTUAL_GATEWAY, input),
    }));
  }

  async deleteVirtualGateway(raw: In<'deleteVirtualGateway'>): Promise<Out<'deleteVirtualGateway'>> {
    const input = parseOrThrow(DeleteVirtualGatewayInputSchema, raw);
    return this.write(async (w) => ({ virtualGateway: await this.deleteChild(w, VIRTUAL_GATEWAY, input) }), input);
  }

  async listVirtualGateways(raw: In<'listVirtualGateways'>): Promise<Out<'listVirtualGateways'>> {
    const input = parseOrThrow(ListVirtualGatewaysInputSchema, raw);
    return this.read(async (r) => {
      const { items: virtualGateways, nextToken } = await this.listChildren(
        r,
        VIRTUAL_GATEWAY,
        input,
        VIRTUAL_GATEWAY.ref,
      );
      return withNextToken({ virtualGateways }, nextToken);
    });
  }

  async listVirtualGatewayPage(raw: In<'listVirtualGateways'>): Promise<Page<VirtualGatewayData>> {
    const input = parseOrThrow(ListVirtualGatewaysInputSchema, raw);
    return this.read(async (r) => {
      const { items, nextToken } = await this.listChildren(r, VIRTUAL_GATEWAY, input, (record) =>
        VIRTUAL_GATEWAY.data(record),
      );
      return withNextToken({ items }, nextToken);
    });
  }

  // ---- gateway routes ----------------------------------------------------------------------

  async createGatewayRoute(raw: In<'createGatewayRoute'>): Promise<Out<'createGatewayRoute'>> {
    const input = parseOrThrow(CreateGatewayRouteInputSchema, raw);
    return this.writeOnce('createGatewayRoute', input, async (w) => ({
      gatewayRoute: await this.createChild(w, GATEWAY_ROUTE, input),
    }));
  }

  async describeGatewayRoute(raw: In<'describeGatewayRoute'>): Promise<Out<'describeGatewayRoute'>> {
    const input = parseOrThrow(DescribeGatewayRouteInputSchema, raw);
    return this.read(async (r) => ({ gatewayRoute: await this.describeChild(r, GATEWAY_ROUTE, input) }));
  }

  async updateGatewayRoute(raw: In<'updateGatewayRoute'>): Promise<Out<'updateGatewayRoute'>> {
    const input = parseOrThrow(UpdateGatewayRouteInputSchema, raw);
    return this.writeOnce('updateGatewayRoute', input, async (w) => ({
      gatewayRoute: await this.updateChild(w, GATEWAY_ROUTE, input),
    }));
  }

  async deleteGatewayRoute(raw: In<'deleteGatewayRoute'>): Promise<Out<'deleteGatewayRoute'>> {
    const input = parseOrThrow(DeleteGatewayRouteInputSchema, raw);
    return this.write(async (w) => ({ gatewayRoute: await this.deleteChild(w, GATEWAY_ROUTE, input) }), input);
  }

  async listGatewayRoutes(raw: In<'listGatewayRoutes'>): Promise<Out<'listGatewayRoutes'>> {
    const input = parseOrThrow(ListGatewayRoutesInputSchema, raw);
    return this.read(async (r) => {
      const { items: gatewayRoutes, nextToken } = await this.listChildren(r, GATEWAY_ROUTE, input, GATEWAY_ROUTE.ref);
      return withNextToken({ gatewayRoutes }, nextToken);
    });
  }

  async listGatewayRoutePage(raw: In<'listGatewayRoutes'>): Promise<Page<GatewayRouteData>> {
    const input = parseOrThrow(ListGatewayRoutesInputSchema, raw);
    return this.read(async (r) => {
      const { items, nextToken } = await this.listChildren(r, GATEWAY_ROUTE, input, (record) =>
        GATEWAY_ROUTE.data(record),
      );
      return withNextToken({ items }, nextToken);
    });
  }

  // ---- virtual nodes ------------------------------------------------------------------

  async createVirtualNode(raw: In<'createVirtualNode'>): Promise<Out<'createVirtualNode'>> {
    const input = parseOrThrow(CreateVirtualNodeInputSchema, raw);
    return this.writeOnce('createVirtualNode', input, async (w) => ({
      virtualNode: await this.createChild(w, VIRTUAL_NODE, input),
    }));
  }

  async describeVirtualNode(raw: In<'describeVirtualNode'>): Promise<Out<'describeVirtualNode'>> {
    const input = parseOrThrow(DescribeVirtualNodeInputSchema, raw);
    return this.read(async (r) => ({ virtualNode: await this.describeChild(r, VIRTUAL_NODE, input) }));
  }

  async updateVirtualNode(raw: In<'updateVirtualNode'>): Promise<Out<'updateVirtualNode'>> {
    const input = parseOrThrow(UpdateVirtualNodeInputSchema, raw);
    return this.writeOnce('updateVirtualNode', input, async (w) => ({
      virtualNode: await this.updateChild(w, VIRTUAL_NODE, input),
    }));
  }

  async deleteVirtualNode(raw: In<'deleteVirtualNode'>): Promise<Out<'deleteVirtualNode'>> {
    const input = parseOrThrow(DeleteVirtualNodeInputSchema, raw);
    return this.write(async (w) => ({ virtualNode: await this.deleteChild(w, VIRTUAL_NODE, input) }), input);
  }

  async listVirtualNodes(raw: In<'listVirtualNodes'>): Promise<Out<'listVirtualNodes'>> {
    const input = parseOrThrow(ListVirtualNodesInputSchema, raw);
    return this.read(async (r) => {
      const { items: virtualNodes, nextToken } = await this.listChildren(r, VIRTUAL_NODE, input, VIRTUAL_NODE.ref);
      return withNextToken({ virtualNodes }, nextToken);
    });
  }

  async listVirtualNodePage(raw: In<'listVirtualNodes'>): Promise<Page<VirtualNodeData>> {
    const input = parseOrThrow(ListVirtualNodesInputSchema, raw);
    return this.read(async (r) => {
      const { items, nextToken } = await this.listChildren(r, VIRTUAL_NODE, input, (record) =>
        VIRTUAL_NODE.data(record),
      );
      return withNextToken({ items }, nextToken);
    });
  }

  // ---- virtual routers ----------------------------------------------------------------

  async createVirtualRouter(raw: In<'createVirtualRouter'>): Promise<Out<'createVirtualRouter'>> {
    const input = parseOrThrow(CreateVirtualRouterInputSchema, raw);
    return this.writeOnce('createVirtualRouter', input, async (w) => ({
      virtualRouter: await this.createChild(w, VIRTUAL_ROUTER, input),
    }));
  }

  async describeVirtualRouter(raw: In<'describeVirtualRouter'>): Promise<Out<'describeVirtualRouter'>> {
    const input = parseOrThrow(DescribeVirtualRouterInputSchema, raw);
    return this.read(async (r) => ({ virtualRouter: await this.describeChild(r, VIRTUAL_ROUTER, input) }));
  }

  async updateVirtualRouter(raw: In<'updateVirtualRouter'>): Promise<Out<'updateVirtualRouter'>> {
    const input = parseOrThrow(UpdateVirtualRouterInputSchema, raw);
    return this.writeOnce('updateVirtualRouter', input, async (w) => ({
      virtualRouter: await this.updateChild(w, VIRTUAL_ROUTER, input),
    }));
  }

  async deleteVirtualRouter(raw: In<'deleteVirtualRouter'>): Promise<Out<'deleteVirtualRouter'>> {
    const input = parseOrThrow(DeleteVirtualRouterInputSchema, raw);
    return this.write(async (w) => ({ virtualRouter: await this.deleteChild(w, VIRTUAL_ROUTER, input) }), input);
  }

  async listVirtualRouters(raw: In<'listVirtualRouters'>): Promise<Out<'listVirtualRouters'>> {
    const input = parseOrThrow(ListVirtualRoutersInputSchema, raw);
    return this.read(async (r) => {
      const { items: virtualRouters, nextToken } = await this.listChildren(
        r,
        VIRTUAL_ROUTER,
        input,
        VIRTUAL_ROUTER.ref,
      );
      return withNextToken({ virtualRouters }, nextToken);
    });
  }

  async listVirtualRouterPage(raw: In<'listVirtualRouters'>): Promise<Page<VirtualRouterData>> {
    const input = parseOrThrow(ListVirtualRoutersInputSchema, raw);
    return this.read(async (r) => {
      const { items, nextToken } = await this.listChildren(r, VIRTUAL_ROUTER, input, (record) =>
        VIRTUAL_ROUTER.data(record),
      );
      return withNextToken({ items }, nextToken);
    });
  }

  // ---- routes -------------------------------------------------------------------------

  async createRoute(raw: In<'createRoute'>): Promise<Out<'createRoute'>> {
    const input = parseOrThrow(CreateRouteInputSchema, raw);
    return this.writeOnce('createRoute', input, async (w) => ({
      route: await this.createChild(w, ROUTE, input),
    }));
  }

  async describeRoute(raw: In<'describeRoute'>): Promise<Out<'describeRoute'>> {
    const input = parseOrThrow(DescribeRouteInputSchema, raw);
    return this.read(async (r) => ({ route: await this.describeChild(r, ROUTE, input) }));
  }

  async updateRoute(raw: In<'updateRoute'>): Promise<Out<'updateRoute'>> {
    const input = parseOrThrow(UpdateRouteInputSchema, raw);
    return this.writeOnce('updateRoute', input, async (w) => ({
      route: await this.updateChild(w, ROUTE, input),
    }));
  }

  async deleteRoute(raw: In<'deleteRoute'>): Promise<Out<'deleteRoute'>> {
    const input = parseOrThrow(DeleteRouteInputSchema, raw);
    return this.write(async (w) => ({ route: await this.deleteChild(w, ROUTE, input) }), input);
  }

  async listRoutes(raw: In<'listRoutes'>): Promise<Out<'listRoutes'>> {
    const input = parseOrThrow(ListRoutesInputSchema, raw);
    return this.read(async (r) => {
      const { items: routes, nextToken } = await this.listChildren(r, ROUTE, input, ROUTE.ref);
      return withNextToken({ routes }, nextToken);
    });
  }

  async listRoutePage(raw: In<'listRoutes'>): Promise<Page<RouteData>> {
    const input = parseOrThrow(ListRoutesInputSchema, raw);
    return this.read(async (r) => {
      const { items, nextToken } = await this.listChildren(r, ROUTE, input, (record) => ROUTE.data(record));
      return withNextToken({ items }, nextToken);
    });
  }

  // ---- tags --------------------------------------------------------------------------------

  /** The resource an ARN names, if the caller can see it. */
  private async byArn(r: StoreReader, arn: string): Promise<ResourceRecord> {
    const parsed = parseAppMeshArn(arn);
    if (!parsed) {
      const message = `${arn} is not the ARN of an App Mesh mesh, virtual service, virtual gateway, gateway route, virtual node, virtual router or route.`;
      throw new AppMeshError('BadRequestException', message, { resourceArn: [message] });
    }
    const visible: ResourceRecord[] = [];
    for (const record of await r.findByArn(arn)) {
      if (record.meshOwner === this.caller || (await r.isSharedWith(record.meshOwner, record.meshName, this.caller))) {
        visible.push(record);
      }
    }
    visible.sort((a, b) => Number(b.meshOwner === this.caller) - Number(a.meshOwner === this.caller));
    const found = visible[0];
    if (!found) throw notFound(`The resource ${arn} is not present for account ${this.caller}`);
    return found;
  }

  /** sharing.md: accounts can tag (and read the tags of) only the resources they created. */
  private assertTagOwner(record: ResourceRecord): void {
    if (record.resourceOwner !== this.caller) {
      throw new AppMeshError(
        'ForbiddenException',
        `${describeKind(record)} is owned by account ${record.resourceOwner}; only the resource owner can manage its tags.`,
      );
    }
  }

  async tagResource(raw: In<'tagResource'>): Promise<Out<'tagResource'>> {
    const input = parseOrThrow(TagResourceInputSchema, raw);
    return this.write(async (w) => {
      const record = await this.byArn(w, input.resourceArn);
      this.assertTagOwner(record);
      const existing = new Set(
        (await w.listTags(record.uid, undefined, Number.MAX_SAFE_INTEGER)).map((tag) => tag.key),
      );
      for (const tag of input.tags) existing.add(tag.key);
      const limit = this.engine.quotas.tagsPerResource;
      if (existing.size > limit) {
        throw new AppMeshError(
          'TooManyTagsException',
          `The request would leave ${existing.size} tags on ${input.resourceArn}. The current limit is ${limit} user tags per resource. None of the tags in this request were applied.`,
        );
      }
      await w.putTags(record.uid, input.tags);
      return {};
    });
  }

  async untagResource(raw: In<'untagResource'>): Promise<Out<'untagResource'>> {
    const input = parseOrThrow(UntagResourceInputSchema, raw);
    return this.write(async (w) => {
      const record = await this.byArn(w, input.resourceArn);
      this.assertTagOwner(record);
      await w.removeTags(record.uid, input.tagKeys);
      return {};
    });
  }

  async listTagsForResource(raw: In<'listTagsForResource'>): Promise<Out<'listTagsForResource'>> {
    const input = parseOrThrow(ListTagsForResourceInputSchema, raw);
    return this.read(async (r) => {
      const record = await this.byArn(r, input.resourceArn);
      this.assertTagOwner(record);
      const { items, nextToken } = await this.page(
        r,
        'tags',
        record.uid,
        input.nextToken,
        input.limit,
        async (after, n) => {
          if (after !== undefined && (after.length !== 1 || after[0] === undefined))
            throw new NextTokenError('malformed');
          return r.listTags(record.uid, after?.[0], n);
        },
        (tag) => [tag.key],
        DEFAULT_TAG_PAGE,
      );
      const tags: TagRef[] = items.map((tag) => ({ key: tag.key, value: tag.value }));
      return withNextToken({ tags }, nextToken);
    });
  }

  // ---- history -----------------------------------------------------------------------------

  /**
   * The kept versions of a resource, newest first. Anyone who sees the mesh reads them (as with
   * describe); a deleted resource's history stays readable while its mesh exists, and a gateway
   * route's while its gateway is gone. Tags only for the resource owner.
   */
  async listResourceHistory(raw: ListResourceHistoryInput): Promise<HistoryPage> {
    const input = parseOrThrow(ListResourceHistoryInputSchema, raw);
    return this.read(async (r) => {
      const mesh = await accessibleMesh(
        r,
        this.caller,
        input.meshName,
        input.resourceType === 'mesh' ? undefined : input.meshOwner,
      );
      const key: ResourceKey =
        input.resourceType === 'mesh'
          ? meshKey(mesh.meshOwner, mesh.meshName)
          : input.resourceType === 'gatewayRoute'
            ? { ...childScope('gatewayRoute', mesh, input.virtualGatewayName), name: input.gatewayRouteName }
            : input.resourceType === 'virtualGateway'
              ? { ...childScope('virtualGateway', mesh), name: input.virtualGatewayName }
              : { ...childScope('virtualService', mesh), name: input.virtualServiceName };
      const { items, nextToken } = await this.page(
        r,
        'history',
        JSON.stringify([key.kind, key.meshOwner, key.meshName, key.parent, key.name]),
        input.nextToken,
        input.limit,
        async (after, n) => {
          const before = after === undefined ? undefined : Number(after[0]);
          if (after !== undefined && (after.length !== 1 || !Number.isInteger(before))) {
            throw new NextTokenError('malformed');
          }
          return r.listVersions(key, before, n);
        },
        (entry) => [String(entry.version)],
      );
      if (items.length === 0 && input.nextToken === undefined) {
        if (key.kind === 'mesh')
          throw notFound(`Mesh with name ${key.name} has no history for account ${key.meshOwner}`);
        await childOrThrow(r, { ...key, kind: key.kind }, key.name);
      }
      return withNextToken({ items: items.map((entry) => historyEntry(entry, this.caller)) }, nextToken);
    });
  }
}

/** `MeshApi` for one caller: each call is one transactional operation, its errors made `AppMeshError`s. */
class CallerApi implements CallerMeshApi {
  readonly #engine: LocalEngine;
  readonly #ops: Operations;

  constructor(engine: LocalEngine, caller: string, via: Via) {
    this.#engine = engine;
    this.#ops = new Operations(engine, caller, undefined, via);
  }

  listResourceHistory(input: ListResourceHistoryInput) {
    return this.#engine.run(() => this.#ops.listResourceHistory(input));
  }

  createMesh(input: In<'createMesh'>) {
    return this.#engine.run(() => this.#ops.createMesh(input));
  }
  describeMesh(input: In<'describeMesh'>) {
    return this.#engine.run(() => this.#ops.describeMesh(input));
  }
  updateMesh(input: In<'updateMesh'>) {
    return this.#engine.run(() => this.#ops.updateMesh(input));
  }
  deleteMesh(input: In<'deleteMesh'>) {
    return this.#engine.run(() => this.#ops.deleteMesh(input));
  }
  listMeshes(input: In<'listMeshes'>) {
    return this.#engine.run(() => this.#ops.listMeshes(input));
  }
  createVirtualService(input: In<'createVirtualService'>) {
    return this.#engine.run(() => this.#ops.createVirtualService(input));
  }
  describeVirtualService(input: In<'describeVirtualService'>) {
    return this.#engine.run(() => this.#ops.describeVirtualService(input));
  }
  updateVirtualService(input: In<'updateVirtualService'>) {
    return this.#engine.run(() => this.#ops.updateVirtualService(input));
  }
  deleteVirtualService(input: In<'deleteVirtualService'>) {
    return this.#engine.run(() => this.#ops.deleteVirtualService(input));
  }
  listVirtualServices(input: In<'listVirtualServices'>) {
    return this.#engine.run(() => this.#ops.listVirtualServices(input));
  }
  createVirtualGateway(input: In<'createVirtualGateway'>) {
    return this.#engine.run(() => this.#ops.createVirtualGateway(input));
  }
  describeVirtualGateway(input: In<'describeVirtualGateway'>) {
    return this.#engine.run(() => this.#ops.describeVirtualGateway(input));
  }
  updateVirtualGateway(input: In<'updateVirtualGateway'>) {
    return this.#engine.run(() => this.#ops.updateVirtualGateway(input));
  }
  deleteVirtualGateway(input: In<'deleteVirtualGateway'>) {
    return this.#engine.run(() => this.#ops.deleteVirtualGateway(input));
  }
  listVirtualGateways(input: In<'listVirtualGateways'>) {
    return this.#engine.run(() => this.#ops.listVirtualGateways(input));
  }
  createGatewayRoute(input: In<'createGatewayRoute'>) {
    return this.#engine.run(() => this.#ops.createGatewayRoute(input));
  }
  describeGatewayRoute(input: In<'describeGatewayRoute'>) {
    return this.#engine.run(() => this.#ops.describeGatewayRoute(input));
  }
  updateGatewayRoute(input: In<'updateGatewayRoute'>) {
    return this.#engine.run(() => this.#ops.updateGatewayRoute(input));
  }
  deleteGatewayRoute(input: In<'deleteGatewayRoute'>) {
    return this.#engine.run(() => this.#ops.deleteGatewayRoute(input));
  }
  listGatewayRoutes(input: In<'listGatewayRoutes'>) {
    return this.#engine.run(() => this.#ops.listGatewayRoutes(input));
  }
  listMeshPage(input: In<'listMeshes'>) {
    return this.#engine.run(() => this.#ops.listMeshPage(input));
  }
  listVirtualServicePage(input: In<'listVirtualServices'>) {
    return this.#engine.run(() => this.#ops.listVirtualServicePage(input));
  }
  listVirtualGatewayPage(input: In<'listVirtualGateways'>) {
    return this.#engine.run(() => this.#ops.listVirtualGatewayPage(input));
  }
  listGatewayRoutePage(input: In<'listGatewayRoutes'>) {
    return this.#engine.run(() => this.#ops.listGatewayRoutePage(input));
  }
  createVirtualNode(input: In<'createVirtualNode'>) {
    return this.#engine.run(() => this.#ops.createVirtualNode(input));
  }
  describeVirtualNode(input: In<'describeVirtualNode'>) {
    return this.#engine.run(() => this.#ops.describeVirtualNode(input));
  }
  updateVirtualNode(input: In<'updateVirtualNode'>) {
    return this.#engine.run(() => this.#ops.updateVirtualNode(input));
  }
  deleteVirtualNode(input: In<'deleteVirtualNode'>) {
    return this.#engine.run(() => this.#ops.deleteVirtualNode(input));
  }
  listVirtualNodes(input: In<'listVirtualNodes'>) {
    return this.#engine.run(() => this.#ops.listVirtualNodes(input));
  }
  listVirtualNodePage(input: In<'listVirtualNodes'>) {
    return this.#engine.run(() => this.#ops.listVirtualNodePage(input));
  }
  createVirtualRouter(input: In<'createVirtualRouter'>) {
    return this.#engine.run(() => this.#ops.createVirtualRouter(input));
  }
  describeVirtualRouter(input: In<'describeVirtualRouter'>) {
    return this.#engine.run(() => this.#ops.describeVirtualRouter(input));
  }
  updateVirtualRouter(input: In<'updateVirtualRouter'>) {
    return this.#engine.run(() => this.#ops.updateVirtualRouter(input));
  }
  deleteVirtualRouter(input: In<'deleteVirtualRouter'>) {
    return this.#engine.run(() => this.#ops.deleteVirtualRouter(input));
  }
  listVirtualRouters(input: In<'listVirtualRouters'>) {
    return this.#engine.run(() => this.#ops.listVirtualRouters(input));
  }
  listVirtualRouterPage(input: In<'listVirtualRouters'>) {
    return this.#engine.run(() => this.#ops.listVirtualRouterPage(input));
  }
  createRoute(input: In<'createRoute'>) {
    return this.#engine.run(() => this.#ops.createRoute(input));
  }
  describeRoute(input: In<'describeRoute'>) {
    return this.#engine.run(() => this.#ops.describeRoute(input));
  }
  updateRoute(input: In<'updateRoute'>) {
    return this.#engine.run(() => this.#ops.updateRoute(input));
  }
  deleteRoute(input: In<'deleteRoute'>) {
    return this.#engine.run(() => this.#ops.deleteRoute(input));
  }
  listRoutes(input: In<'listRoutes'>) {
    return this.#engine.run(() => this.#ops.listRoutes(input));
  }
  listRoutePage(input: In<'listRoutes'>) {
    return this.#engine.run(() => this.#ops.listRoutePage(input));
  }
  tagResource(input: In<'tagResource'>) {
    return this.#engine.run(() => this.#ops.tagResource(input));
  }
  untagResource(input: In<'untagResource'>) {
    return this.#engine.run(() => this.#ops.untagResource(input));
  }
  listTagsForResource(input: In<'listTagsForResource'>) {
    return this.#engine.run(() => this.#ops.listTagsForResource(input));
  }
}
