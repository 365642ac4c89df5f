import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { Duration, VirtualNodeData, VirtualNodeListener, VirtualNodeSpec } from '@meshconsole/model';
import type { ReactNode } from 'react';
import { durationText, listenerText } from './virtual-node-text';

type Item = KeyValuePairsProps.Pair;
const NONE = 'None';

function Section(props: { title: string; testId: string; children: ReactNode; counter?: string }) {
  return (
    <div data-testid={props.testId}>
      <Container
        header={
          <Header variant="h2" counter={props.counter}>
            {props.title}
          </Header>
        }
      >
        {props.children}
      </Container>
    </div>
  );
}

function Pairs({ items, empty = 'Not configured.' }: { items: Item[]; empty?: string }) {
  return items.length > 0 ? (
    <KeyValuePairs columns={3} items={items} />
  ) : (
    <Box color="text-body-secondary">{empty}</Box>
  );
}

function healthCheckText(l: VirtualNodeListener): string {
  const h = l.healthCheck;
  if (!h) return NONE;
  const where = h.path ? `${h.protocol} ${h.path}` : h.protocol;
  return `${where}, every ${h.intervalMillis} ms, timeout ${h.timeoutMillis} ms, healthy ${h.healthyThreshold} / unhealthy ${h.unhealthyThreshold}`;
}

function poolText(l: VirtualNodeListener): string {
  const p = l.connectionPool;
  if (p?.http) {
    const pending = p.http.maxPendingRequests === undefined ? '' : `, max pending ${p.http.maxPendingRequests}`;
    return `http: max connections ${p.http.maxConnections}${pending}`;
  }
  if (p?.http2) return `http2: max requests ${p.http2.maxRequests}`;
  if (p?.grpc) return `grpc: max requests ${p.grpc.maxRequests}`;
  if (p?.tcp) return `tcp: max connections ${p.tcp.maxConnections}`;
  return NONE;
}

function timeoutText(l: VirtualNodeListener): string {
  const t = l.timeout;
  if (!t) return NONE;
  const [kind, value] = Object.entries(t).find(([, v]) => v !== undefined) ?? [];
  if (!kind || !value) return NONE;
  const parts = Object.entries(value as Record<string, Duration | undefined>).map(
    ([name, d]) => `${name === 'perRequest' ? 'per request' : name} ${durationText(d)}`,
  );
  return `${kind}: ${parts.join(', ') || NONE}`;
}

function outlierText(l: VirtualNodeListener): string {
  const o = l.outlierDetection;
  if (!o) return NONE;
  return `${o.maxServerErrors} server errors in ${durationText(o.interval)}: eject for ${durationText(o.baseEjectionDuration)}, at most ${o.maxEjectionPercent}%`;
}

function tlsText(l: VirtualNodeListener): string {
  const tls = l.tls;
  if (!tls) return NONE;
  const cert = tls.certificate.acm ? 'ACM certificate' : tls.certificate.sds ? 'SDS secret' : 'Local file';
  return `${tls.mode}, ${cert}`;
}

function ListenersTable({ spec }: { spec: VirtualNodeSpec }) {
  const listeners = spec.listeners ?? [];
  return (
    <Table
      data-testid="virtual-node-listeners"
      variant="embedded"
      ariaLabels={{ tableLabel: 'Listeners' }}
      items={listeners}
      trackBy={(l) => String(l.portMapping.port)}
      empty={<Box color="text-body-secondary">No listeners: this virtual node only sends requests.</Box>}
      columnDefinitions={[
        { id: 'listener', header: 'Port and protocol', isRowHeader: true, cell: listenerText },
        { id: 'healthCheck', header: 'Health check', cell: healthCheckText },
        { id: 'connectionPool', header: 'Connection pool', cell: poolText },
        { id: 'timeout', header: 'Timeouts', cell: timeoutText },
        { id: 'outlierDetection', header: 'Outlier detection', cell: outlierText },
        { id: 'tls', header: 'TLS termination', cell: tlsText },
      ]}
    />
  );
}

