import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { memo } from 'react';
import { ControlledInput, type FormControl } from '../../../../components/form/form-fields';
import { gatewayField, type VirtualGatewayFormValues } from './form-definition';

/** The gateway's name: typed on create (unique in the mesh), read-only on edit. */
export const NameSection = memo(function NameSection({
  control,
  mode,
  title,
}: {
  control: FormControl<VirtualGatewayFormValues>;
  mode: 'create' | 'edit';
  title: string;
}) {
  return (
    <div data-testid="name-section">
      <Container header={<Header variant="h2">{title}</Header>}>
        <ControlledInput
          control={control}
          {...(mode === 'create' ? gatewayField('name', 'Must be unique in the mesh.') : gatewayField('name'))}
          description={mode === 'edit' ? "A virtual gateway's name can't be changed." : undefined}
          placeholder="my-gateway"
          readOnly={mode === 'edit'}
          inputTestId="virtual-gateway-name"
        />
      </Container>
    </div>
  );
});
