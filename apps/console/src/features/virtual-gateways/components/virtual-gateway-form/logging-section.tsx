import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { memo } from 'react';
import { useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import { ControlledInput, ControlledListEditor, ControlledRadioGroup } from '../../../../components/form/form-fields';
import { gatewayField, type VirtualGatewayFormValues } from './form-definition';

/** Memoized: `control` is stable, so typing elsewhere doesn't re-render this section. */
export const LoggingSection = memo(function LoggingSection({
  control,
}: {
  control: FormControl<VirtualGatewayFormValues>;
}) {
  const format = useWatch({ control, name: 'logging.format' });
  return (
    <div data-testid="logging-section">
      <Container
        header={
          <Header variant="h2" description="Where Envoy writes HTTP access logs. Leave the path empty to log nothing.">
            Logging
          </Header>
        }
      >
        <SpaceBetween size="l">
          {[
            <ControlledInput
              key="path"
              control={control}
              {...gatewayField('logging.path')}
              optional
              description="We recommend /dev/stdout, so that Docker log drivers can export the logs. An agent must still ship them to a destination."
              placeholder="/dev/stdout"
            />,
            <ControlledRadioGroup
              key="format"
              control={control}
              {...gatewayField('logging.format')}
              items={[
                { value: 'default', label: "Envoy's default format" },
                { value: 'text', label: 'Text', description: 'A format string with Envoy command operators.' },
                { value: 'json', label: 'JSON', description: 'Key/value pairs written as JSON.' },
              ]}
            />,
            ...(format === 'text'
              ? [
                  <ControlledInput
                    key="text"
                    control={control}
                    {...gatewayField('logging.text')}
                    placeholder="[%START_TIME%] %REQ(:METHOD)% %RESPONSE_CODE%"
                  />,
                ]
              : []),
            ...(format === 'json'
              ? [
                  <ControlledListEditor
                    key="json"
                    control={control}
                    name="logging.json"
                    columns={[
                      { field: 'key', label: 'Key', placeholder: 'status' },
                      { field: 'value', label: 'Value', placeholder: '%RESPONSE_CODE%' },
                    ]}
                    addButtonText="Add key"
                    emptyText="No keys."
                    newItem={{ key: '', value: '' }}
                    data-testid="logging-json-format"
                  />,
                ]
              : []),
          ]}
        </SpaceBetween>
      </Container>
    </div>
  );
});
