import { constraintText, fieldLabel } from '@meshconsole/model';
import {
  type FieldError,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  get,
  type Resolver,
  set,
} from 'react-hook-form';
import type { z } from 'zod';

/**
 * The console's one form kit. A form declares:
 * - `schema`: the model schema of the request it sends (the one the server validates with);
 * - `toRequest`: how its values (what the inputs hold) become that request;
 * - `paths`: where a problem at each request path is shown (the path map), in page order.
 *
 * The kit derives everything else from that declaration: the resolver (so the browser rejects a
 * value exactly when the server would, with the same message, and submit gets the parsed request),
 * the placement of server `fieldErrors`, the form-level error, focus on the first error (page order)
 * and each field's label and constraint text (the model's, by the path of its row).
 */

/** The form-level error: problems that belong to no input, named by the rows that send them here. */
export const FORM_ERROR = 'root.form' as const;
export type FormTarget<V extends FieldValues> = FieldPath<V> | typeof FORM_ERROR;

export interface PathRow<V extends FieldValues> {
  /**
   * A request path: dotted, `*` for any list index (`spec.listeners.*.healthCheck.intervalMillis`).
   * A row also takes the paths below it, unless a longer row matches.
   */
  path: string;
  /** The field that shows the problem; `$1`, `$2` stand for the path's `*` indexes (`sans.$1.value`). */
  field: FieldPath<V> | typeof FORM_ERROR | `${string}$${number}${string}`;
  /**
   * When given, the row applies only to values for which it holds (a union shown by the chosen
   * option); `indexes` are the path's `*` indexes (which row of a list).
   */
  when?: (values: V, indexes: string[]) => boolean;
  /** The field's label when it is not the model's label of `path` (shown by the form and checked by its test). */
  label?: string;
}

export interface ModelFormDefinition<V extends FieldValues, S extends z.ZodType> {
  schema: S;
  toRequest: (values: V) => unknown;
  paths: ReadonlyArray<PathRow<V>>;
  /** The field of a ConflictException without field errors (a duplicate name on create). */
  conflictField?: FieldPath<V>;
}

export function defineModelForm<V extends FieldValues, S extends z.ZodType>(
  definition: ModelFormDefinition<V, S>,
): ModelFormDefinition<V, S> {
  return definition;
}

function segments(path: string | ReadonlyArray<PropertyKey>): string[] {
  return (typeof path === 'string' ? path.split('.') : path.map(String)).filter((p) => p !== '');
}

/** The `*` indexes of `path` when `pattern` is a prefix of it, or undefined. */
function prefixMatch(pattern: string[], path: string[]): string[] | undefined {
  if (pattern.length > path.length) return undefined;
  const indexes: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    const s = path[i] as string;
    if (p === '*') {
      if (!/^\d+$/.test(s)) return undefined;
      indexes.push(s);
    } else if (p !== s) return undefined;
  }
  return indexes;
}

/** The row that takes a problem at `path` (the longest matching one that applies), and the field it names. */
export function rowOfPath<V extends FieldValues>(
  definition: Pick<ModelFormDefinition<V, z.ZodType>, 'paths'>,
  path: string | ReadonlyArray<PropertyKey>,
  values: V,
): { row: PathRow<V>; field: FormTarget<V> } | undefined {
  const parts = segments(path);
  let best: { row: PathRow<V>; indexes: string[]; length: number } | undefined;
  for (const row of definition.paths) {
    const pattern = row.path.split('.');
    if (best && pattern.length <= best.length) continue;
    const indexes = prefixMatch(pattern, parts);
    if (!indexes || (row.when && !row.when(values, indexes))) continue;
    best = { row, indexes, length: pattern.length };
  }
  if (!best) return undefined;
  const { row, indexes } = best;
  const field = row.field.replace(/\$(\d+)/g, (_m, n: string) => indexes[Number(n) - 1] ?? '0') as FormTarget<V>;
  return { row, field };
}

/** The field a problem at `path` belongs to; a path no row takes goes to the form error, never to a wrong input. */
export function fieldOfPath<V extends FieldValues>(
  definition: Pick<ModelFormDefinition<V, z.ZodType>, 'paths'>,
  path: string | ReadonlyArray<PropertyKey>,
  values: V,
): FormTarget<V> {
  return rowOfPath(definition, path, values)?.field ?? FORM_ERROR;
}

