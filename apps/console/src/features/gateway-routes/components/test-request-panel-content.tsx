import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { TestRequest, TestRequestAnswer, TestRequestOutcome } from '@meshconsole/model';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ControlledInput,
  ControlledListEditor,
  ControlledSelect,
  type FormControl,
} from '../../../components/form/form-fields';
import { toFieldErrors } from '../../../components/form/model-form';
import { useModelForm } from '../../../components/form/use-model-form';
import { errorMessage } from '../../../lib/api-client';
import { links, useFollow } from '../../../lib/links';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useTestRequest } from '../api/test-request';
import {
  defaultTestRequestValues,
  GRPC_TEST_REQUEST_FORM,
  HTTP_METHODS,
  HTTP_TEST_REQUEST_FORM,
  TEST_REQUEST_LABELS as L,
  type TestRequestFormValues,
} from '../form/test-request-form-definition';
import { RequestInOut, requestInOf } from './request-in-out';
import type { TestRequestPanelProps } from './test-request-panel';

/** How long typing must pause before the request is evaluated. */
const DEBOUNCE_MS = 300;

const OUTCOME: Record<TestRequestOutcome, { type: StatusIndicatorProps.Type; text: string }> = {
  matched: { type: 'success', text: 'Takes the request' },
  'not-matched': { type: 'stopped', text: 'Does not match' },
  'lower-priority': { type: 'info', text: 'Matches, comes later' },
};

function Answer({
  answer,
  request,
  props,
}: {
  answer: TestRequestAnswer;
  request: TestRequest;
  props: TestRequestPanelProps;
}) {
  const follow = useFollow();
  const { mesh, meshOwner, gatewayName } = props;
  const routeLink = (name: string) => (
    <Link href={links.gatewayRoute(mesh, meshOwner, gatewayName, name)} onFollow={follow}>
      {name}
    </Link>
  );
  const verdict = answer.matched ? (
    <Alert type="success" header="A gateway route takes this request" data-testid="test-request-winner">
      <span data-testid="test-request-winner-name">{routeLink(answer.matched.gatewayRouteName)}</span>
      {answer.matched.priority !== null ? ` (priority ${answer.matched.priority})` : ' (no priority set)'} sends it to{' '}
      {answer.target?.virtualServiceName}.
    </Alert>
  ) : (
    <Alert type="warning" header="No gateway route takes this request" data-testid="test-request-no-match">
      {answer.routes.length === 0
        ? 'This virtual gateway has no gateway routes.'
        : 'None of the gateway routes below matches it.'}{' '}
      The gateway answers it with 404 (Not Found) and forwards nothing.
    </Alert>
  );
  return (
    <SpaceBetween size="l">
      {[
        <div key="verdict">{verdict}</div>,
        <RequestInOut
          key="inout"
          requestIn={requestInOf(request)}
          target={answer.target}
          forwarded={answer.forwarded}
        />,
        <div key="routes" data-testid="test-request-routes">
          <Table
            variant="embedded"
            header={
              <Header variant="h3" counter={`(${answer.routes.length})`}>
                Gateway routes, in the order the gateway tries them
              </Header>
            }
            items={answer.routes}
            trackBy="gatewayRouteName"
            empty="This virtual gateway has no gateway routes."
            columnDefinitions={[
              {
                id: 'name',
                header: 'Gateway route',
                isRowHeader: true,
                cell: (r) => routeLink(r.gatewayRouteName),
              },
              {
                id: 'outcome',
                header: 'Outcome',
                cell: (r) => (
                  <StatusIndicator type={OUTCOME[r.outcome].type}>{OUTCOME[r.outcome].text}</StatusIndicator>
                ),
              },
              { id: 'reason', header: 'Why', cell: (r) => r.reason },
            ]}
            wrapLines
          />
        </div>,
      ]}
    </SpaceBetween>
  );
}

/** Headers (http) or metadata (grpc): name and value rows, an optional list under its label. */
function NameValueRows({
  control,
  name,
  noun,
  placeholder,
}: {
  control: FormControl<TestRequestFormValues>;
  name: 'headers' | 'metadata';
  noun: 'Header' | 'Metadata';
  placeholder: string;
}) {
  return (
    <SpaceBetween size="xs">
      {[
        <Box key="l" variant="awsui-key-label">
          {L[name]} - <i>optional</i>
        </Box>,
        <ControlledListEditor
          key="e"
          control={control}
          name={name}
          data-testid={`test-request-${name}`}
          columns={[
            { field: 'name', label: `${noun} name`, placeholder },
            { field: 'value', label: 'Value' },
          ]}
          addButtonText={`Add ${noun.toLowerCase()}`}
          emptyText={name === 'headers' ? 'No headers.' : 'No metadata.'}
          newItem={{ name: '', value: '' }}
        />,
      ]}
    </SpaceBetween>
  );
}

