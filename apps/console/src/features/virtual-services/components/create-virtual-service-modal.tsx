import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import {
  type CreateVirtualServiceBody,
  CreateVirtualServiceBodySchema,
  type VirtualServiceData,
} from '@meshconsole/model';
import { type FieldErrors, type Resolver, useForm, useWatch } from 'react-hook-form';
import { ControlledInput, ControlledRadioGroup } from '../../../components/form-fields';
import { ApiError, errorMessage } from '../../../lib/api-client';

export type ProviderType = 'none' | 'virtualNode' | 'virtualRouter';

export interface VirtualServiceFormValues {
  virtualServiceName: string;
  providerType: ProviderType;
  providerName: string;
}

type FieldName = keyof VirtualServiceFormValues;

/** The request the modal sends: a service with no provider is allowed by the service model. */
export function buildVirtualServiceBody(values: VirtualServiceFormValues): CreateVirtualServiceBody {
  if (values.providerType === 'virtualNode') {
    return {
      virtualServiceName: values.virtualServiceName,
      spec: { provider: { virtualNode: { virtualNodeName: values.providerName } } },
    };
  }
  if (values.providerType === 'virtualRouter') {
    return {
      virtualServiceName: values.virtualServiceName,
      spec: { provider: { virtualRouter: { virtualRouterName: values.providerName } } },
    };
  }
  return { virtualServiceName: values.virtualServiceName, spec: {} };
}

function fieldOf(path: string): FieldName | undefined {
  if (path === 'virtualServiceName') return 'virtualServiceName';
  if (path.startsWith('spec.provider')) return 'providerName';
  return undefined;
}

const resolver: Resolver<VirtualServiceFormValues> = async (values) => {
  const result = CreateVirtualServiceBodySchema.safeParse(buildVirtualServiceBody(values));
  if (result.success) return { values, errors: {} };
  const errors: FieldErrors<VirtualServiceFormValues> = {};
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.')) ?? 'virtualServiceName';
    errors[field] ??= { type: 'validate', message: issue.message };
  }
  return { values: {}, errors };
};

export interface CreateVirtualServiceModalProps {
  visible: boolean;
  onDismiss: () => void;
  submit: (body: CreateVirtualServiceBody) => Promise<VirtualServiceData>;
  onCreated: (service: VirtualServiceData) => void;
}

export function CreateVirtualServiceModal({ visible, onDismiss, submit, onCreated }: CreateVirtualServiceModalProps) {
  const { control, handleSubmit, setError, formState, reset } = useForm<VirtualServiceFormValues>({
    defaultValues: { virtualServiceName: '', providerType: 'none', providerName: '' },
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const providerType = useWatch({ control, name: 'providerType' });
  const rootError = (formState.errors.root as Record<string, { message?: string }> | undefined)?.request?.message;

  const close = () => {
    reset();
    onDismiss();
  };

  const onValid = async (values: VirtualServiceFormValues) => {
    try {
      const service = await submit(buildVirtualServiceBody(values));
      reset();
      onCreated(service);
    } catch (error) {
      if (error instanceof ApiError) {
        let placed = false;
        for (const [path, messages] of Object.entries(error.fieldErrors)) {
          const field = fieldOf(path);
          if (field && messages[0]) {
            setError(field, { type: 'server', message: messages[0] }, { shouldFocus: !placed });
            placed = true;
          }
        }
        if (!placed && error.code === 'ConflictException') {
          setError('virtualServiceName', { type: 'server', message: error.message }, { shouldFocus: true });
          placed = true;
        }
        if (!placed) setError('root.request', { type: 'server', message: error.message });
        return;
      }
      setError('root.request', { type: 'server', message: errorMessage(error) });
    }
  };

  return (
    <Modal
      visible={visible}
      onDismiss={close}
      header="Create virtual service"
      closeAriaLabel="Close dialog"
      data-testid="create-virtual-service-modal"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void handleSubmit(onValid)(event);
        }}
      >
        <Form
          errorText={rootError}
          errorIconAriaLabel="Error"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {[
                <Button key="cancel" variant="link" formAction="none" onClick={close}>
                  Cancel
                </Button>,
                <Button key="create" variant="primary" formAction="submit" loading={formState.isSubmitting}>
                  Create virtual service
                </Button>,
              ]}
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            {[
              <ControlledInput
                key="name"
                control={control}
                name="virtualServiceName"
                label="Virtual service name"
                description="Usually the DNS name clients use for the service, for example color.example.local."
                placeholder="color.example.local"
              />,
              <ControlledRadioGroup
                key="provider"
                control={control}
                name="providerType"
                label="Provider"
                description="Gateway routes can target a virtual service with or without a provider."
                items={[
                  { value: 'none', label: 'None' },
                  { value: 'virtualNode', label: 'Virtual node' },
                  { value: 'virtualRouter', label: 'Virtual router' },
                ]}
              />,
              providerType !== 'none' ? (
                <ControlledInput
                  key="providerName"
                  control={control}
                  name="providerName"
                  label={providerType === 'virtualNode' ? 'Virtual node' : 'Virtual router'}
                  constraintText="1 to 255 characters."
                />
              ) : null,
              <Box key="note" variant="small">
                The service is created in this mesh with status Active.
              </Box>,
            ]}
          </SpaceBetween>
        </Form>
      </form>
    </Modal>
  );
}
