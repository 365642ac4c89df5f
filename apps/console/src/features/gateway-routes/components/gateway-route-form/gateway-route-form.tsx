import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { CreateGatewayRouteBody, GatewayRouteData } from '@meshconsole/model';
import { type ReactNode, useRef } from 'react';
import { type Control, type UseFormClearErrors, useForm, useWatch } from 'react-hook-form';
import {
  ControlledCheckbox,
  ControlledInput,
  ControlledRadioGroup,
  ControlledSelect,
} from '../../../../components/form-fields';
import { useUnsavedChangesGuard } from '../../../../components/use-unsaved-changes-guard';
import { ApiError, errorMessage } from '../../../../lib/api-client';
import { FORM_ROOT_ERROR, gatewayRouteFormResolver, toFormErrors } from '../../form/gateway-route-form-resolver';
import {
  buildGatewayRouteBody,
  type GatewayRouteFormValues,
  HTTP_METHODS,
  type PathMatchType,
} from '../../form/gateway-route-form-values';
import { HeaderMatchEditor, QueryParameterEditor } from './match-editors';

export interface VirtualServiceChoices {
  names: string[];
  loading: boolean;
  error?: string;
  onRefresh: () => void;
  /** Where a virtual service is created (opened in a new tab so the form keeps its input). */
  createHref: string;
}

export interface GatewayRouteFormProps {
  mode: 'create' | 'edit';
  gatewayName: string;
  defaultValues: GatewayRouteFormValues;
  virtualServices: VirtualServiceChoices;
  /** Sends the request; throws `ApiError` on failure. */
  submit: (body: CreateGatewayRouteBody) => Promise<GatewayRouteData>;
  onSuccess: (route: GatewayRouteData) => void;
  onCancel: () => void;
}

const PATH_LABELS: Record<PathMatchType, string> = { prefix: 'Prefix', exact: 'Exact path', regex: 'Path regex' };

const PATH_DESCRIPTIONS: Record<PathMatchType, string> = {
  prefix:
    'Requests whose path starts with this prefix match. Must start with /; / alone matches every request. /aws-appmesh and /aws-app-mesh are reserved. The longest matching prefix wins.',
  exact: 'Only requests for exactly this path match.',
  regex: 'Requests whose path matches this regular expression (RE2 syntax) match.',
};

function GeneralSection({
  control,
  mode,
  virtualServices,
}: {
  control: Control<GatewayRouteFormValues>;
  mode: 'create' | 'edit';
  virtualServices: VirtualServiceChoices;
}) {
  const current = useWatch({ control, name: 'virtualServiceName' });
  const names =
    current && !virtualServices.names.includes(current) ? [current, ...virtualServices.names] : virtualServices.names;
  const serviceDescription = (
    <>
      The virtual service that receives the matching requests.{' '}
      {virtualServices.loading
        ? 'Loading the virtual services of this mesh.'
        : virtualServices.error
          ? `Couldn't load the virtual services: ${virtualServices.error}`
          : names.length === 0
            ? 'This mesh has no virtual services yet.'
            : null}{' '}
      <Link href={virtualServices.createHref} external externalIconAriaLabel="(opens in a new tab)">
        Create virtual service
      </Link>
    </>
  );
  return (
    <Container header={<Header variant="h2">Gateway route configuration</Header>}>
      <SpaceBetween size="l">
        {[
          <ControlledInput
            key="name"
            control={control}
            name="gatewayRouteName"
            label="Gateway route name"
            description={mode === 'edit' ? 'The name of a gateway route cannot be changed.' : undefined}
            constraintText={mode === 'create' ? 'The name must be 1 to 255 characters, without /.' : undefined}
            readOnly={mode === 'edit'}
            placeholder="my-gateway-route"
          />,
          <ControlledRadioGroup
            key="type"
            control={control}
            name="routeType"
            label="Gateway route type"
            items={[
              { value: 'http', label: 'http' },
              { value: 'http2', label: 'http2' },
              { value: 'grpc', label: 'grpc' },
            ]}
          />,
          <ControlledSelect
            key="service"
            control={control}
            name="virtualServiceName"
            label="Virtual service name"
            description={serviceDescription}
            placeholder={virtualServices.loading ? 'Loading virtual services' : 'Choose a virtual service'}
            options={names.map((n) => ({ value: n, label: n }))}
            filteringType="auto"
            statusType={virtualServices.loading ? 'loading' : virtualServices.error ? 'error' : 'finished'}
            loadingText="Loading virtual services"
            empty="No virtual services in this mesh"
            secondaryControl={
              <Button
                iconName="refresh"
                formAction="none"
                ariaLabel="Refresh virtual services"
                loading={virtualServices.loading}
                onClick={() => virtualServices.onRefresh()}
              />
            }
          />,
          <ControlledInput
            key="port"
            control={control}
            name="targetPort"
            label="Virtual service provider port"
            optional
            description="Required when the provider (virtual router or virtual node) of the virtual service has several listeners."
            constraintText="1 to 65535."
            inputMode="numeric"
          />,
          <ControlledInput
            key="priority"
            control={control}
            name="priority"
            label="Priority"
            optional
            description="When several gateway routes match a request, the lowest number wins."
            constraintText="0 (highest) to 1000 (lowest)."
            inputMode="numeric"
          />,
        ]}
      </SpaceBetween>
    </Container>
  );
}