function serviceDiscoveryItems(spec: VirtualNodeSpec): Item[] {
  const sd = spec.serviceDiscovery;
  if (sd?.dns) {
    return [
      { label: 'Method', value: 'DNS' },
      { label: 'DNS hostname', value: <span data-testid="dns-hostname">{sd.dns.hostname}</span> },
      { label: 'DNS response type', value: sd.dns.responseType ?? 'LOADBALANCER (default)' },
      { label: 'IP preference', value: sd.dns.ipPreference ?? 'Default' },
    ];
  }
  if (sd?.awsCloudMap) {
    const attributes = sd.awsCloudMap.attributes ?? [];
    return [
      { label: 'Method', value: 'AWS Cloud Map' },
      { label: 'Namespace', value: sd.awsCloudMap.namespaceName },
      { label: 'Service name', value: sd.awsCloudMap.serviceName },
      {
        label: 'Attributes',
        value: attributes.length > 0 ? attributes.map((a) => `${a.key}=${a.value}`).join(', ') : NONE,
      },
      { label: 'IP preference', value: sd.awsCloudMap.ipPreference ?? 'Default' },
    ];
  }
  return [];
}

function loggingItems(spec: VirtualNodeSpec): Item[] {
  const file = spec.logging?.accessLog?.file;
  if (!file) return [];
  const format = file.format?.json ? 'JSON' : file.format?.text !== undefined ? 'Text' : 'Default';
  return [
    { label: 'HTTP access logs path', value: <span data-testid="access-log-path">{file.path}</span> },
    { label: 'Log format', value: format },
    ...(file.format?.text !== undefined ? [{ label: 'Text format', value: file.format.text }] : []),
  ];
}

function BackendsTable({ spec }: { spec: VirtualNodeSpec }) {
  const backends = (spec.backends ?? []).flatMap((b) => (b.virtualService ? [b.virtualService] : []));
  return (
    <Table
      data-testid="virtual-node-backends"
      variant="embedded"
      ariaLabels={{ tableLabel: 'Backends' }}
      items={backends}
      trackBy="virtualServiceName"
      empty={<Box color="text-body-secondary">No backends: this virtual node calls no virtual service.</Box>}
      columnDefinitions={[
        { id: 'service', header: 'Virtual service', isRowHeader: true, cell: (b) => b.virtualServiceName },
        {
          id: 'tls',
          header: 'Client policy TLS',
          cell: (b) =>
            b.clientPolicy?.tls ? (b.clientPolicy.tls.enforce === false ? 'Not enforced' : 'Enforced') : NONE,
        },
      ]}
    />
  );
}

/** The details page's configuration: listeners, backends, backend defaults, service discovery, logging. */
export function VirtualNodeConfiguration({ node }: { node: VirtualNodeData }) {
  const { spec } = node;
  const defaults = spec.backendDefaults?.clientPolicy?.tls;
  return (
    <SpaceBetween size="l">
      {[
        <Section key="listeners" title="Listeners" testId="node-listeners" counter={`(${spec.listeners?.length ?? 0})`}>
          <ListenersTable spec={spec} />
        </Section>,
        <Section key="sd" title="Service discovery" testId="node-service-discovery">
          <Pairs items={serviceDiscoveryItems(spec)} empty="None: a virtual node without listeners needs none." />
        </Section>,
        <Section key="backends" title="Backends" testId="node-backends" counter={`(${spec.backends?.length ?? 0})`}>
          <SpaceBetween size="m">
            {[
              <BackendsTable key="table" spec={spec} />,
              <Pairs
                key="defaults"
                items={
                  defaults
                    ? [
                        { label: 'Backend defaults: enforce TLS', value: defaults.enforce === false ? 'No' : 'Yes' },
                        { label: 'Backend defaults: ports', value: defaults.ports?.join(', ') || 'All' },
                      ]
                    : []
                }
                empty="No backend defaults."
              />,
            ]}
          </SpaceBetween>
        </Section>,
        <Section key="logging" title="Logging" testId="node-logging">
          <Pairs items={loggingItems(spec)} empty="No access logs." />
        </Section>,
      ]}
    </SpaceBetween>
  );
}
