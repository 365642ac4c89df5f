import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { DEFAULT_MAX_PENDING_REQUESTS, fieldLabel, PORT_PROTOCOLS, TLS_MODES } from '@meshconsole/model';
import { memo, type ReactElement } from 'react';
import { type UseFormGetValues, type UseFormSetValue, useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import {
  ControlledCheckbox,
  ControlledInput,
  ControlledListEditor,
  ControlledRadioGroup,
  ControlledSelect,
} from '../../../../components/form/form-fields';
import { FILE_LABEL, SDS_LABEL } from '../virtual-gateway-configuration';
import { gatewayField, type VirtualGatewayFormValues } from './form-definition';

type C = FormControl<VirtualGatewayFormValues>;

const PROTOCOL_OPTIONS = PORT_PROTOCOLS.map((value) => ({
  value,
  label: value,
  ...(value === 'http' ? { description: 'Allows upgrading connections to websockets.' } : {}),
}));

/** "Any value given means all required ones are": the required members of a health check, by label. */
const REQUIRED_HEALTH_CHECK = ['protocol', 'healthyThreshold', 'intervalMillis', 'timeoutMillis', 'unhealthyThreshold']
  .map((member) => fieldLabel(`listeners.*.healthCheck.${member}`))
  .join(', ')
  .replace(/, ([^,]+)$/, ' and $1');

function Subsection({ testId, children }: { testId: string; children: ReactElement[] }) {
  return (
    <div data-testid={testId} style={{ paddingLeft: 24 }}>
      <SpaceBetween size="l">{children}</SpaceBetween>
    </div>
  );
}

function ConnectionPoolFields({ control }: { control: C }) {
  const protocol = useWatch({ control, name: 'listener.protocol' });
  return (
    <Subsection testId="connection-pool-section">
      {protocol === 'http'
        ? [
            <ColumnLayout key="http" columns={2}>
              {[
                <ControlledInput
                  key="max-connections"
                  control={control}
                  {...gatewayField('listener.maxConnections')}
                  description="The maximum number of outbound connections the gateway's Envoy establishes."
                  type="number"
                />,
                <ControlledInput
                  key="max-pending"
                  control={control}
                  {...gatewayField('listener.maxPendingRequests', `Default ${DEFAULT_MAX_PENDING_REQUESTS}.`)}
                  optional
                  description="Requests queued after Maximum connections is reached."
                  placeholder={String(DEFAULT_MAX_PENDING_REQUESTS)}
                  type="number"
                />,
              ]}
            </ColumnLayout>,
          ]
        : [
            <ControlledInput
              key="max-requests"
              control={control}
              {...gatewayField('listener.maxRequests')}
              description="The maximum number of parallel requests to the gateway's Envoy."
              type="number"
            />,
          ]}
    </Subsection>
  );
}

function HealthCheckFields({ control }: { control: C }) {
  const protocol = useWatch({ control, name: 'listener.healthCheck.protocol' });
  return (
    <Subsection testId="health-check-section">
      {[
        <Box key="note" variant="small" color="text-body-secondary">
          {REQUIRED_HEALTH_CHECK} are required.
        </Box>,
        <ColumnLayout key="grid" columns={2}>
          {[
            <ControlledSelect
              key="protocol"
              control={control}
              {...gatewayField('listener.healthCheck.protocol')}
              placeholder="Choose a protocol"
              description="A grpc health check needs the gRPC Health Checking Protocol."
              options={PROTOCOL_OPTIONS.map(({ value, label }) => ({ value, label }))}
            />,
            <ControlledInput
              key="port"
              control={control}
              {...gatewayField('listener.healthCheck.port', 'The listener port when empty.')}
              optional
              type="number"
            />,
            <ControlledInput
              key="healthy"
              control={control}
              {...gatewayField('listener.healthCheck.healthyThreshold')}
              description="Consecutive successful checks before the listener is healthy."
              placeholder="2"
              type="number"
            />,
            <ControlledInput
              key="interval"
              control={control}
              {...gatewayField('listener.healthCheck.intervalMillis')}
              description="Time between two checks."
              placeholder="5000"
              type="number"
            />,
            ...(protocol === 'grpc'
              ? []
              : [
                  <ControlledInput
                    key="path"
                    control={control}
                    {...gatewayField('listener.healthCheck.path')}
                    optional
                    description="Used by http and http2 health checks only."
                    placeholder="/"
                  />,
                ]),
            <ControlledInput
              key="timeout"
              control={control}
              {...gatewayField('listener.healthCheck.timeoutMillis')}
              description="How long to wait for an answer."
              placeholder="2000"
              type="number"
            />,
            <ControlledInput
              key="unhealthy"
              control={control}
              {...gatewayField('listener.healthCheck.unhealthyThreshold')}
              description="Consecutive failed checks before the listener is unhealthy."
              placeholder="2"
              type="number"
            />,
          ]}
        </ColumnLayout>,
      ]}
    </Subsection>
  );
}

function TlsFields({ control }: { control: C }) {
  const [method, requireClient, validationMethod] = useWatch({
    control,
    name: ['listener.tls.certificateMethod', 'listener.tls.requireClientCertificate', 'listener.tls.validationMethod'],
  });
  const certificateFields: ReactElement[] =
    method === 'acm'
      ? [
          <ControlledInput
            key="acm"
            control={control}
            {...gatewayField('listener.tls.certificateArn')}
            description="The ARN of an ACM private certificate in the same account and Region."
            placeholder="arn:aws:acm:us-west-2:123456789012:certificate/..."
          />,
        ]
      : method === 'sds'
        ? [
            <ControlledInput
              key="sds"
              control={control}
              {...gatewayField('listener.tls.sdsSecretName')}
              description="The secret Envoy fetches through the Secret Discovery Service."
            />,
          ]
        : [
            <ControlledInput
              key="chain"
              control={control}
              {...gatewayField('listener.tls.certificateChain')}
              placeholder="/certs/cert_chain.pem"
            />,
            <ControlledInput
              key="key"
              control={control}
              {...gatewayField('listener.tls.privateKey')}
              placeholder="/certs/key.pem"
            />,
          ];

  const validationFields: ReactElement[] = !requireClient
    ? []
    : [
        <Subsection key="validation" testId="tls-validation-section">
          {[
            <ControlledRadioGroup
              key="method"
              control={control}
              {...gatewayField('listener.tls.validationMethod')}
              items={[
                { value: 'sds', label: SDS_LABEL },
                { value: 'file', label: FILE_LABEL },
              ]}
            />,
            validationMethod === 'sds' ? (
              <ControlledInput
                key="sds"
                control={control}
                {...gatewayField('listener.tls.validationSdsSecretName')}
                description="The secret with the CA that validates client certificates."
              />
            ) : (
              <ControlledInput
                key="file"
                control={control}
                {...gatewayField('listener.tls.validationCertificateChain')}
                placeholder="/certs/ca_cert_chain.pem"
              />
            ),
            <div key="sans">
              <Box variant="awsui-key-label">
                Subject Alternative Name - <i>optional</i>
              </Box>
              <Box variant="small" color="text-body-secondary" margin={{ bottom: 'xs' }}>
                SANs must be FQDN or URI formatted.
              </Box>
              <ControlledListEditor
                control={control}
                name="listener.tls.sans"
                columns={[{ field: 'value', label: 'Subject Alternative Name', placeholder: 'client.example.com' }]}
                addButtonText="Add SAN"
                emptyText="No Subject Alternative Names."
                newItem={{ value: '' }}
                data-testid="tls-sans"
              />
            </div>,
          ]}
        </Subsection>,
      ];

  return (
    <Subsection testId="tls-section">
      {[
        <ControlledSelect
          key="mode"
          control={control}
          {...gatewayField('listener.tls.mode')}
          description="STRICT accepts only TLS, PERMISSIVE accepts TLS and plain text, DISABLED accepts only plain text."
          options={TLS_MODES.map((value) => ({ value, label: value }))}
        />,
        <ControlledRadioGroup
          key="method"
          control={control}
          {...gatewayField('listener.tls.certificateMethod')}
          items={[
            { value: 'acm', label: 'AWS Certificate Manager hosting' },
            { value: 'sds', label: SDS_LABEL },
            { value: 'file', label: FILE_LABEL },
          ]}
        />,
        ...certificateFields,
        <ControlledCheckbox
          key="require"
          control={control}
          name="listener.tls.requireClientCertificate"
          description="Enable mutual TLS: clients must present a certificate."
        >
          Require client certificate
        </ControlledCheckbox>,
        ...validationFields,
      ]}
    </Subsection>
  );
}

/**
 * The listener: port mapping, then connection pool, health check and TLS termination, each opened by
 * its checkbox. Memoized: `control`, `setValue` and `getValues` are stable, so typing elsewhere
 * doesn't re-render this section.
 */
export const ListenerSection = memo(function ListenerSection({
  control,
  setValue,
  getValues,
}: {
  control: C;
  setValue: UseFormSetValue<VirtualGatewayFormValues>;
  getValues: UseFormGetValues<VirtualGatewayFormValues>;
}) {
  // A new health check starts on the listener's protocol and port (the select has no default).
  const startHealthCheck = (checked: boolean) => {
    if (!checked) return;
    const { protocol, port, healthCheck } = getValues('listener');
    if (healthCheck.protocol === '') setValue('listener.healthCheck.protocol', protocol, { shouldDirty: true });
    if (healthCheck.port === '' && port !== '') setValue('listener.healthCheck.port', port, { shouldDirty: true });
  };
  const [pool, health, tls] = useWatch({
    control,
    name: ['listener.connectionPoolEnabled', 'listener.healthCheckEnabled', 'listener.tlsEnabled'],
  });
  return (
    <div data-testid="listener-section">
      <Container
        header={
          <Header
            variant="h2"
            description="The port and protocol Envoy listens on. A virtual gateway has one listener; create another gateway for another port or protocol."
          >
            Listener
          </Header>
        }
      >
        <SpaceBetween size="l">
          {[
            <ColumnLayout key="port-mapping" columns={2}>
              {[
                <ControlledSelect
                  key="protocol"
                  control={control}
                  {...gatewayField('listener.protocol')}
                  options={PROTOCOL_OPTIONS}
                />,
                <ControlledInput
                  key="port"
                  control={control}
                  {...gatewayField('listener.port', 'Fargate needs a port above 1024.')}
                  placeholder="8080"
                  type="number"
                />,
              ]}
            </ColumnLayout>,
            <ControlledCheckbox
              key="pool"
              control={control}
              name="listener.connectionPoolEnabled"
              description="Limit the connections the gateway's Envoy accepts. The pool uses the listener's protocol."
              data-testid="enable-connection-pool"
            >
              Enable connection pool
            </ControlledCheckbox>,
            ...(pool ? [<ConnectionPoolFields key="pool-fields" control={control} />] : []),
            <ControlledCheckbox
              key="health"
              control={control}
              name="listener.healthCheckEnabled"
              onChecked={startHealthCheck}
              description="Check the health of the listener."
              data-testid="enable-health-check"
            >
              Enable health check
            </ControlledCheckbox>,
            ...(health ? [<HealthCheckFields key="health-fields" control={control} />] : []),
            <ControlledCheckbox
              key="tls"
              control={control}
              name="listener.tlsEnabled"
              description="Terminate TLS on the listener."
              data-testid="enable-tls-termination"
            >
              Enable TLS termination
            </ControlledCheckbox>,
            ...(tls ? [<TlsFields key="tls-fields" control={control} />] : []),
          ]}
        </SpaceBetween>
      </Container>
    </div>
  );
});