/** A repeatable, optional match list (query parameters, headers, metadata) under its label. */
function OptionalList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SpaceBetween size="xs">
      {[
        <Box key="label" variant="awsui-key-label">
          {label} - <i>optional</i>
        </Box>,
        <div key="editor">{children}</div>,
      ]}
    </SpaceBetween>
  );
}

function HostnameFields({ control }: { control: Control<GatewayRouteFormValues> }) {
  const type = useWatch({ control, name: 'hostnameMatchType' });
  return (
    <SpaceBetween size="l">
      {[
        <ControlledSelect
          key="type"
          control={control}
          name="hostnameMatchType"
          label="Hostname match"
          optional
          options={[
            { value: 'none', label: 'Any hostname' },
            { value: 'exact', label: 'Exact', description: 'The host must equal the value.' },
            { value: 'suffix', label: 'Suffix', description: 'The host must end with the value.' },
          ]}
        />,
        type !== 'none' ? (
          <ControlledInput
            key="value"
            control={control}
            name="hostname"
            label={type === 'exact' ? 'Exact hostname' : 'Hostname suffix'}
            constraintText="1 to 253 characters."
            placeholder={type === 'exact' ? 'www.example.com' : '.example.com'}
          />
        ) : null,
      ]}
    </SpaceBetween>
  );
}

function MatchSection({
  control,
  clearErrors,
}: {
  control: Control<GatewayRouteFormValues>;
  clearErrors: UseFormClearErrors<GatewayRouteFormValues>;
}) {
  const routeType = useWatch({ control, name: 'routeType' });
  const pathType = useWatch({ control, name: 'pathMatchType' });
  const portField = (
    <ControlledInput
      key="matchPort"
      control={control}
      name="matchPort"
      label="Match port"
      optional
      description="The virtual gateway listener port to match. Required when the virtual gateway has several listeners."
      constraintText="1 to 65535."
      inputMode="numeric"
    />
  );

  if (routeType === 'grpc') {
    return (
      <Container
        header={
          <Header variant="h2" description="A request matches when every condition given here holds.">
            Match
          </Header>
        }
      >
        <SpaceBetween size="l">
          {[
            <ControlledInput
              key="serviceName"
              control={control}
              name="serviceName"
              label="gRPC service name"
              description="The fully qualified name of the gRPC service to match. A gRPC route needs a service name or a hostname match. Names starting with aws.app-mesh or aws.appmesh are reserved."
              placeholder="color.ColorService"
            />,
            <HostnameFields key="hostname" control={control} />,
            portField,
            <OptionalList key="metadata" label="Metadata">
              <HeaderMatchEditor control={control} clearErrors={clearErrors} name="metadata" noun="Metadata" />
            </OptionalList>,
          ]}
        </SpaceBetween>
      </Container>
    );
  }

  return (
    <Container
      header={
        <Header variant="h2" description="A request matches when every condition given here holds.">
          Match
        </Header>
      }
    >
      <SpaceBetween size="l">
        {[
          <ControlledSelect
            key="method"
            control={control}
            name="method"
            label="Method"
            optional
            options={[{ value: '', label: 'Any method' }, ...HTTP_METHODS.map((m) => ({ value: m, label: m }))]}
          />,
          portField,
          <HostnameFields key="hostname" control={control} />,
          <ControlledSelect
            key="pathType"
            control={control}
            name="pathMatchType"
            label="Path match type"
            options={[
              { value: 'prefix', label: 'Prefix', description: 'Match the beginning of the path.' },
              { value: 'exact', label: 'Exact', description: 'Match the whole path.' },
              { value: 'regex', label: 'Regex', description: 'Match the path against a regular expression.' },
            ]}
          />,
          <ControlledInput
            key="pathValue"
            control={control}
            name="pathValue"
            label={PATH_LABELS[pathType]}
            description={PATH_DESCRIPTIONS[pathType]}
            constraintText="A route needs a path or a hostname match."
            placeholder={pathType === 'regex' ? '/color/.*' : '/color'}
          />,
          <OptionalList key="query" label="Query parameters">
            <QueryParameterEditor control={control} />
          </OptionalList>,
          <OptionalList key="headers" label="Headers">
            <HeaderMatchEditor control={control} clearErrors={clearErrors} name="headers" noun="Header" />
          </OptionalList>,
        ]}
      </SpaceBetween>
    </Container>
  );
}

