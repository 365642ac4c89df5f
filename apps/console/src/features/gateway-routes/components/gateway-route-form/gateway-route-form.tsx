import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { type CreateGatewayRouteBody, fieldLabel, type GatewayRouteData } from '@meshconsole/model';
import type { ReactNode } from 'react';
import { type UseFormClearErrors, useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import {
  ControlledCheckbox,
  ControlledInput,
  ControlledRadioGroup,
  ControlledSelect,
} from '../../../../components/form/form-fields';
import { useModelForm } from '../../../../components/form/use-model-form';
import { useUnsavedChangesGuard } from '../../../../components/use-unsaved-changes-guard';
import {
  GATEWAY_ROUTE_FORM,
  type GatewayRouteFormValues,
  HTTP_METHODS,
  MATCH_RULES,
  PATH_MATCH_LABELS,
  type PathMatchType,
  routeField,
} from '../../form/gateway-route-form-definition';
import { HeaderMatchEditor, QueryParameterEditor } from './match-editors';
import { type RouteFormRouting, RoutePreview } from './route-preview';

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
  /** The gateway and its saved routes, for the request preview and the route checks. */
  routing?: RouteFormRouting;
}

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
  control: FormControl<GatewayRouteFormValues>;
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
            {...(mode === 'create' ? routeField('gatewayRouteName', 'Without /.') : routeField('gatewayRouteName'))}
            description={mode === 'edit' ? 'The name of a gateway route cannot be changed.' : undefined}
            readOnly={mode === 'edit'}
            placeholder="my-gateway-route"
          />,
          <ControlledRadioGroup
            key="type"
            control={control}
            {...routeField('routeType')}
            items={[
              { value: 'http', label: 'http' },
              { value: 'http2', label: 'http2' },
              { value: 'grpc', label: 'grpc' },
            ]}
          />,
          <ControlledSelect
            key="service"
            control={control}
            {...routeField('virtualServiceName')}
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
            {...routeField('targetPort')}
            optional
            description="Required when the provider (virtual router or virtual node) of the virtual service has several listeners."
            inputMode="numeric"
          />,
          <ControlledInput
            key="priority"
            control={control}
            {...routeField('priority')}
            optional
            description="When several gateway routes match a request, the lowest number wins."
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

function HostnameFields({ control }: { control: FormControl<GatewayRouteFormValues> }) {
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
            {...routeField('hostname')}
            label={fieldLabel(`httpRoute.match.hostname.${type}`)}
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
  control: FormControl<GatewayRouteFormValues>;
  clearErrors: UseFormClearErrors<GatewayRouteFormValues>;
}) {
  const routeType = useWatch({ control, name: 'routeType' });
  const pathType = useWatch({ control, name: 'pathMatchType' });
  const portField = (
    <ControlledInput
      key="matchPort"
      control={control}
      {...routeField('matchPort')}
      optional
      description="The virtual gateway listener port to match. Required when the virtual gateway has several listeners."
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
              {...routeField('serviceName')}
              description="The fully qualified name of the gRPC service to match. Names starting with aws.app-mesh or aws.appmesh are reserved."
              constraintText={MATCH_RULES.grpc}
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
            {...routeField('method')}
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
            label={PATH_MATCH_LABELS[pathType]}
            description={PATH_DESCRIPTIONS[pathType]}
            constraintText={MATCH_RULES.http}
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

function RewriteSection({ control }: { control: FormControl<GatewayRouteFormValues> }) {
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
          {...routeField('prefixRewrite', 'Must start and end with /, for example /v2/.')}
          optional
          description="The prefix that replaces the matched prefix. Leave empty to keep the matched prefix unchanged."
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
          {...routeField('pathRewrite')}
          description="The path the request is sent to the virtual service with."
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

/** The preview of the route as typed (re-rendered on each change, apart from the rest of the form). */
function PreviewSection({
  control,
  routing,
  replacing,
}: {
  control: FormControl<GatewayRouteFormValues>;
  routing: RouteFormRouting;
  replacing?: string;
}) {
  const values = useWatch({ control }) as GatewayRouteFormValues;
  return <RoutePreview values={values} routing={routing} {...(replacing === undefined ? {} : { replacing })} />;
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
  routing,
}: GatewayRouteFormProps) {
  const kit = useModelForm(GATEWAY_ROUTE_FORM, { defaultValues });
  const { control, formState, clearErrors } = kit.form;
  // Read during render so react-hook-form tracks it (its form state is a subscription proxy).
  const isDirty = formState.isDirty;
  const guard = useUnsavedChangesGuard(isDirty, kit.saved);
  const send = async (request: CreateGatewayRouteBody) => onSuccess(await submit(request));

  return (
    <>
      <form noValidate onSubmit={kit.submit(send)}>
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
          errorText={kit.formError}
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
              <MatchSection key="match" control={control} clearErrors={clearErrors} />,
              <RewriteSection key="rewrite" control={control} />,
              routing ? (
                <PreviewSection
                  key="preview"
                  control={control}
                  routing={routing}
                  {...(mode === 'edit' ? { replacing: defaultValues.gatewayRouteName } : {})}
                />
              ) : null,
            ]}
          </SpaceBetween>
        </Form>
      </form>
      {guard}
    </>
  );
}
