import type { GatewayRouteData, MeshData, TagRef, VirtualGatewayData, VirtualServiceData } from '@meshconsole/model';

// The formats are part of the console API's wire contract (packages/model), written once there.
export { EXPORT_FORMATS, type ExportFormat } from '@meshconsole/model';

import type { ExportFormat } from '@meshconsole/model';

/** A resource as describe answers it, with its tags. */
export interface Tagged<T> {
  data: T;
  tags: readonly TagRef[];
}

/** What an export is made from: a mesh and the resources to export (all of them, or one gateway's). */
export interface ExportInput {
  /** The exporting account, when known: a mesh owned by another account is a shared one. */
  accountId?: string;
  mesh: Tagged<MeshData>;
  virtualServices: readonly Tagged<VirtualServiceData>[];
  virtualGateways: readonly Tagged<VirtualGatewayData>[];
  gatewayRoutes: readonly Tagged<GatewayRouteData>[];
}

/** A field the format has no equivalent for, and what to do instead. */
export interface Untranslated {
  /** e.g. `virtualGateway/ingress-gw`, `gatewayRoute/ingress-gw/catalog-route`, `mesh/demo-mesh` */
  resource: string;
  /** the App Mesh spec path, e.g. `listeners.0.connectionPool` */
  field: string;
  /** one sentence: what has no equivalent and what to do instead */
  reason: string;
}

export interface ExportFile {
  path: string;
  content: string;
}

export interface ExportResult {
  format: ExportFormat;
  files: ExportFile[];
  untranslated: Untranslated[];
}

/** Whether the mesh belongs to another account than the exporting one. */
export function isSharedMesh(input: ExportInput): boolean {
  return input.accountId !== undefined && input.accountId !== input.mesh.data.metadata.meshOwner;
}

export function meshResource(mesh: MeshData): string {
  return `mesh/${mesh.meshName}`;
}
export function serviceResource(vs: VirtualServiceData): string {
  return `virtualService/${vs.virtualServiceName}`;
}
export function gatewayResource(gw: VirtualGatewayData): string {
  return `virtualGateway/${gw.virtualGatewayName}`;
}
export function routeResource(r: GatewayRouteData): string {
  return `gatewayRoute/${r.virtualGatewayName}/${r.gatewayRouteName}`;
}

/** Collects untranslated fields for one export. */
export class UntranslatedList {
  readonly items: Untranslated[] = [];
  add(resource: string, field: string, reason: string): void {
    this.items.push({ resource, field, reason });
  }
}
