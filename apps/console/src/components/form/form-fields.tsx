import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField, { type FormFieldProps } from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import RadioGroup, { type RadioGroupProps } from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Textarea from '@cloudscape-design/components/textarea';
import type { ReactNode } from 'react';
import {
  type ArrayPath,
  type Control,
  type ControllerRenderProps,
  type FieldArray,
  type FieldPath,
  type FieldValues,
  get,
  useController,
  useFieldArray,
  useFormState,
} from 'react-hook-form';

/**
 * The console's one adapter between react-hook-form and Cloudscape form controls. Every control is
 * controlled through `useController`, passes `field.ref` (so a failed submit focuses the first error)
 * and `field.onBlur` (so `mode: 'onTouched'` validates on blur, then on every change).
 *
 * Values are kept as the user typed them: text and number inputs hold strings, selects and radio
 * groups hold the option value, checkboxes hold booleans. Converting to the API's types is the form
 * schema's job.
 */

/**
 * A form's control, whatever its submitted type: a kit form (use-model-form) submits the parsed
 * request, not its values, and the controls only read and write values.
 */
// biome-ignore lint/suspicious/noExplicitAny: the context and submitted types do not matter to a control.
export type FormControl<T extends FieldValues> = Control<T, any, any>;

interface BaseFieldProps<T extends FieldValues> {
  control: FormControl<T>;
  name: FieldPath<T>;
  label: ReactNode;
  description?: ReactNode;
  constraintText?: ReactNode;
  info?: ReactNode;
  /** Appends " - optional" in italics, as Cloudscape marks optional fields. */
  optional?: boolean;
  stretch?: boolean;
  secondaryControl?: ReactNode;
  'data-testid'?: string;
}

function fieldLabel(label: ReactNode, optional?: boolean): ReactNode {
  if (!optional) return label;
  return (
    <span>
      {label} - <i>optional</i>
    </span>
  );
}

function Field(
  props: Pick<
    BaseFieldProps<FieldValues>,
    'label' | 'description' | 'constraintText' | 'info' | 'optional' | 'stretch' | 'secondaryControl' | 'data-testid'
  > & { errorText?: string; children: ReactNode },
) {
  const formFieldProps: FormFieldProps = {
    label: fieldLabel(props.label, props.optional),
    description: props.description,
    constraintText: props.constraintText,
    info: props.info,
    stretch: props.stretch,
    secondaryControl: props.secondaryControl,
    errorText: props.errorText,
  };
  return (
    <FormField {...formFieldProps} data-testid={props['data-testid']}>
      {props.children}
    </FormField>
  );
}

/** Binds a text control (Input, Textarea) to its field: the value stays the string the user typed. */
function textBinding<T extends FieldValues>(field: ControllerRenderProps<T, FieldPath<T>>) {
  return {
    ref: field.ref,
    value: field.value == null ? '' : String(field.value),
    onChange: ({ detail }: { detail: { value: string } }) => field.onChange(detail.value),
    onBlur: field.onBlur,
  };
}

export interface ControlledInputProps<T extends FieldValues> extends BaseFieldProps<T> {
  type?: InputProps.Type;
  inputMode?: InputProps.InputMode;
  placeholder?: string;
  readOnly?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  ariaLabel?: string;
  inputTestId?: string;
}

export function ControlledInput<T extends FieldValues>(props: ControlledInputProps<T>) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  return (
    <Field {...props} errorText={fieldState.error?.message}>
      <Input
        {...textBinding(field)}
        name={field.name}
        type={props.type}
        inputMode={props.inputMode ?? (props.type === 'number' ? 'numeric' : undefined)}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        ariaLabel={props.ariaLabel}
        invalid={!!fieldState.error}
        data-testid={props.inputTestId}
      />
    </Field>
  );
}

export interface ControlledTextareaProps<T extends FieldValues> extends BaseFieldProps<T> {
  placeholder?: string;
  rows?: number;
}

export function ControlledTextarea<T extends FieldValues>(props: ControlledTextareaProps<T>) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  return (
    <Field {...props} errorText={fieldState.error?.message}>
      <Textarea
        {...textBinding(field)}
        placeholder={props.placeholder}
        rows={props.rows}
        invalid={!!fieldState.error}
      />
    </Field>
  );
}

export interface ControlledSelectProps<T extends FieldValues> extends BaseFieldProps<T> {
  options: ReadonlyArray<{ value: string; label: string; description?: string }>;
  placeholder?: string;
  disabled?: boolean;
  /** `auto`: a filter box in the dropdown (long lists, e.g. virtual services). */
  filteringType?: SelectProps.FilteringType;
  statusType?: SelectProps['statusType'];
  loadingText?: string;
  /** Shown in the dropdown when there are no options. */
  empty?: ReactNode;
}

export function ControlledSelect<T extends FieldValues>(props: ControlledSelectProps<T>) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const options: SelectProps.Option[] = props.options.map((o) => ({ ...o }));
  const selected = options.find((o) => o.value === field.value) ?? null;
  return (
    <Field {...props} errorText={fieldState.error?.message}>
      <Select
        ref={field.ref}
        selectedOption={selected}
        options={options}
        onChange={({ detail }) => field.onChange(detail.selectedOption.value ?? '')}
        onBlur={field.onBlur}
        placeholder={props.placeholder}
        disabled={props.disabled}
        invalid={!!fieldState.error}
        filteringType={props.filteringType}
        filteringPlaceholder={props.filteringType && props.filteringType !== 'none' ? 'Find' : undefined}
        statusType={props.statusType}
        loadingText={props.loadingText}
        empty={props.empty}
      />
    </Field>
  );
}

