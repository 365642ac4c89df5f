// The real-mesh backend (`MESH_BACKEND=appmesh`): `MeshApi` over `@aws-sdk/client-app-mesh`, so the
// console API can stand in front of any App Mesh-compatible endpoint (AWS_REGION, APPMESH_ENDPOINT,
// the SDK's usual credential chain). Outputs are brought back to the wire form the engine speaks
// (epoch-second timestamps, no `$metadata`); SDK errors become `AppMeshError`.
import {
  AppMeshClient,
  type AppMeshClientConfig,
  CreateGatewayRouteCommand,
  CreateMeshCommand,
  CreateRouteCommand,
  CreateVirtualGatewayCommand,
  CreateVirtualNodeCommand,
  CreateVirtualRouterCommand,
  CreateVirtualServiceCommand,
  DeleteGatewayRouteCommand,
  DeleteMeshCommand,
  DeleteRouteCommand,
  DeleteVirtualGatewayCommand,
  DeleteVirtualNodeCommand,
  DeleteVirtualRouterCommand,
  DeleteVirtualServiceCommand,
  DescribeGatewayRouteCommand,
  DescribeMeshCommand,
  DescribeRouteCommand,
  DescribeVirtualGatewayCommand,
  DescribeVirtualNodeCommand,
  DescribeVirtualRouterCommand,
  DescribeVirtualServiceCommand,
  ListGatewayRoutesCommand,
  ListMeshesCommand,
  ListRoutesCommand,
  ListTagsForResourceCommand,
  ListVirtualGatewaysCommand,
  ListVirtualNodesCommand,
  ListVirtualRoutersCommand,
  ListVirtualServicesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateGatewayRouteCommand,
  UpdateMeshCommand,
  UpdateRouteCommand,
  UpdateVirtualGatewayCommand,
  UpdateVirtualNodeCommand,
  UpdateVirtualRouterCommand,
  UpdateVirtualServiceCommand,
} from '@aws-sdk/client-app-mesh';
import { AppMeshError, type ExceptionName, isExceptionName, type MeshApi } from '@meshconsole/model';

export interface AppMeshAdapterOptions {
  region: string;
  /** e.g. `http://127.0.0.1:8081`; the SDK's regional endpoint when absent */
  endpoint?: string | undefined;
  /** static credentials; the SDK's default chain when absent */
  credentials?: AppMeshClientConfig['credentials'];
  /** SDK attempts per call (default 3, the SDK's own default) */
  maxAttempts?: number;
}

/** One SDK command per `MeshApi` method. */
const COMMANDS = {
  createMesh: CreateMeshCommand,
  describeMesh: DescribeMeshCommand,
  updateMesh: UpdateMeshCommand,
  deleteMesh: DeleteMeshCommand,
  listMeshes: ListMeshesCommand,
  createVirtualGateway: CreateVirtualGatewayCommand,
  describeVirtualGateway: DescribeVirtualGatewayCommand,
  updateVirtualGateway: UpdateVirtualGatewayCommand,
  deleteVirtualGateway: DeleteVirtualGatewayCommand,
  listVirtualGateways: ListVirtualGatewaysCommand,
  createGatewayRoute: CreateGatewayRouteCommand,
  describeGatewayRoute: DescribeGatewayRouteCommand,
  updateGatewayRoute: UpdateGatewayRouteCommand,
  deleteGatewayRoute: DeleteGatewayRouteCommand,
  listGatewayRoutes: ListGatewayRoutesCommand,
  createVirtualService: CreateVirtualServiceCommand,
  describeVirtualService: DescribeVirtualServiceCommand,
  updateVirtualService: UpdateVirtualServiceCommand,
  deleteVirtualService: DeleteVirtualServiceCommand,
  listVirtualServices: ListVirtualServicesCommand,
  createVirtualNode: CreateVirtualNodeCommand,
  describeVirtualNode: DescribeVirtualNodeCommand,
  updateVirtualNode: UpdateVirtualNodeCommand,
  deleteVirtualNode: DeleteVirtualNodeCommand,
  listVirtualNodes: ListVirtualNodesCommand,
  createVirtualRouter: CreateVirtualRouterCommand,
  describeVirtualRouter: DescribeVirtualRouterCommand,
  updateVirtualRouter: UpdateVirtualRouterCommand,
  deleteVirtualRouter: DeleteVirtualRouterCommand,
  listVirtualRouters: ListVirtualRoutersCommand,
  createRoute: CreateRouteCommand,
  describeRoute: DescribeRouteCommand,
  updateRoute: UpdateRouteCommand,
  deleteRoute: DeleteRouteCommand,
  listRoutes: ListRoutesCommand,
  tagResource: TagResourceCommand,
  untagResource: UntagResourceCommand,
  listTagsForResource: ListTagsForResourceCommand,
} as const;

