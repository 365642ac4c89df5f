import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Checkbox from '@cloudscape-design/components/checkbox';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { Controller, type UseFormClearErrors, useFieldArray, useWatch } from 'react-hook-form';
import type { FormControl } from '../../../../components/form/form-fields';
import { RowInput, useRowErrors } from '../../../../components/form/form-fields';
import {
  emptyHeaderRow,
  emptyQueryParameterRow,
  type GatewayRouteFormValues,
  MATCH_METHODS,
  MAX_MATCH_ROWS,
} from '../../form/gateway-route-form-definition';

/*
 * AttributeEditor rows bound to react-hook-form field arrays. Text inputs are the shared adapter's
 * `RowInput`; the match type select and checkboxes go through `Controller`. Every control passes
 * `field.ref` (a failed submit focuses the first error) and `field.onBlur` (validation on blur).
 */

const MATCH_METHOD_LABELS: Record<(typeof MATCH_METHODS)[number], string> = {
  exact: 'Exact',
  prefix: 'Prefix',
  suffix: 'Suffix',
  regex: 'Regex',
  range: 'Range',
  present: 'Present (any value)',
};
const MATCH_METHOD_OPTIONS = MATCH_METHODS.map((m) => ({ value: m, label: MATCH_METHOD_LABELS[m] }));

const I18N = { errorIconAriaLabel: 'Error', itemRemovedAriaLive: 'An item was removed.' };

export interface HeaderMatchEditorProps {
  control: FormControl<GatewayRouteFormValues>;
  name: 'headers' | 'metadata';
  /** "Header" or "Metadata": used in labels and buttons. */
  noun: string;
  /** Clears the value errors of a row whose match type changes (the old input is gone). */
  clearErrors: UseFormClearErrors<GatewayRouteFormValues>;
}

/** Headers (http/http2) or Metadata (grpc): name, match method and value, invert. 0 to 10 rows. */
export function HeaderMatchEditor({ control, name, noun, clearErrors }: HeaderMatchEditorProps) {
  const { fields, append, remove } = useFieldArray({ control, name });
  const errorAt = useRowErrors(control, name);
  const rows = useWatch({ control, name }) ?? [];
  const lower = noun.toLowerCase();

  return (
    <AttributeEditor
      data-testid={`${name}-editor`}
      items={fields}
      addButtonText={`Add ${lower}`}
      removeButtonText="Remove"
      removeButtonAriaLabel={(item) => `Remove ${lower} ${(item as { name?: string }).name || ''}`.trim()}
      onAddButtonClick={() => append(emptyHeaderRow())}
      onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
      disableAddButton={fields.length >= MAX_MATCH_ROWS}
      additionalInfo={`You can add up to ${MAX_MATCH_ROWS - fields.length} more ${lower === 'metadata' ? 'metadata entries' : `${lower}s`}. All of them must match.`}
      empty={`No ${lower === 'metadata' ? 'metadata' : `${lower}s`} to match.`}
      i18nStrings={I18N}
      definition={[
        {
          label: `${noun} name`,
          control: (_item, index) => (
            <RowInput
              control={control}
              name={`${name}.${index}.name`}
              placeholder={name === 'headers' ? 'x-canary' : 'tenant'}
            />
          ),
          errorText: (_item, index) => errorAt(`${name}.${index}.name`),
        },
        {
          label: 'Match type',
          control: (_item, index) => (
            <Controller
              control={control}
              name={`${name}.${index}.method`}
              render={({ field }) => (
                <Select
                  ref={field.ref}
                  selectedOption={MATCH_METHOD_OPTIONS.find((o) => o.value === field.value) ?? null}
                  options={MATCH_METHOD_OPTIONS}
                  onChange={({ detail }) => {
                    clearErrors([`${name}.${index}.value`, `${name}.${index}.rangeStart`, `${name}.${index}.rangeEnd`]);
                    field.onChange(detail.selectedOption.value);
                  }}
                  onBlur={field.onBlur}
                />
              )}
            />
          ),
        },
        {
          label: 'Value',
          control: (_item, index) =>
            rows[index]?.method === 'present' ? (
              <Input value="" disabled ariaLabel="Value" placeholder="Any value" />
            ) : rows[index]?.method === 'range' ? (
              <SpaceBetween direction="horizontal" size="xs">
                {(['rangeStart', 'rangeEnd'] as const).map((part) => (
                  <RowInput
                    key={part}
                    control={control}
                    name={`${name}.${index}.${part}`}
                    inputMode="numeric"
                    ariaLabel={part === 'rangeStart' ? 'Range start' : 'Range end'}
                    placeholder={part === 'rangeStart' ? 'Start' : 'End (excluded)'}
                  />
                ))}
              </SpaceBetween>
            ) : (
              <RowInput control={control} name={`${name}.${index}.value`} />
            ),
          // Both ends of a range are typed here: both of their messages show here.
          errorText: (_item, index) =>
            rows[index]?.method === 'range'
              ? [errorAt(`${name}.${index}.rangeStart`), errorAt(`${name}.${index}.rangeEnd`)]
                  .filter((m) => m !== undefined)
                  .join(' ') || undefined
              : errorAt(`${name}.${index}.value`),
        },
        {
          label: 'Invert',
          control: (_item, index) => (
            <Controller
              control={control}
              name={`${name}.${index}.invert`}
              render={({ field }) => (
                <Checkbox
                  ref={field.ref}
                  checked={field.value}
                  onChange={({ detail }) => field.onChange(detail.checked)}
                  onBlur={field.onBlur}
                >
                  Match anything else
                </Checkbox>
              )}
            />
          ),
        },
      ]}
    />
  );
}

/** Query parameters (http/http2): name and an optional exact value. 0 to 10 rows. */
export function QueryParameterEditor({ control }: { control: FormControl<GatewayRouteFormValues> }) {
  const { fields, append, remove } = useFieldArray({ control, name: 'queryParameters' });
  const errorAt = useRowErrors(control, 'queryParameters');
  return (
    <AttributeEditor
      data-testid="query-parameters-editor"
      items={fields}
      addButtonText="Add query parameter"
      removeButtonText="Remove"
      onAddButtonClick={() => append(emptyQueryParameterRow())}
      onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
      disableAddButton={fields.length >= MAX_MATCH_ROWS}
      additionalInfo={`You can add up to ${MAX_MATCH_ROWS - fields.length} more query parameters. All of them must match.`}
      empty="No query parameters to match."
      i18nStrings={I18N}
      definition={[
        {
          label: 'Query parameter name',
          control: (_item, index) => (
            <RowInput control={control} name={`queryParameters.${index}.name`} placeholder="version" />
          ),
          errorText: (_item, index) => errorAt(`queryParameters.${index}.name`),
        },
        {
          label: 'Exact value - optional',
          constraintText: 'Leave empty to match any value.',
          control: (_item, index) => (
            <RowInput control={control} name={`queryParameters.${index}.value`} placeholder="v2" />
          ),
          errorText: (_item, index) => errorAt(`queryParameters.${index}.value`),
        },
      ]}
    />
  );
}
