// Small builders for the routing tests (not exported from the package).
import {
  type GatewayRouteSpec,
  GatewayRouteSpecSchema,
  type GrpcTestRequest,
  GrpcTestRequestSchema,
  type HttpTestRequest,
  HttpTestRequestSchema,
} from '@meshconsole/model';
import type { GatewayListener, GatewayRouteEntry } from './route-view';

export const HTTP_8080: GatewayListener = { port: 8080, protocol: 'http' };
export const GRPC_8080: GatewayListener = { port: 8080, protocol: 'grpc' };

/** A gateway route entry whose spec is checked by the model's schema, so tests only use specs the service accepts. */
export function route(gatewayRouteName: string, spec: unknown): GatewayRouteEntry {
  return { gatewayRouteName, spec: GatewayRouteSpecSchema.parse(spec) as GatewayRouteSpec };
}

function routeSpec(key: 'httpRoute' | 'grpcRoute') {
  return (
    match: Record<string, unknown>,
    virtualServiceName = 'svc.local',
    action: Record<string, unknown> = {},
    priority?: number,
  ): Record<string, unknown> => ({
    [key]: { match, action: { target: { virtualService: { virtualServiceName } }, ...action } },
    ...(priority === undefined ? {} : { priority }),
  });
}

/** An httpRoute spec: `http({ prefix: '/a' }, 'svc.local', { rewrite: ... }, 10)`. */
export const http = routeSpec('httpRoute');
/** A grpcRoute spec, same arguments. */
export const grpc = routeSpec('grpcRoute');

/** A request body as the API would parse it. */
export function req(body: Record<string, unknown>): HttpTestRequest {
  return HttpTestRequestSchema.parse(body);
}

export function grpcReq(body: Record<string, unknown>): GrpcTestRequest {
  return GrpcTestRequestSchema.parse(body);
}