/** The Test request tab: the request typed here, evaluated by the console API as the user types. */
export default function TestRequestPanelContent(props: TestRequestPanelProps) {
  const { mesh, meshOwner, gatewayName, protocol } = props;
  const grpc = protocol === 'grpc';
  const definition = grpc ? GRPC_TEST_REQUEST_FORM : HTTP_TEST_REQUEST_FORM;
  const defaultValues = useMemo(defaultTestRequestValues, []);
  const kit = useModelForm<TestRequestFormValues, typeof definition.schema>(definition, { defaultValues });
  const { control, trigger, clearErrors } = kit.form;
  // A primitive, so the debounce waits for typing to stop, not for a new object on every render.
  const typed = JSON.stringify(useWatch({ control }));
  const settled = useDebouncedValue(typed, DEBOUNCE_MS);
  const { request, formProblem } = useMemo(() => {
    const values = { ...defaultValues, ...(JSON.parse(settled) as Partial<TestRequestFormValues>) };
    const parsed = definition.schema.safeParse(definition.toRequest(values));
    if (parsed.success) return { request: parsed.data as TestRequest, formProblem: undefined };
    const errors = toFieldErrors(definition, parsed.error.issues, values, 'validate') as {
      root?: { form?: { message?: string } };
    };
    return { request: undefined, formProblem: errors.root?.form?.message };
  }, [settled, definition, defaultValues]);
  // The model's messages at the fields as soon as typing stops (not only on blur).
  useEffect(() => {
    if (request === undefined) void trigger();
    else clearErrors();
  }, [request, trigger, clearErrors]);
  const query = useTestRequest(mesh, meshOwner, gatewayName, request);

  const hostField = (description: string) => (
    <ControlledInput
      key="host"
      control={control}
      name="host"
      label={L.host}
      optional
      description={description}
      placeholder="books.example.com"
    />
  );
  const fields = grpc
    ? [
        <ControlledInput
          key="serviceName"
          control={control}
          name="serviceName"
          label={L.serviceName}
          description="The fully qualified gRPC service, as in /<service>/<method>."
          placeholder="pkg.Service"
        />,
        <ControlledInput
          key="methodName"
          control={control}
          name="methodName"
          label={L.methodName}
          optional
          placeholder="GetItem"
        />,
        hostField('The :authority the client sends.'),
        <NameValueRows key="metadata" control={control} name="metadata" noun="Metadata" placeholder="tenant" />,
      ]
    : [
        <ControlledSelect
          key="method"
          control={control}
          name="method"
          label={L.method}
          options={HTTP_METHODS.map((m) => ({ value: m, label: m }))}
        />,
        <ControlledInput
          key="path"
          control={control}
          name="path"
          label={L.path}
          description="The path and query string the client asks for."
          placeholder="/chapter/1?x=1"
        />,
        hostField('The Host header the client sends.'),
        <NameValueRows key="headers" control={control} name="headers" noun="Header" placeholder="x-user" />,
      ];

  // The last answer with the request it answers: kept on screen while the next one loads.
  const answered = useRef<{ request: TestRequest; answer: TestRequestAnswer } | undefined>(undefined);
  if (request !== undefined && query.data !== undefined && !query.isPlaceholderData) {
    answered.current = { request, answer: query.data };
  }
  const last = answered.current;

  let answer: ReactNode;
  if (request === undefined) {
    answer = <Box color="text-status-inactive">Correct the request above to see where it goes.</Box>;
  } else if (query.isError) {
    answer = (
      <Alert type="error" header="Couldn't test the request">
        {errorMessage(query.error)}
      </Alert>
    );
  } else if (last === undefined) {
    answer = <StatusIndicator type="loading">Testing the request</StatusIndicator>;
  } else {
    answer = <Answer answer={last.answer} request={last.request} props={props} />;
  }

  return (
    <div data-testid="test-request-panel">
      <SpaceBetween size="l">
        {[
          <Container
            key="request"
            header={
              <Header
                variant="h2"
                description={`Which gateway route of ${gatewayName} takes a request, and what the virtual service receives after the rewrites. Nothing is sent to the mesh.`}
              >
                Test request
              </Header>
            }
          >
            <form noValidate onSubmit={(e) => e.preventDefault()}>
              <Form errorText={formProblem ?? kit.formError} errorIconAriaLabel="Error">
                <SpaceBetween size="l">{fields}</SpaceBetween>
              </Form>
            </form>
          </Container>,
          <Container key="answer" header={<Header variant="h2">Answer</Header>}>
            <div data-testid="test-request-result">{answer}</div>
          </Container>,
        ]}
      </SpaceBetween>
    </div>
  );
}
