import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo, type ReactElement } from 'react';
import { type Control, useWatch } from 'react-hook-form';
import {
  ControlledCheckbox,
  ControlledInput,
  ControlledListEditor,
  ControlledRadioGroup,
  ControlledSelect,
} from '../../../../components/form-fields';
import { FILE_LABEL, SDS_LABEL } from './client-policy-section';
import type { VirtualGatewayFormValues } from './form-values';

type C = Control<VirtualGatewayFormValues>;

const PROTOCOL_OPTIONS = [
  { value: 'http', label: 'http', description: 'Allows upgrading connections to websockets.' },
  { value: 'http2', label: 'http2' },
  { value: 'grpc', label: 'grpc' },
];

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
                  name="listener.maxConnections"
                  label="Maximum connections"
                  description="The maximum number of outbound connections the gateway's Envoy establishes."
                  constraintText="At least 1."
                  type="number"
                />,
                <ControlledInput
                  key="max-pending"
                  control={control}
                  name="listener.maxPendingRequests"
                  label="Maximum pending requests"
                  optional
                  description="Requests queued after Maximum connections is reached."
                  constraintText="At least 1. Default 2147483647."
                  placeholder="2147483647"
                  type="number"
                />,
              ]}
            </ColumnLayout>,
          ]
        : [
            <ControlledInput
              key="max-requests"
              control={control}
              name="listener.maxRequests"
              label="Maximum requests"
              description="The maximum number of parallel requests to the gateway's Envoy."
              constraintText="At least 1."
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
          Health check protocol, Healthy threshold, Health check interval, Timeout period and Unhealthy threshold are
          required.
        </Box>,
        <ColumnLayout key="grid" columns={2}>
          {[
            <ControlledSelect
              key="protocol"
              control={control}
              name="listener.healthCheck.protocol"
              label="Health check protocol"
              placeholder="Choose a protocol"
              description="A grpc health check needs the gRPC Health Checking Protocol."
              options={PROTOCOL_OPTIONS.map(({ value, label }) => ({ value, label }))}
            />,
            <ControlledInput
              key="port"
              control={control}
              name="listener.healthCheck.port"
              label="Health check port"
              optional
              constraintText="1 to 65535. Defaults to the listener port."
              type="number"
            />,
            <ControlledInput
              key="healthy"
              control={control}
              name="listener.healthCheck.healthyThreshold"
              label="Healthy threshold"
              constraintText="2 to 10 consecutive successful checks."
              placeholder="2"
              type="number"
            />,
            <ControlledInput
              key="interval"
              control={control}
              name="listener.healthCheck.intervalMillis"
              label="Health check interval"
              constraintText="5000 to 300000 ms."
              placeholder="5000"
              type="number"
            />,
            ...(protocol === 'grpc'
              ? []
              : [
                  <ControlledInput
                    key="path"
                    control={control}
                    name="listener.healthCheck.path"
                    label="Path"
                    optional
                    description="Used by http and http2 health checks only."
                    placeholder="/"
                  />,
                ]),
            <ControlledInput
              key="timeout"
              control={control}
              name="listener.healthCheck.timeoutMillis"
              label="Timeout period"
              constraintText="2000 to 60000 ms."
              placeholder="2000"
              type="number"
            />,
            <ControlledInput
              key="unhealthy"
              control={control}
              name="listener.healthCheck.unhealthyThreshold"
              label="Unhealthy threshold"
              constraintText="2 to 10 consecutive failed checks."
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
            name="listener.tls.certificateArn"
            label="Certificate"
            description="The ARN of an ACM private certificate in the same account and Region."
            placeholder="arn:aws:acm:us-west-2:123456789012:certificate/..."
          />,
        ]
      : method === 'sds'
        ? [
            <ControlledInput
              key="sds"
              control={control}
              name="listener.tls.sdsSecretName"
              label="Secret name"
              description="The secret Envoy fetches through the Secret Discovery Service."
            />,
          ]
        : [
            <ControlledInput
              key="chain"
              control={control}
              name="listener.tls.certificateChain"
              label="Certificate chain"
              placeholder="/certs/cert_chain.pem"
            />,
            <ControlledInput
              key="key"
              control={control}
              name="listener.tls.privateKey"
              label="Private key"
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
              name="listener.tls.validationMethod"
              label="Client certificate validation method"
              items={[
                { value: 'sds', label: SDS_LABEL },
                { value: 'file', label: FILE_LABEL },
              ]}
            />,
            validationMethod === 'sds' ? (
              <ControlledInput
                key="sds"
                control={control}
                name="listener.tls.validationSdsSecretName"
                label="Secret name"
                description="The secret with the CA that validates client certificates."
              />
            ) : (
              <ControlledInput
                key="file"
                control={control}
                name="listener.tls.validationCertificateChain"
                label="Certificate chain"
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
          name="listener.tls.mode"
          label="Mode"
          description="STRICT accepts only TLS, PERMISSIVE accepts TLS and plain text, DISABLED accepts only plain text."
          options={[
            { value: 'STRICT', label: 'STRICT' },
            { value: 'PERMISSIVE', label: 'PERMISSIVE' },
            { value: 'DISABLED', label: 'DISABLED' },
          ]}
        />,
        <ControlledRadioGroup
          key="method"
          control={control}
          name="listener.tls.certificateMethod"
          label="Certificate method"
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

/** Memoized: `control` is stable, so typing elsewhere doesn't re-render this section. */
export const ListenerSection = memo(function ListenerSection({ control }: { control: C }) {
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
                  name="listener.protocol"
                  label="Protocol"
                  options={PROTOCOL_OPTIONS}
                />,
                <ControlledInput
                  key="port"
                  control={control}
                  name="listener.port"
                  label="Port"
                  constraintText="1 to 65535. Fargate needs a port above 1024."
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
