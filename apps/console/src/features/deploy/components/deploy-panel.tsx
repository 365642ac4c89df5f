import Box from '@cloudscape-design/components/box';

export interface DeployPanelProps {
  mesh: string;
  meshOwner?: string;
  gatewayName: string;
}

/** Deploy tab of the virtual gateway details page (placeholder until the generator lands). */
export function DeployPanel({ gatewayName }: DeployPanelProps) {
  return <Box variant="p">Deployment bundles for {gatewayName} are being prepared.</Box>;
}
