import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { VirtualGatewayData } from '@meshconsole/model';
import type { ReactNode } from 'react';

type Item = KeyValuePairsProps.Item;

const NONE = 'None';
const SDS = 'Envoy Secret Discovery Service (SDS)';
const FILE = 'Local file hosting';

function kv(label: string, value: ReactNode, testId?: string): Item {
  return { label, value: <span data-testid={testId}>{value ?? '-'}</span> };
}

function list(values: ReadonlyArray<string | number> | undefined): string {
  return values && values.length > 0 ? values.join(', ') : NONE;
}

function Section(props: { title: string; description?: string; testId: string; items: Item[]; empty?: string }) {
  return (
    <div data-testid={props.testId}>
      <Container
        header={
          <Header variant="h2" description={props.description}>
            {props.title}
          </Header>
        }
      >
        {props.items.length > 0 ? (
          <KeyValuePairs columns={3} items={props.items} />
        ) : (
          <Box color="text-body-secondary">{props.empty ?? 'Not configured.'}</Box>
        )}
      </Container>
    </div>
  );
}

/** The gateway's spec in the console's terms, sections in the create flow's order. */
export function VirtualGatewayConfiguration({ gateway }: { gateway: VirtualGatewayData }) {
  const { spec } = gateway;
  const cp = spec.backendDefaults?.clientPolicy?.tls;
  const listener = spec.listeners[0];
  const pool = listener?.connectionPool;
  const hc = listener?.healthCheck;
  const tls = listener?.tls;
  const file = spec.logging?.accessLog?.file;

  const clientPolicy: Item[] = [];
  if (cp) {
    const trust = cp.validation.trust;
    clientPolicy.push(
      kv('Enforce TLS', cp.enforce === false ? 'No' : 'Yes'),
      kv('Ports', cp.ports && cp.ports.length > 0 ? cp.ports.join(', ') : 'All ports'),
      kv(
        'Validation method',
        trust.acm ? 'AWS Certificate Manager Private Certificate Authority' : trust.sds ? SDS : FILE,
      ),
      trust.acm
        ? kv('Certificates', list(trust.acm.certificateAuthorityArns))
        : trust.sds
          ? kv('Secret name', trust.sds.secretName)
          : kv('Certificate chain', trust.file?.certificateChain),
      kv('Subject Alternative Names', list(cp.validation.subjectAlternativeNames?.match.exact)),
      kv(
        'Provide client certificate',
        cp.certificate?.sds
          ? `${SDS}: ${cp.certificate.sds.secretName}`
          : cp.certificate?.file
            ? `${FILE}: ${cp.certificate.file.certificateChain}, ${cp.certificate.file.privateKey}`
            : 'No',
      ),
    );
  }

  const logging: Item[] = file
    ? [
        kv('HTTP access logs path', file.path, 'logging-path'),
        kv(
          'Log format',
          file.format?.text !== undefined
            ? `Text: ${file.format.text}`
            : file.format?.json
              ? `JSON: ${file.format.json.map((j) => `${j.key}=${j.value}`).join(', ')}`
              : "Envoy's default format",
        ),
      ]
    : [];

  const listenerItems: Item[] = listener
    ? [
        kv('Protocol', listener.portMapping.protocol, 'listener-protocol'),
        kv('Port', listener.portMapping.port, 'listener-port'),
      ]
    : [];

  const poolItems: Item[] = pool?.http
    ? [
        kv('Maximum connections', pool.http.maxConnections),
        kv('Maximum pending requests', pool.http.maxPendingRequests ?? '2147483647 (default)'),
      ]
    : pool?.http2
      ? [kv('Maximum requests', pool.http2.maxRequests)]
      : pool?.grpc
        ? [kv('Maximum requests', pool.grpc.maxRequests)]
        : [];

  const hcItems: Item[] = hc
    ? [
        kv('Health check protocol', hc.protocol),
        kv('Health check port', hc.port ?? 'Listener port'),
        kv('Healthy threshold', hc.healthyThreshold),
        kv('Health check interval', `${hc.intervalMillis} ms`),
        ...(hc.protocol === 'grpc' ? [] : [kv('Path', hc.path ?? '/')]),
        kv('Timeout period', `${hc.timeoutMillis} ms`),
        kv('Unhealthy threshold', hc.unhealthyThreshold),
      ]
    : [];

  const tlsItems: Item[] = tls
    ? [
        kv('Mode', tls.mode, 'tls-mode'),
        kv(
          'Certificate method',
          tls.certificate.acm ? 'AWS Certificate Manager hosting' : tls.certificate.sds ? SDS : FILE,
        ),
        tls.certificate.acm
          ? kv('Certificate', tls.certificate.acm.certificateArn)
          : tls.certificate.sds
            ? kv('Secret name', tls.certificate.sds.secretName)
            : kv(
                'Certificate chain and private key',
                `${tls.certificate.file?.certificateChain}, ${tls.certificate.file?.privateKey}`,
              ),
        kv(
          'Require client certificate',
          tls.validation?.trust.sds
            ? `${SDS}: ${tls.validation.trust.sds.secretName}`
            : tls.validation?.trust.file
              ? `${FILE}: ${tls.validation.trust.file.certificateChain}`
              : 'No',
        ),
        ...(tls.validation
          ? [kv('Subject Alternative Names', list(tls.validation.subjectAlternativeNames?.match.exact))]
          : []),
      ]
    : [];

  return (
    <SpaceBetween size="l">
      {[
        <Section
          key="client-policy"
          title="Client policy defaults"
          testId="details-client-policy"
          items={clientPolicy}
          empty="No client policy: the gateway doesn't enforce TLS toward virtual services."
        />,
        <Section key="logging" title="Logging" testId="details-logging" items={logging} empty="No access logs." />,
        <Section
          key="listener"
          title="Listener"
          testId="details-listener"
          items={[
            ...listenerItems,
            kv('Connection pool', pool ? 'Enabled' : 'Not enabled'),
            kv('Health check', hc ? 'Enabled' : 'Not enabled'),
            kv('TLS termination', tls ? 'Enabled' : 'Not enabled'),
          ]}
        />,
        ...(pool
          ? [<Section key="pool" title="Connection pool" testId="details-connection-pool" items={poolItems} />]
          : []),
        ...(hc ? [<Section key="hc" title="Health check" testId="details-health-check" items={hcItems} />] : []),
        ...(tls ? [<Section key="tls" title="TLS termination" testId="details-tls" items={tlsItems} />] : []),
      ]}
    </SpaceBetween>
  );
}
