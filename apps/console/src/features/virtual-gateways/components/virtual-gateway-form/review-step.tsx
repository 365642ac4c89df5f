import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import {
  CreateVirtualGatewayBodySchema,
  fieldLabel,
  VirtualGatewayBackendDefaultsSchema,
  VirtualGatewayListenerSchema,
  VirtualGatewayLoggingSchema,
} from '@meshconsole/model';
import { memo, type ReactNode } from 'react';
import { type UseFormSetValue, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { FormControl } from '../../../../components/form/form-fields';
import { clientPolicyItems, type Item, listenerItems, loggingItems } from '../virtual-gateway-configuration';
import { toRequest, type VirtualGatewayFormValues } from './form-definition';
import { RequestPreview } from './request-preview';
import { TagsSection } from './tags-section';

export interface ReviewStepProps {
  control: FormControl<VirtualGatewayFormValues>;
  setValue: UseFormSetValue<VirtualGatewayFormValues>;
  mesh: string;
  meshOwner: string | undefined;
  /** The steps before review, with the Edit button's target. */
  steps: ReadonlyArray<{ id: string; title: string }>;
  onEdit: (stepIndex: number) => void;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; message: string };

function parse<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S> | undefined> {
  if (value === undefined) return { ok: true, data: undefined };
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, message: result.error.issues[0]?.message ?? 'This step is not complete.' };
}

function StepSummary(props: {
  index: number;
  id: string;
  title: string;
  onEdit: (index: number) => void;
  children: ReactNode;
}) {
  return (
    <div data-testid={`review-${props.id}`}>
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <Button onClick={() => props.onEdit(props.index)} data-testid={`edit-step-${props.id}`}>
                Edit
              </Button>
            }
          >
            Step {props.index + 1}: {props.title}
          </Header>
        }
      >
        {props.children}
      </Container>
    </div>
  );
}

function Items({ items, empty }: { items: Item[]; empty: string }) {
  return items.length > 0 ? <KeyValuePairs columns={3} items={items} /> : <span>{empty}</span>;
}

function Problem({ message }: { message: string }) {
  return (
    <Alert type="warning" header="This step has a problem">
      {message}
    </Alert>
  );
}

/**
 * Review and create: a summary of each step, in the details page's terms, with an Edit button that
 * opens the step; the tags from Import JSON; the request as JSON and as an `aws appmesh` command.
 * A step whose values the model refuses says why here (Create virtual gateway then opens it).
 */
export const ReviewStep = memo(function ReviewStep(props: ReviewStepProps) {
  const values = useWatch({ control: props.control }) as VirtualGatewayFormValues;
  const request = toRequest(values);
  const spec = request.spec as Record<string, unknown>;
  const name = parse(CreateVirtualGatewayBodySchema.shape.virtualGatewayName, request.virtualGatewayName ?? '');
  const backendDefaults = parse(VirtualGatewayBackendDefaultsSchema, spec.backendDefaults);
  const logging = parse(VirtualGatewayLoggingSchema, spec.logging);
  const listener = parse(VirtualGatewayListenerSchema, (spec.listeners as unknown[] | undefined)?.[0]);
  const [details, loggingStep, listenerStep] = props.steps;

  const l = listener.ok ? listenerItems(listener.data) : undefined;
  const listenerGroups: KeyValuePairsProps.Item[] = l
    ? [
        { type: 'group', title: 'Listener', items: l.listener },
        ...(l.pool.length > 0 ? [{ type: 'group' as const, title: 'Connection pool', items: l.pool }] : []),
        ...(l.healthCheck.length > 0 ? [{ type: 'group' as const, title: 'Health check', items: l.healthCheck }] : []),
        ...(l.tls.length > 0 ? [{ type: 'group' as const, title: 'TLS termination', items: l.tls }] : []),
      ]
    : [];

  return (
    <div data-testid="review-step">
      <SpaceBetween size="l">
        {[
          <StepSummary key="details" index={0} id="details" title={details?.title ?? ''} onEdit={props.onEdit}>
            <SpaceBetween size="m">
              {[
                name.ok ? (
                  <KeyValuePairs
                    key="name"
                    columns={3}
                    items={[{ label: fieldLabel('virtualGatewayName'), value: name.data }]}
                  />
                ) : (
                  <Problem key="name" message={name.message} />
                ),
                backendDefaults.ok ? (
                  <Items
                    key="cp"
                    items={clientPolicyItems(backendDefaults.data)}
                    empty="No client policy defaults: the gateway doesn't enforce TLS toward virtual services."
                  />
                ) : (
                  <Problem key="cp" message={backendDefaults.message} />
                ),
              ]}
            </SpaceBetween>
          </StepSummary>,
          <StepSummary key="logging" index={1} id="logging" title={loggingStep?.title ?? ''} onEdit={props.onEdit}>
            {logging.ok ? (
              <Items items={loggingItems(logging.data)} empty="No access logs." />
            ) : (
              <Problem message={logging.message} />
            )}
          </StepSummary>,
          <StepSummary key="listener" index={2} id="listener" title={listenerStep?.title ?? ''} onEdit={props.onEdit}>
            {listener.ok ? (
              <KeyValuePairs columns={2} items={listenerGroups} />
            ) : (
              <Problem message={listener.message} />
            )}
          </StepSummary>,
          <TagsSection key="tags" control={props.control} setValue={props.setValue} />,
          <RequestPreview
            key="preview"
            control={props.control}
            mode="create"
            mesh={props.mesh}
            meshOwner={props.meshOwner}
          />,
        ]}
      </SpaceBetween>
    </div>
  );
});
