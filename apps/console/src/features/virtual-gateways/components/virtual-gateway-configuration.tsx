import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import {
  DEFAULT_MAX_PENDING_REQUESTS,
  FIELD_UNITS,
  fieldLabel,
  requestPathInfo,
  type VirtualGatewayData,
  VirtualGatewayGrpcConnectionPoolSchema,
  VirtualGatewayHealthCheckPolicySchema,
  VirtualGatewayHttp2ConnectionPoolSchema,
  VirtualGatewayHttpConnectionPoolSchema,
  type VirtualGatewayListener,
  type VirtualGatewaySpec,
} from '@meshconsole/model';
import type { ReactNode } from 'react';
import type { z } from 'zod';

export type Item = KeyValuePairsProps.Pair;

const NONE = 'None';
export const SDS_LABEL = 'Envoy Secret Discovery Service (SDS)';
export const FILE_LABEL = 'Local file hosting';
const SDS = SDS_LABEL;
const FILE = FILE_LABEL;

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

const POOL_SCHEMAS = {
  http: VirtualGatewayHttpConnectionPoolSchema,
  http2: VirtualGatewayHttp2ConnectionPoolSchema,
  grpc: VirtualGatewayGrpcConnectionPoolSchema,
};

/**
 * The members of `value` in the order of its model schema, each under its model label (with the
 * model's unit): a member the schema gains shows here without another line. `options` gives what
 * an absent member reads as, or hides one.
 */
function memberItems(
  schema: z.ZodType,
  value: object | undefined,
  labelPath: string,
  options: Record<string, { absent?: string; hidden?: boolean }> = {},
): Item[] {
  const record = (value ?? {}) as Record<string, unknown>;
  return requestPathInfo(schema)
    .filter((p) => p.leaf && !p.path.includes('.'))
    .flatMap(({ path: member }) => {
      const option = options[member] ?? {};
      const v = record[member];
      if (option.hidden || (v === undefined && option.absent === undefined)) return [];
      const unit = FIELD_UNITS[`${labelPath}.${member}`];
      const shown = v === undefined ? option.absent : unit ? `${String(v)} ${unit}` : String(v);
      return [kv(fieldLabel(`${labelPath}.${member}`), shown)];
    });
}

/** Client policy defaults in the console's terms (empty when the spec has none). */
export function clientPolicyItems(backendDefaults: VirtualGatewaySpec['backendDefaults']): Item[] {
  const cp = backendDefaults?.clientPolicy?.tls;
  if (!cp) return [];
  const trust = cp.validation.trust;
  return [
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
  ];
}

/** The access log in the console's terms (empty when the spec logs nothing). */
export function loggingItems(logging: VirtualGatewaySpec['logging']): Item[] {
  const file = logging?.accessLog?.file;
  if (!file) return [];
  return [
    kv('HTTP access logs path', file.path, 'logging-path'),
    kv(
      'Log format',
      file.format?.text !== undefined
        ? `Text: ${file.format.text}`
        : file.format?.json
          ? `JSON: ${file.format.json.map((j) => `${j.key}=${j.value}`).join(', ')}`
          : "Envoy's default format",
    ),
  ];
}

export interface ListenerItems {
  listener: Item[];
  pool: Item[];
  healthCheck: Item[];
  tls: Item[];
}

/** The listener and its options in the console's terms. */
export function listenerItems(listener: VirtualGatewayListener | undefined): ListenerItems {
  const pool = listener?.connectionPool;
  const hc = listener?.healthCheck;
  const tls = listener?.tls;
  const listenerKv: Item[] = listener
    ? [
        kv('Protocol', listener.portMapping.protocol, 'listener-protocol'),
        kv('Port', listener.portMapping.port, 'listener-port'),
        kv('Connection pool', pool ? 'Enabled' : 'Not enabled'),
        kv('Health check', hc ? 'Enabled' : 'Not enabled'),
        kv('TLS termination', tls ? 'Enabled' : 'Not enabled'),
      ]
    : [];

  const poolKind = pool?.http ? 'http' : pool?.http2 ? 'http2' : pool?.grpc ? 'grpc' : undefined;
  const poolItems: Item[] = poolKind
    ? memberItems(POOL_SCHEMAS[poolKind], pool?.[poolKind], `listeners.*.connectionPool.${poolKind}`, {
        maxPendingRequests: { absent: `${DEFAULT_MAX_PENDING_REQUESTS} (default)` },
      })
    : [];

  const hcItems: Item[] = hc
    ? memberItems(VirtualGatewayHealthCheckPolicySchema, hc, 'listeners.*.healthCheck', {
        port: { absent: 'Listener port' },
        // Only http and http2 health checks use a path.
        path: { absent: '/', hidden: hc.protocol === 'grpc' },
      })
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
  return { listener: listenerKv, pool: poolItems, healthCheck: hcItems, tls: tlsItems };
}

/** The gateway's spec in the console's terms, sections in the create flow's order. */
export function VirtualGatewayConfiguration({ gateway }: { gateway: VirtualGatewayData }) {
  const { spec } = gateway;
  const clientPolicy = clientPolicyItems(spec.backendDefaults);
  const logging = loggingItems(spec.logging);
  const l = listenerItems(spec.listeners[0]);
  const poolItems = l.pool;
  const hcItems = l.healthCheck;
  const tlsItems = l.tls;
  const pool = poolItems.length > 0;
  const hc = hcItems.length > 0;
  const tls = tlsItems.length > 0;

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
        <Section key="listener" title="Listener" testId="details-listener" items={l.listener} />,
        ...(pool
          ? [<Section key="pool" title="Connection pool" testId="details-connection-pool" items={poolItems} />]
          : []),
        ...(hc ? [<Section key="hc" title="Health check" testId="details-health-check" items={hcItems} />] : []),
        ...(tls ? [<Section key="tls" title="TLS termination" testId="details-tls" items={tlsItems} />] : []),
      ]}
    </SpaceBetween>
  );
}
