import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import {
  type CreateVirtualServiceBody,
  CreateVirtualServiceBodySchema,
  fieldLabel,
  type VirtualServiceData,
} from '@meshconsole/model';
import { useEffect, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { ControlledInput, ControlledRadioGroup, ControlledSelect } from '../../../components/form/form-fields';
import { defineModelForm, FORM_ERROR, fieldText } from '../../../components/form/model-form';
import { useModelForm } from '../../../components/form/use-model-form';

export type ProviderType = 'none' | 'virtualNode' | 'virtualRouter';

export interface VirtualServiceFormValues {
  virtualServiceName: string;
  providerType: ProviderType;
  providerName: string;
}

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

const isRouter = (v: VirtualServiceFormValues) => v.providerType === 'virtualRouter';

/** The modal's form: `POST /api/meshes/:mesh/virtual-services`, validated with the model's body schema. */
export const VIRTUAL_SERVICE_FORM = defineModelForm({
  schema: CreateVirtualServiceBodySchema,
  toRequest: buildVirtualServiceBody,
  conflictField: 'virtualServiceName',
  paths: [
    { path: 'virtualServiceName', field: 'virtualServiceName' },
    { path: 'spec', field: 'providerType' },
    { path: 'spec.provider', field: 'providerType' },
    { path: 'spec.provider.virtualNode', field: 'providerName' },
    { path: 'spec.provider.virtualNode.virtualNodeName', field: 'providerName' },
    { path: 'spec.provider.virtualRouter', field: 'providerName', when: isRouter },
    { path: 'spec.provider.virtualRouter.virtualRouterName', field: 'providerName', when: isRouter },
    // The modal sends neither: the console API could only object to them if it changed.
    { path: 'tags', field: FORM_ERROR },
    { path: 'clientToken', field: FORM_ERROR },
  ],
});

/** The existing virtual nodes and routers of the mesh, for the provider's Select. */
export interface ProviderChoices {
  virtualNode: string[];
  virtualRouter: string[];
  loading: boolean;
  /** Why the lists could not be read (shown in the Select's dropdown). */
  error?: string | undefined;
}

const NO_CHOICES: ProviderChoices = { virtualNode: [], virtualRouter: [], loading: false };

export interface CreateVirtualServiceModalProps {
  visible: boolean;
  providerChoices?: ProviderChoices;
  /** What the modal opens with (a fresh modal: no name, no provider). */
  defaultValues?: VirtualServiceFormValues;
  onDismiss: () => void;
  submit: (body: CreateVirtualServiceBody) => Promise<VirtualServiceData>;
  onCreated: (service: VirtualServiceData) => void;
}

const EMPTY: VirtualServiceFormValues = { virtualServiceName: '', providerType: 'none', providerName: '' };

export function CreateVirtualServiceModal({
  visible,
  defaultValues = EMPTY,
  providerChoices = NO_CHOICES,
  onDismiss,
  submit,
  onCreated,
}: CreateVirtualServiceModalProps) {
  const { form, formError, submit: onSubmit } = useModelForm(VIRTUAL_SERVICE_FORM, { defaultValues });
  const { control, formState, reset, setValue } = form;
  const providerType = useWatch({ control, name: 'providerType' });
  // Another provider type: the chosen name belonged to the other kind.
  const shownType = useRef(providerType);
  useEffect(() => {
    if (shownType.current === providerType) return;
    shownType.current = providerType;
    setValue('providerName', '');
  }, [providerType, setValue]);
  const kindText = providerType === 'virtualRouter' ? 'virtual router' : 'virtual node';
  const choices = providerType === 'none' ? [] : providerChoices[providerType];

  const close = () => {
    reset();
    onDismiss();
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
          void onSubmit(async (request) => {
            const service = await submit(request);
            reset();
            onCreated(service);
          })(event);
        }}
      >
        <Form
          errorText={formError}
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
                {...fieldText(VIRTUAL_SERVICE_FORM, 'virtualServiceName')}
                description="Usually the DNS name clients use for the service, for example color.example.local."
                placeholder="color.example.local"
              />,
              <ControlledRadioGroup
                key="provider"
                control={control}
                {...fieldText(VIRTUAL_SERVICE_FORM, 'providerType')}
                description="Gateway routes can target a virtual service with or without a provider."
                items={[
                  { value: 'none', label: 'None' },
                  { value: 'virtualNode', label: 'Virtual node' },
                  { value: 'virtualRouter', label: 'Virtual router' },
                ]}
              />,
              providerType !== 'none' ? (
                <ControlledSelect
                  key="providerName"
                  control={control}
                  {...fieldText(VIRTUAL_SERVICE_FORM, 'providerName')}
                  label={fieldLabel(
                    providerType === 'virtualNode'
                      ? 'provider.virtualNode.virtualNodeName'
                      : 'provider.virtualRouter.virtualRouterName',
                  )}
                  description={`One of this mesh's ${kindText}s.`}
                  placeholder={`Choose a ${kindText}`}
                  options={choices.map((name) => ({ value: name, label: name }))}
                  filteringType="auto"
                  statusType={providerChoices.loading ? 'loading' : 'finished'}
                  loadingText={`Loading ${kindText}s`}
                  empty={providerChoices.error ?? `This mesh has no ${kindText}s.`}
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
