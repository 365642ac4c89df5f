export interface GatewayRoutesTableProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
  canWrite: boolean;
}

export function GatewayRoutesTable(_props: GatewayRoutesTableProps) {
  return null;
}
