import type { ExportScope } from '../api/get-export';

/** The modal's title: "Export mesh demo-mesh" or "Export virtual gateway ingress-gw". */
export function exportTitle(scope: ExportScope): string {
  return scope.virtualGateway !== undefined
    ? `Export virtual gateway ${scope.virtualGateway}`
    : `Export mesh ${scope.mesh}`;
}