export type AdapterMethod = keyof typeof COMMANDS;
export const ADAPTER_METHODS = Object.keys(COMMANDS) as AdapterMethod[];

/** SDK output -> wire form: Dates become epoch seconds, `$metadata` and undefined members go. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key === '$metadata' || member === undefined) continue;
      out[key] = toWire(member);
    }
    return out;
  }
  return value;
}

type FieldErrors = Record<string, string[]>;

/** An exception the App Mesh model does not list (e.g. InvalidSignatureException), by its status. */
function modelledNameFor(status: number): ExceptionName {
  if (status === 403 || status === 401) return 'ForbiddenException';
  if (status === 404) return 'NotFoundException';
  if (status === 409) return 'ConflictException';
  if (status === 429) return 'TooManyRequestsException';
  if (status === 503) return 'ServiceUnavailableException';
  if (status >= 500) return 'InternalServerErrorException';
  return 'BadRequestException';
}

function fieldErrorsOf(value: unknown): FieldErrors | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(value)) {
    if (!Array.isArray(messages)) return undefined;
    out[path] = messages.filter((m): m is string => typeof m === 'string');
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * SDK error -> `AppMeshError`. A modelled service exception keeps its name and message (and the
 * `fieldErrors` a meshconsole endpoint adds to its error body); another one (InvalidSignatureException,
 * UnrecognizedClientException, ...) becomes the modelled exception of its status, its name kept in
 * the message; an unreachable endpoint is a ServiceUnavailableException; anything else an
 * InternalServerErrorException.
 */
export function toAppMeshError(err: unknown): AppMeshError {
  if (err instanceof AppMeshError) return err;
  const e = (err ?? {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    fieldErrors?: unknown;
  };
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : undefined;
  if (status !== undefined && isExceptionName(name)) {
    return new AppMeshError(name, message ?? `${name} (HTTP ${status})`, fieldErrorsOf(e.fieldErrors));
  }
  if (status !== undefined && status >= 400) {
    const known = /^[A-Za-z]+$/.test(name) && name !== 'Error' ? `${name}: ` : '';
    return new AppMeshError(modelledNameFor(status), `${known}${message ?? `HTTP ${status}`}`);
  }
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || name === 'TimeoutError' || name === 'AbortError') {
    return new AppMeshError(
      'ServiceUnavailableException',
      'The App Mesh endpoint could not be reached. Try again later.',
    );
  }
  return new AppMeshError(
    'InternalServerErrorException',
    'The request processing has failed because of an unknown error, exception, or failure.',
  );
}

/** Carries an error past the SDK's retry loop untouched (see `createAppMeshAdapter`). */
class DoNotRetry extends Error {
  constructor(readonly original: unknown) {
    super('not retried');
    this.name = 'DoNotRetry';
  }
}

/**
 * `MeshApi` over `@aws-sdk/client-app-mesh`. The SDK counts LimitExceededException among throttling
 * errors and retries it with back-off; a quota does not lift in two seconds, so the adapter hands
 * it straight back (the SDK still retries throttling, 5xx and network errors).
 */
export function createAppMeshAdapter(options: AppMeshAdapterOptions): MeshApi & { close(): void } {
  const client = new AppMeshClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if ((err as { name?: unknown }).name === 'LimitExceededException') throw new DoNotRetry(err);
        throw err;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'meshconsoleLimitNotRetried' },
  );
  const api: Record<string, unknown> = {
    close: () => client.destroy(),
  };
  for (const method of ADAPTER_METHODS) {
    const Command = COMMANDS[method] as unknown as new (input: unknown) => Parameters<AppMeshClient['send']>[0];
    api[method] = async (input: unknown) => {
      try {
        return toWire(await client.send(new Command(input)));
      } catch (err) {
        throw toAppMeshError(err instanceof DoNotRetry ? err.original : err);
      }
    };
  }
  return api as unknown as MeshApi & { close(): void };
}
