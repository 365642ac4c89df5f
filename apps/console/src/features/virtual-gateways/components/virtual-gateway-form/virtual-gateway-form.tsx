import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { ControlledInput } from '../../../../components/form-fields';
import { useUnsavedChangesGuard } from '../../../../components/use-unsaved-changes-guard';
import { ApiError, errorMessage } from '../../../../lib/api-client';
import { ClientPolicySection } from './client-policy-section';
import {
  importVirtualGatewayJson,
  requestPathToField,
  toRequest,
  type UnusedField,
  type VirtualGatewayRequest,
} from './form-mapping';
import { type FormMode, virtualGatewayResolver } from './form-resolver';
import type { VirtualGatewayFormValues } from './form-values';
import { ImportJsonModal, ImportResultAlert } from './import-json-modal';
import { ListenerSection } from './listener-section';
import { LoggingSection } from './logging-section';
import { RequestPreview } from './request-preview';
import { TagsSection } from './tags-section';

export interface VirtualGatewayFormProps {
  mode: FormMode;
  mesh: string;
  meshOwner: string | undefined;
  initialValues: VirtualGatewayFormValues;
  /** Shown above the sections (e.g. settings of the gateway the form can't show). */
  notice?: ReactNode;
  /** Sends the request; throws `ApiError` on failure. `initialRequest` lets edit detect "no changes". */
  onSubmit: (request: VirtualGatewayRequest, initialRequest: VirtualGatewayRequest) => Promise<void>;
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

export function VirtualGatewayForm(props: VirtualGatewayFormProps) {
  const { mode, mesh, meshOwner, initialValues } = props;
  const resolver = useMemo(() => virtualGatewayResolver(mode), [mode]);
  const form = useForm<VirtualGatewayFormValues>({
    mode: 'onTouched',
    resolver,
    defaultValues: initialValues,
    shouldFocusError: false,
  });
  const { control, handleSubmit, formState, setError, getValues, reset, setValue } = form;
  const [serverError, setServerError] = useState<string | undefined>();
  const [importOpen, setImportOpen] = useState(false);
  const [importResult, setImportResult] = useState<UnusedField[] | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  const initialRequest = useMemo(() => toRequest(initialValues), [initialValues]);

  const guard = useUnsavedChangesGuard(formState.isDirty, submitted);

  // Focus the top-most field in error after the errors are rendered (DOM order = page order).
  // Fields re-render with their error a little after the form does, so look for a few frames.
  useEffect(() => {
    if (focusRequest === 0) return;
    let frame = 0;
    let handle = 0;
    const attempt = () => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (el) {
        el.focus();
        el.scrollIntoView?.({ block: 'center' });
      } else if (frame++ < 20) {
        handle = window.setTimeout(attempt, 16);
      }
    };
    handle = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(handle);
  }, [focusRequest]);

  const onValid = async (values: VirtualGatewayFormValues) => {
    setServerError(undefined);
    const request = toRequest(values);
    try {
      submitted.current = true;
      await props.onSubmit(request, initialRequest);
    } catch (error) {
      submitted.current = false;
      if (error instanceof ApiError) {
        let placed = 0;
        const unplaced: string[] = [];
        for (const [path, messages] of Object.entries(error.fieldErrors)) {
          const field = requestPathToField(path, values);
          const message = messages[0];
          if (!message) continue;
          if (field) {
            setError(field as FieldPath<VirtualGatewayFormValues>, { type: 'server', message });
            placed++;
          } else unplaced.push(message);
        }
        if (placed === 0 && mode === 'create' && error.code === 'ConflictException') {
          setError('name', { type: 'server', message: error.message });
          placed++;
        }
        if (placed === 0 || unplaced.length > 0)
          setServerError(unplaced.length > 0 ? unplaced.join(' ') : error.message);
        setFocusRequest((n) => n + 1);
      } else {
        setServerError(errorMessage(error));
      }
    }
  };

  const title = mode === 'create' ? 'Create virtual gateway' : `Edit ${initialValues.name}`;
  const formError = serverError ?? formState.errors.root?.request?.message;

  const sections = [
    ...(props.notice ? [<div key="notice">{props.notice}</div>] : []),
    ...(importResult
      ? [<ImportResultAlert key="import-result" unused={importResult} onDismiss={() => setImportResult(null)} />]
      : []),
    <div key="name" data-testid="name-section">
      <Container header={<Header variant="h2">Virtual gateway details</Header>}>
        <ControlledInput
          control={control}
          name="name"
          label="Virtual gateway name"
          description={mode === 'edit' ? "A virtual gateway's name can't be changed." : undefined}
          constraintText={mode === 'create' ? '1 to 255 characters. Must be unique in the mesh.' : undefined}
          placeholder="my-gateway"
          readOnly={mode === 'edit'}
          inputTestId="virtual-gateway-name"
        />
      </Container>
    </div>,
    <ClientPolicySection key="client-policy" control={control} />,
    <LoggingSection key="logging" control={control} />,
    <ListenerSection key="listener" control={control} />,
    <TagsSection key="tags" control={control} setValue={setValue} />,
  ];

  return (
    <>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void handleSubmit(onValid, () => setFocusRequest((n) => n + 1))(event);
        }}
        data-testid="virtual-gateway-form"
      >
        <Form
          header={
            <Header
              variant="h1"
              description={
                mode === 'create'
                  ? 'A virtual gateway lets resources outside the mesh reach resources inside it, through gateway routes.'
                  : undefined
              }
              actions={
                <Button formAction="none" onClick={() => setImportOpen(true)} data-testid="import-json">
                  Import JSON
                </Button>
              }
            >
              {title}
            </Header>
          }
          errorText={formError}
          errorIconAriaLabel="Error"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {[
                <Button key="cancel" formAction="none" variant="link" onClick={props.onCancel} data-testid="cancel">
                  Cancel
                </Button>,
                <Button
                  key="submit"
                  variant="primary"
                  loading={formState.isSubmitting}
                  data-testid={mode === 'create' ? 'create-virtual-gateway-submit' : 'save-changes'}
                >
                  {mode === 'create' ? 'Create virtual gateway' : 'Save changes'}
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
                  mode={mode}
                  mesh={mesh}
                  meshOwner={meshOwner}
                  name={mode === 'edit' ? initialValues.name : undefined}
                />
              </div>,
            ]}
          </Grid>
        </Form>
      </form>
      <ImportJsonModal
        visible={importOpen}
        onDismiss={() => setImportOpen(false)}
        onImport={(json) => {
          const result = importVirtualGatewayJson(json, {
            mesh,
            meshOwner,
            currentName: getValues('name'),
            withTags: mode === 'create',
          });
          const values = mode === 'edit' ? { ...result.values, name: initialValues.name } : result.values;
          const unused =
            mode === 'edit' && result.values.name !== initialValues.name
              ? [...result.unused, { path: 'virtualGatewayName', reason: "A virtual gateway's name can't be changed." }]
              : result.unused;
          reset(values, { keepDefaultValues: true });
          setImportResult(unused);
          setImportOpen(false);
        }}
      />
      {guard}
    </>
  );
}