function RewriteSection({ control }: { control: Control<GatewayRouteFormValues> }) {
  const routeType = useWatch({ control, name: 'routeType' });
  const pathType = useWatch({ control, name: 'pathMatchType' });
  const service = useWatch({ control, name: 'virtualServiceName' });
  const prefix = useWatch({ control, name: 'pathValue' });
  const overridePrefix = useWatch({ control, name: 'overridePrefixRewrite' });
  const rewritePath = useWatch({ control, name: 'rewritePath' });
  const target = service || 'the target virtual service';
  const isPrefix = routeType !== 'grpc' && pathType === 'prefix';
  const examplePrefix = isPrefix && prefix.startsWith('/') && prefix.length > 1 ? prefix.replace(/\/$/, '') : '/color';

  const hostnameBox = (
    <ControlledCheckbox
      key="host"
      control={control}
      name="overrideHostnameRewrite"
      description={`By default the request's host is rewritten to ${target}. Choose this to send the hostname the client used instead.`}
    >
      Override automatic rewrite of hostname
    </ControlledCheckbox>
  );

  let explanation: ReactNode;
  let pathControls: ReactNode[] = [];
  if (routeType === 'grpc') {
    explanation = `By default, the gateway rewrites the request's host to the name of the target virtual service (${target}).`;
  } else if (isPrefix) {
    explanation = (
      <>
        By default, the gateway rewrites the request's host to the name of the target virtual service ({target}) and the
        matched prefix to <code>/</code>: with the prefix <code>{examplePrefix}</code>, a request for{' '}
        <code>{examplePrefix}/1</code> reaches the service as <code>/1</code>.
      </>
    );
    pathControls = [
      <ControlledCheckbox
        key="prefix"
        control={control}
        name="overridePrefixRewrite"
        description="Keep the matched prefix, or replace it with a prefix of your own, instead of rewriting it to /."
      >
        Override automatic rewrite of prefix
      </ControlledCheckbox>,
      overridePrefix ? (
        <ControlledInput
          key="prefixValue"
          control={control}
          name="prefixRewrite"
          label="Prefix rewrite"
          optional
          description="The prefix that replaces the matched prefix. Leave empty to keep the matched prefix unchanged."
          constraintText="Must start and end with /, for example /v2/."
          placeholder="/v2/"
        />
      ) : null,
    ];
  } else {
    explanation = `By default, the gateway rewrites the request's host to the name of the target virtual service (${target}) and sends the path unchanged.`;
    pathControls = [
      <ControlledCheckbox
        key="rewritePath"
        control={control}
        name="rewritePath"
        description="Replace the whole matched path with another path."
      >
        Rewrite path
      </ControlledCheckbox>,
      rewritePath ? (
        <ControlledInput
          key="pathRewrite"
          control={control}
          name="pathRewrite"
          label="Path rewrite"
          description="The path the request is sent to the virtual service with."
          constraintText="1 to 255 characters."
          placeholder="/color"
        />
      ) : null,
    ];
  }

  return (
    <Container
      header={
        <Header variant="h2" description={explanation}>
          Rewrite - <i>optional</i>
        </Header>
      }
    >
      <SpaceBetween size="l">{[hostnameBox, ...pathControls]}</SpaceBetween>
    </Container>
  );
}

