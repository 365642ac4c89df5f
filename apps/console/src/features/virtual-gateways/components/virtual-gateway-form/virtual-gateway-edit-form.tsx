import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { UpdateVirtualGatewayBody } from '@meshconsole/model';
import type { ReactNode } from 'react';
import { useModelForm } from '../../../../components/form/use-model-form';
import { useUnsavedChangesGuard } from '../../../../components/use-unsaved-changes-guard';
import { ClientPolicySection } from './client-policy-section';
import { VIRTUAL_GATEWAY_EDIT_FORM, type VirtualGatewayFormValues } from './form-definition';
import { useImportJson } from './import-json-modal';
import { ListenerSection } from './listener-section';
import { LoggingSection } from './logging-section';
import { NameSection } from './name-section';
import { RequestPreview } from './request-preview';

export interface VirtualGatewayEditFormProps {
  mesh: string;
  meshOwner: string | undefined;
  initialValues: VirtualGatewayFormValues;
  /** Shown above the sections (e.g. settings of the gateway the form can't show). */
  notice?: ReactNode;
  /** Sends the parsed, validated request; throws `ApiError` on failure. */
  onSubmit: (request: UpdateVirtualGatewayBody) => Promise<void>;
  onCancel: () => void;
}

/** Serializes with sorted keys, so two requests compare equal whatever the key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Edit virtual gateway: one page (as AWS consoles edit), built from the create wizard's sections,
 * with the live JSON and CLI preview beside them.
 */
export function VirtualGatewayEditForm(props: VirtualGatewayEditFormProps) {
  const { mesh, meshOwner, initialValues } = props;
  const kit = useModelForm(VIRTUAL_GATEWAY_EDIT_FORM, { defaultValues: initialValues });
  const { control, formState, setValue, getValues } = kit.form;
  const guard = useUnsavedChangesGuard(formState.isDirty, kit.saved);
  const importJson = useImportJson({ form: kit.form, mode: 'edit', mesh, meshOwner, fixedName: initialValues.name });

  const sections = [
    ...(props.notice ? [<div key="notice">{props.notice}</div>] : []),
    ...(importJson.result ? [<div key="import-result">{importJson.result}</div>] : []),
    <NameSection key="name" control={control} mode="edit" title="Virtual gateway details" />,
    <ClientPolicySection key="client-policy" control={control} />,
    <LoggingSection key="logging" control={control} />,
    <ListenerSection key="listener" control={control} setValue={setValue} getValues={getValues} />,
  ];

  return (
    <>
      <form noValidate onSubmit={kit.submit(props.onSubmit)} data-testid="virtual-gateway-form">
        <Form
          header={
            <Header
              variant="h1"
              actions={
                <Button formAction="none" onClick={importJson.open} data-testid="import-json">
                  Import JSON
                </Button>
              }
            >
              Edit {initialValues.name}
            </Header>
          }
          errorText={kit.formError}
          errorIconAriaLabel="Error"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {[
                <Button key="cancel" formAction="none" variant="link" onClick={props.onCancel} data-testid="cancel">
                  Cancel
                </Button>,
                <Button key="submit" variant="primary" loading={formState.isSubmitting} data-testid="save-changes">
                  Save changes
                </Button>,
              ]}
            </SpaceBetween>
          }
        >
          <Grid gridDefinition={[{ colspan: { default: 12, m: 7 } }, { colspan: { default: 12, m: 5 } }]}>
            {[
              <SpaceBetween key="sections" size="l">
                {sections}
              </SpaceBetween>,
              <div key="preview" style={{ position: 'sticky', top: 80 }}>
                <RequestPreview
                  control={control}
                  mode="edit"
                  mesh={mesh}
                  meshOwner={meshOwner}
                  name={initialValues.name}
                />
              </div>,
            ]}
          </Grid>
        </Form>
      </form>
      {importJson.modal}
      {guard}
    </>
  );
}