export interface ControlledRadioGroupProps<T extends FieldValues> extends BaseFieldProps<T> {
  items: ReadonlyArray<RadioGroupProps.RadioButtonDefinition>;
}

export function ControlledRadioGroup<T extends FieldValues>(props: ControlledRadioGroupProps<T>) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  return (
    <Field {...props} errorText={fieldState.error?.message}>
      <RadioGroup
        ref={field.ref}
        value={field.value == null ? null : String(field.value)}
        items={[...props.items]}
        onChange={({ detail }) => {
          field.onChange(detail.value);
          field.onBlur();
        }}
      />
    </Field>
  );
}

export interface ControlledCheckboxProps<T extends FieldValues> {
  control: FormControl<T>;
  name: FieldPath<T>;
  /** The checkbox's own label (Cloudscape renders it beside the box). */
  children: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  /** Runs after the value changed (e.g. to fill in what a newly opened section starts with). */
  onChecked?: (checked: boolean) => void;
  'data-testid'?: string;
}

export function ControlledCheckbox<T extends FieldValues>(props: ControlledCheckboxProps<T>) {
  const { field } = useController({ control: props.control, name: props.name });
  return (
    <Checkbox
      ref={field.ref}
      checked={!!field.value}
      onChange={({ detail }) => {
        field.onChange(detail.checked);
        props.onChecked?.(detail.checked);
      }}
      onBlur={field.onBlur}
      description={props.description}
      disabled={props.disabled}
      data-testid={props['data-testid']}
    >
      {props.children}
    </Checkbox>
  );
}

/** An input without its own FormField, for cells of a list editor (the editor renders the label). */
/**
 * Messages of AttributeEditor rows, with Cloudscape's timing: a row field's message shows once the
 * user has left that field, or after a submit. (react-hook-form validates the whole field array as
 * soon as a row is added, so a fresh empty row would otherwise show "required" at once.)
 */
export function useRowErrors<T extends FieldValues>(control: FormControl<T>, name: FieldPath<T> | ArrayPath<T>) {
  const { errors, touchedFields, isSubmitted } = useFormState({ control, name: name as FieldPath<T> });
  return (path: string): string | undefined => {
    if (!isSubmitted && !get(touchedFields, path)) return undefined;
    return (get(errors, path) as { message?: string } | undefined)?.message;
  };
}

/**
 * An input without its own form field: a row of an AttributeEditor, whose column label (or
 * `ariaLabel`) names it and whose `errorText` (`useRowErrors`) shows its message. It is marked
 * invalid with the same timing.
 */
export function RowInput<T extends FieldValues>(props: {
  control: FormControl<T>;
  name: FieldPath<T>;
  ariaLabel?: string;
  placeholder?: string;
  inputMode?: InputProps['inputMode'];
}) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const { isSubmitted } = useFormState({ control: props.control });
  return (
    <Input
      {...textBinding(field)}
      name={field.name}
      placeholder={props.placeholder}
      ariaLabel={props.ariaLabel}
      inputMode={props.inputMode}
      invalid={!!fieldState.error && (fieldState.isTouched || isSubmitted)}
    />
  );
}

export interface ListEditorColumn {
  /** The key of each row object, e.g. 'value'. */
  field: string;
  label: string;
  placeholder?: string;
}

export interface ControlledListEditorProps<T extends FieldValues, N extends ArrayPath<T>> {
  control: FormControl<T>;
  name: N;
  columns: ListEditorColumn[];
  addButtonText: string;
  removeButtonText?: string;
  emptyText?: string;
  newItem: FieldArray<T, N>;
  'data-testid'?: string;
}

/** A repeatable list of rows (SANs, JSON log keys) on Cloudscape's AttributeEditor and RHF's useFieldArray. */
export function ControlledListEditor<T extends FieldValues, N extends ArrayPath<T>>(
  props: ControlledListEditorProps<T, N>,
) {
  const { fields, append, remove } = useFieldArray({ control: props.control, name: props.name });
  const errorAt = useRowErrors(props.control, props.name);
  return (
    <div data-testid={props['data-testid']}>
      <AttributeEditor
        items={fields}
        addButtonText={props.addButtonText}
        removeButtonText={props.removeButtonText ?? 'Remove'}
        empty={props.emptyText}
        onAddButtonClick={() => append(props.newItem)}
        onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
        definition={props.columns.map((column) => ({
          label: column.label,
          control: (_item: unknown, index: number) => (
            <RowInput
              control={props.control}
              name={`${props.name}.${index}.${column.field}` as FieldPath<T>}
              ariaLabel={`${column.label} ${index + 1}`}
              placeholder={column.placeholder}
            />
          ),
          errorText: (_item: unknown, index: number) => errorAt(`${props.name}.${index}.${column.field}`),
        }))}
      />
    </div>
  );
}