/** The create and edit form of a gateway route (one page, Cloudscape validation timing). */
export function GatewayRouteForm({
  mode,
  gatewayName,
  defaultValues,
  virtualServices,
  submit,
  onSuccess,
  onCancel,
}: GatewayRouteFormProps) {
  const form = useForm<GatewayRouteFormValues>({
    defaultValues,
    resolver: gatewayRouteFormResolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const { control, handleSubmit, setError, formState } = form;
  // Set before navigating away after a successful save, so leaving then is not "unsaved changes".
  const saved = useRef(false);

  // Read during render so react-hook-form tracks it (its form state is a subscription proxy).
  const isDirty = formState.isDirty;
  const guard = useUnsavedChangesGuard(isDirty, saved);

  const onValid = async (values: GatewayRouteFormValues) => {
    try {
      const route = await submit(buildGatewayRouteBody(values));
      saved.current = true;
      onSuccess(route);
    } catch (error) {
      if (error instanceof ApiError) {
        const entries = Object.entries(error.fieldErrors).flatMap(([path, messages]) =>
          messages.map((message) => ({ path, message })),
        );
        if (entries.length === 0 && error.code === 'ConflictException' && mode === 'create') {
          entries.push({ path: 'gatewayRouteName', message: error.message });
        }
        const errors = toFormErrors(entries, values, 'server');
        let focused = false;
        let unplaced: string | undefined;
        for (const [field, fieldError] of flatten(errors)) {
          if (field.startsWith('root')) {
            unplaced = fieldError.message;
            continue;
          }
          setError(field as keyof GatewayRouteFormValues, fieldError, { shouldFocus: !focused });
          focused = true;
        }
        // A problem no field shows (or an error without field errors) goes to the form's alert.
        if (!focused || unplaced !== undefined) {
          setError(FORM_ROOT_ERROR, { type: 'server', message: focused ? (unplaced ?? error.message) : error.message });
        }
        return;
      }
      setError(FORM_ROOT_ERROR, { type: 'server', message: errorMessage(error) });
    }
  };

  const rootError = (formState.errors.root as Record<string, { message?: string }> | undefined)?.request?.message;

  return (
    <>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void handleSubmit(onValid)(event);
        }}
      >
        <Form
          header={
            <Header
              variant="h1"
              description={
                mode === 'create'
                  ? `A gateway route sends requests that reach the virtual gateway ${gatewayName} to a virtual service.`
                  : `Gateway route of the virtual gateway ${gatewayName}.`
              }
            >
              {mode === 'create' ? 'Create gateway route' : `Edit ${defaultValues.gatewayRouteName}`}
            </Header>
          }
          errorText={rootError}
          errorIconAriaLabel="Error"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {[
                <Button key="cancel" formAction="none" variant="link" onClick={onCancel}>
                  Cancel
                </Button>,
                <Button key="submit" variant="primary" formAction="submit" loading={formState.isSubmitting}>
                  {mode === 'create' ? 'Create gateway route' : 'Save changes'}
                </Button>,
              ]}
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            {[
              <GeneralSection key="general" control={control} mode={mode} virtualServices={virtualServices} />,
              <MatchSection key="match" control={control} clearErrors={form.clearErrors} />,
              <RewriteSection key="rewrite" control={control} />,
            ]}
          </SpaceBetween>
        </Form>
      </form>
      {guard}
    </>
  );
}

/** `{ headers: [{ name: err }] }` -> `[['headers.0.name', err]]`. */
function flatten(errors: object, prefix = ''): Array<[string, { type: string; message?: string }]> {
  const out: Array<[string, { type: string; message?: string }]> = [];
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
      out.push([path, value as { type: string; message: string }]);
    } else if (typeof value === 'object') {
      out.push(...flatten(value as object, path));
    }
  }
  return out;
}
