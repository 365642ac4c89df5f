import type { Duration, VirtualNodeData, VirtualNodeListener, VirtualNodeSpec } from '@meshconsole/model';

/** Console texts for a virtual node, shared by the table and the details page. */

export function durationText(d: Duration | undefined): string {
  if (!d || d.value === undefined) return '-';
  return `${d.value} ${d.unit ?? ''}`.trim();
}

/** `DNS catalog-v1.demo.local` or `Cloud Map catalog (catalog.local)`, or `None`. */
export function serviceDiscoveryText(spec: VirtualNodeSpec): string {
  const sd = spec.serviceDiscovery;
  if (sd?.dns) return `DNS ${sd.dns.hostname}`;
  if (sd?.awsCloudMap) return `Cloud Map ${sd.awsCloudMap.serviceName} (${sd.awsCloudMap.namespaceName})`;
  return 'None';
}

/** `http:8080` */
export function listenerText(listener: VirtualNodeListener): string {
  return `${listener.portMapping.protocol}:${listener.portMapping.port}`;
}

export function listenersText(spec: VirtualNodeSpec): string {
  const listeners = spec.listeners ?? [];
  return listeners.length > 0 ? listeners.map(listenerText).join(', ') : 'None';
}

export function backendNames(spec: VirtualNodeSpec): string[] {
  return (spec.backends ?? []).flatMap((b) => (b.virtualService ? [b.virtualService.virtualServiceName] : []));
}

export function backendsText(spec: VirtualNodeSpec): string {
  const names = backendNames(spec);
  return names.length > 0 ? names.join(', ') : 'None';
}

/** The text the table's filter searches. */
export function nodeSearchText(node: VirtualNodeData): string {
  return [
    node.virtualNodeName,
    serviceDiscoveryText(node.spec),
    listenersText(node.spec),
    backendsText(node.spec),
    node.metadata.resourceOwner,
  ].join(' ');
}