/** Issues as react-hook-form errors: the first message per field wins; unplaced ones join the form error. */
export function toFieldErrors<V extends FieldValues>(
  definition: Pick<ModelFormDefinition<V, z.ZodType>, 'paths'>,
  problems: ReadonlyArray<{ path: string | ReadonlyArray<PropertyKey>; message: string }>,
  values: V,
  type: string,
): FieldErrors<V> {
  const errors: FieldErrors<V> = {};
  for (const { path, message } of problems) {
    const field = fieldOfPath(definition, path, values);
    const current = get(errors, field) as FieldError | undefined;
    if (!current) set(errors, field, { type, message });
    else if (field === FORM_ERROR && !current.message?.includes(message))
      current.message = `${current.message} ${message}`;
  }
  return errors;
}

/**
 * The resolver: form values -> request -> the model schema. Valid values reach `handleSubmit` as
 * the parsed request (typed by the schema); each issue goes to the field its path belongs to.
 * With `mode: 'onTouched'` react-hook-form runs it on blur, then on each change of a field in error.
 */
export function modelResolver<V extends FieldValues, S extends z.ZodType>(
  definition: ModelFormDefinition<V, S>,
): Resolver<V, unknown, z.output<S>> {
  return async (values) => {
    const result = definition.schema.safeParse(definition.toRequest(values));
    if (result.success) return { values: result.data as z.output<S>, errors: {} };
    return { values: {}, errors: toFieldErrors(definition, result.error.issues, values, 'validate') };
  };
}

/** `clientPolicy.sans.$1.value` as a pattern of concrete field names. */
export function fieldPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\d+/g, '\\d+');
  return new RegExp(`^${escaped}$`);
}

/** Field names in page order: the order of the first row naming each (rows are written in page order). */
export function pageRank<V extends FieldValues>(
  definition: Pick<ModelFormDefinition<V, z.ZodType>, 'paths'>,
  field: string,
): [number, number] {
  const index = definition.paths.findIndex((row) => fieldPattern(row.field).test(field));
  const listIndex = Number(/\.(\d+)\./.exec(field)?.[1] ?? 0);
  return [index < 0 ? Number.MAX_SAFE_INTEGER : index, listIndex];
}

/** Every field name with an error (leaves of the errors object), without the form-level ones. */
export function errorFields(errors: object, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null || key === 'root' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') out.push(path);
    else if (typeof value === 'object') out.push(...errorFields(value as object, path));
  }
  return out;
}

/** The first field in error in page order, among `within` (field name prefixes) when given. */
export function firstErrorField<V extends FieldValues>(
  definition: Pick<ModelFormDefinition<V, z.ZodType>, 'paths'>,
  errors: object,
  within?: ReadonlyArray<string>,
): FieldPath<V> | undefined {
  const inScope = (f: string) => !within || within.some((w) => f === w || f.startsWith(`${w}.`));
  const fields = errorFields(errors).filter(inScope);
  fields.sort((a, b) => {
    const [ra, ia] = pageRank(definition, a);
    const [rb, ib] = pageRank(definition, b);
    return ra - rb || ia - ib;
  });
  return fields[0] as FieldPath<V> | undefined;
}

/**
 * A field's label and constraint text, from the model by the path of its row (the deepest row naming
 * it, `sans.1.value` matching `sans.$1.value`; a row's `label` wins): `<ControlledInput control={control} {...fieldText(form, 'listener.port')} />`.
 * `more` adds sentences after the model's bounds. Throws for a field no row names: a form shows
 * no input whose problems could not reach it.
 */
export function fieldText<V extends FieldValues>(
  definition: Pick<ModelFormDefinition<V, z.ZodType>, 'paths'>,
  name: FieldPath<V>,
  ...more: string[]
): { name: FieldPath<V>; label: string; constraintText?: string } {
  const rows = definition.paths.filter((row) => row.field === name || fieldPattern(row.field).test(name));
  if (rows.length === 0) throw new Error(`No path row names the field "${name}"`);
  const own = rows.reduce((a, b) => (b.path.split('.').length > a.path.split('.').length ? b : a));
  const label = rows.find((r) => r.label)?.label ?? fieldLabel(own.path);
  const hint = constraintText(own.path, ...more);
  return { name, label, ...(hint ? { constraintText: hint } : {}) };
}
