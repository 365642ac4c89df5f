import type { VirtualGatewayData } from '@meshconsole/model';

/** Short console texts for a gateway, shared by the table and the details page. */

export function listenerText(gateway: VirtualGatewayData): string {
  const listener = gateway.spec.listeners[0];
  if (!listener) return '-';
  return `${listener.portMapping.protocol}:${listener.portMapping.port}`;
}

export function tlsModeText(gateway: VirtualGatewayData): string {
  const tls = gateway.spec.listeners[0]?.tls;
  return tls ? tls.mode : 'Not configured';
}
