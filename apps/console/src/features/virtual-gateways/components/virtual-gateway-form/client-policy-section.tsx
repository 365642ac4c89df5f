import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo, type ReactElement } from 'react';
import { useController, useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import {
  ControlledCheckbox,
  ControlledInput,
  ControlledListEditor,
  ControlledRadioGroup,
  ControlledTextarea,
} from '../../../../components/form/form-fields';
import { FILE_LABEL, SDS_LABEL } from '../virtual-gateway-configuration';
import { gatewayField, type VirtualGatewayFormValues } from './form-definition';

type C = FormControl<VirtualGatewayFormValues>;

/** Client policy defaults: open the section to configure it; a closed section sends nothing. */
/** Memoized: `control` is stable, so typing elsewhere doesn't re-render this section. */
export const ClientPolicySection = memo(function ClientPolicySection({ control }: { control: C }) {
  const enabled = useController({ control, name: 'clientPolicy.enabled' });
  const [method, provide, clientMethod] = useWatch({
    control,
    name: [
      'clientPolicy.validationMethod',
      'clientPolicy.provideClientCertificate',
      'clientPolicy.clientCertificateMethod',
    ],
  });

  const trustFields: ReactElement[] =
    method === 'acm'
      ? [
          <ControlledTextarea
            key="acm"
            control={control}
            {...gatewayField('clientPolicy.certificateAuthorityArns')}
            description="ARNs of AWS Certificate Manager Private Certificate Authority root CAs, one per line."
            placeholder="arn:aws:acm-pca:us-west-2:123456789012:certificate-authority/..."
            rows={3}
          />,
        ]
      : method === 'sds'
        ? [
            <ControlledInput
              key="sds"
              control={control}
              {...gatewayField('clientPolicy.sdsSecretName')}
              description="The name of the secret Envoy fetches through the Secret Discovery Service."
            />,
          ]
        : [
            <ControlledInput
              key="file"
              control={control}
              {...gatewayField('clientPolicy.certificateChain')}
              description="The path to the certificate chain file on the file system where Envoy runs."
              placeholder="/certs/ca_cert_chain.pem"
            />,
          ];

  const clientCertFields: ReactElement[] = !provide
    ? []
    : [
        <div key="client-cert" data-testid="client-certificate-section">
          <SpaceBetween size="l">
            {[
              <ControlledRadioGroup
                key="method"
                control={control}
                {...gatewayField('clientPolicy.clientCertificateMethod')}
                items={[
                  { value: 'sds', label: SDS_LABEL },
                  { value: 'file', label: FILE_LABEL },
                ]}
              />,
              ...(clientMethod === 'sds'
                ? [
                    <ControlledInput
                      key="sds"
                      control={control}
                      {...gatewayField('clientPolicy.clientSdsSecretName')}
                      description="The secret holding the client certificate, fetched through SDS."
                    />,
                  ]
                : [
                    <ControlledInput
                      key="chain"
                      control={control}
                      {...gatewayField('clientPolicy.clientCertificateChain')}
                      placeholder="/certs/client_cert_chain.pem"
                    />,
                    <ControlledInput
                      key="key"
                      control={control}
                      {...gatewayField('clientPolicy.clientPrivateKey')}
                      placeholder="/certs/client_key.pem"
                    />,
                  ]),
            ]}
          </SpaceBetween>
        </div>,
      ];

  return (
    <div data-testid="client-policy-section">
      <ExpandableSection
        variant="container"
        headerText="Client policy defaults"
        headerInfo={
          <Box variant="span" color="text-body-secondary">
            - <i>optional, recommended</i>
          </Box>
        }
        headerDescription="TLS settings the gateway uses toward every virtual service. Expand to configure; a collapsed section sends no client policy."
        expanded={!!enabled.field.value}
        onChange={({ detail }) => enabled.field.onChange(detail.expanded)}
      >
        <SpaceBetween size="l">
          {[
            <ControlledCheckbox
              key="enforce"
              control={control}
              name="clientPolicy.enforce"
              description="Only communicate with virtual services over TLS."
            >
              Enforce TLS
            </ControlledCheckbox>,
            <ControlledInput
              key="ports"
              control={control}
              {...gatewayField('clientPolicy.ports')}
              optional
              description="One or more ports on which TLS is enforced, separated by commas. Empty means every port."
              placeholder="443, 8443"
              inputMode="numeric"
            />,
            <ControlledRadioGroup
              key="validation"
              control={control}
              {...gatewayField('clientPolicy.validationMethod')}
              description="Where the certificate authority that validates the virtual services' certificates comes from."
              items={[
                { value: 'acm', label: 'AWS Certificate Manager Private Certificate Authority' },
                { value: 'sds', label: SDS_LABEL },
                { value: 'file', label: FILE_LABEL },
              ]}
            />,
            ...trustFields,
            <div key="sans">
              <Box variant="awsui-key-label">
                Subject Alternative Name - <i>optional</i>
              </Box>
              <Box variant="small" color="text-body-secondary" margin={{ bottom: 'xs' }}>
                SANs must be FQDN or URI formatted, such as www.example.com or spiffe://example.com/app.
              </Box>
              <ControlledListEditor
                control={control}
                name="clientPolicy.sans"
                columns={[{ field: 'value', label: 'Subject Alternative Name', placeholder: 'www.example.com' }]}
                addButtonText="Add SAN"
                removeButtonText="Remove"
                emptyText="No Subject Alternative Names."
                newItem={{ value: '' }}
                data-testid="client-policy-sans"
              />
            </div>,
            <ControlledCheckbox
              key="provide"
              control={control}
              name="clientPolicy.provideClientCertificate"
              description="Present a client certificate when a server requests one (mutual TLS)."
            >
              Provide client certificate
            </ControlledCheckbox>,
            ...clientCertFields,
          ]}
        </SpaceBetween>
      </ExpandableSection>
    </div>
  );
});
