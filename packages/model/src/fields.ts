import { z } from 'zod';
import { FIELD_LABELS } from './labels';

/** The console label of a field path; a typo in a path fails at import time, not in front of a user. */
export function label(path: string): string {
  const found = FIELD_LABELS[path];
  if (found === undefined) throw new Error(`No console label for field path "${path}"`);
  return found;
}

type Issue = { code: string; input?: unknown };

function requiredOr(name: string, otherwise: string) {
  return (issue: Issue) => (issue.input === undefined ? `${name} is required.` : otherwise);
}

/** True when `value` holds no unpaired UTF-16 surrogate, i.e. it can be written as UTF-8 and read back. */
export function isWellFormedText(value: string): boolean {
  // In a `u` regular expression a surrogate half matches `\p{Cs}` only when it is unpaired.
  return !/\p{Cs}/u.test(value);
}

export interface TextOptions {
  min?: number;
  max?: number;
}

/**
 * A string member with the model's length limits. Every string is well-formed Unicode: a lone surrogate
 * (JSON `"\ud800"`) cannot be stored as UTF-8 and read back, so it is refused here, for every entry point.
 */
export function text(path: string, opts: TextOptions = {}) {
  const name = label(path);
  let schema = z
    .string({ error: requiredOr(name, `${name} must be text.`) })
    .refine(isWellFormedText, { error: `${name} must be well-formed Unicode text (it holds an unpaired surrogate).` });
  const { min, max } = opts;
  const lengthMessage = lengthText(name, min, max);
  if (min !== undefined && min > 0) {
    // An empty value reads as a missing one to a person filling in a form.
    schema = schema.min(min, { error: min === 1 ? `${name} is required.` : lengthMessage });
  }
  if (max !== undefined) schema = schema.max(max, { error: lengthMessage });
  return schema;
}

function lengthText(name: string, min: number | undefined, max: number | undefined): string {
  if (min !== undefined && min === max) return `${name} must be exactly ${min} characters.`;
  if (min !== undefined && min > 0 && max !== undefined) return `${name} must be ${min} to ${max} characters.`;
  if (max !== undefined) return `${name} must be at most ${max} characters.`;
  return `${name} must be at least ${min} characters.`;
}

/** The service model's `integer`: 32-bit signed. */
export const INTEGER_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;
/**
 * The service model's `long` is 64-bit signed; a JSON number holds whole numbers exactly only up to 2^53 - 1
 * (JavaScript's safe integers), so that is the range a `long` member accepts.
 */
export const LONG_RANGE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } as const;

export interface IntOptions {
  min?: number;
  max?: number;
  unit?: string;
  /** the model's type: `integer` (32-bit, the default) or `long` */
  width?: 'integer' | 'long';
}

/** An integer/long member with the model's range, and never beyond its type's width. */
export function int(path: string, opts: IntOptions = {}) {
  const name = label(path);
  const { min, max, unit } = opts;
  const width = opts.width === 'long' ? LONG_RANGE : INTEGER_RANGE;
  const suffix = unit ? ` ${unit}` : '';
  const rangeMessage =
    min !== undefined && max !== undefined
      ? `${name} must be between ${min} and ${max}${suffix}.`
      : min !== undefined
        ? `${name} must be at least ${min}${suffix}.`
        : `${name} must be at most ${max}${suffix}.`;
  let schema = z.number({ error: requiredOr(name, `${name} must be a number.`) }).int({
    // zod's integers are the safe ones: beyond 2^53 - 1 it reports too_big / too_small, not "not whole"
    error: (issue) =>
      issue.code === 'too_big'
        ? `${name} must be at most ${width.max}${suffix}.`
        : issue.code === 'too_small'
          ? `${name} must be at least ${width.min}${suffix}.`
          : `${name} must be a whole number.`,
  });
  if (min !== undefined) schema = schema.min(min, { error: rangeMessage });
  else schema = schema.min(width.min, { error: `${name} must be at least ${width.min}${suffix}.` });
  if (max !== undefined) schema = schema.max(max, { error: rangeMessage });
  else schema = schema.max(width.max, { error: `${name} must be at most ${width.max}${suffix}.` });
  return schema;
}

/** A `long` without limits in the model (match ranges). */
export function long(path: string) {
  return int(path, { width: 'long' });
}

export function bool(path: string) {
  const name = label(path);
  return z.boolean({ error: requiredOr(name, `${name} must be true or false.`) });
}

export function oneOf<const T extends readonly [string, ...string[]]>(path: string, values: T) {
  const name = label(path);
  return z.enum(values, { error: requiredOr(name, `${name} must be one of ${values.join(', ')}.`) });
}

export interface ListOptions {
  min?: number;
  max?: number;
}

export function list<T extends z.ZodType>(path: string, item: T, opts: ListOptions = {}) {
  const name = label(path);
  let schema = z.array(item, { error: requiredOr(name, `${name} must be a list.`) });
  const { min, max } = opts;
  const message =
    min !== undefined && min > 0 && max !== undefined
      ? `${name} must have ${min} to ${max} ${max === 1 ? 'item' : 'items'}.`
      : max !== undefined
        ? `${name} must have at most ${max} items.`
        : `${name} must have at least ${min} ${min === 1 ? 'item' : 'items'}.`;
  if (min !== undefined && min > 0) schema = schema.min(min, { error: message });
  if (max !== undefined) schema = schema.max(max, { error: message });
  return schema;
}

/** A plain structure: the message for a missing or non-object value names the field. */
export function struct<S extends z.ZodRawShape>(path: string, shape: S) {
  const name = label(path);
  return z.object(shape, { error: requiredOr(name, `${name} must be an object.`) });
}

/** "exactly one of" message: `Certificate method must set exactly one of acm, file, sds.` */
export function exactlyOneMessage(name: string, keys: readonly string[], set: readonly string[]): string {
  const options = keys.length === 2 ? `${keys[0]} or ${keys[1]}` : `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`;
  return set.length === 0
    ? `${name} must set exactly one of ${options}.`
    : `${name} must set only one of ${options}, not both ${set.slice(0, 2).join(' and ')}.`;
}

export interface UnionOptions {
  /** Members the API does not take here, with the message to show when one is sent anyway. */
  forbidden?: Record<string, string>;
}

/**
 * A model union (`"union": true`): an object whose members are all optional and exactly one is set.
 */
export function union<S extends z.ZodRawShape>(path: string, shape: S, options: UnionOptions = {}) {
  const name = label(path);
  const keys = Object.keys(shape);
  const forbidden = options.forbidden ?? {};
  const extra = Object.fromEntries(Object.keys(forbidden).map((k) => [k, z.unknown().optional()]));
  return z
    .object({ ...shape, ...extra }, { error: requiredOr(name, `${name} must be an object.`) })
    .superRefine((value, ctx) => {
      const record = value as Record<string, unknown>;
      let refused = false;
      for (const [k, message] of Object.entries(forbidden)) {
        if (record[k] !== undefined) {
          ctx.addIssue({ code: 'custom', message, path: [k] });
          refused = true;
        }
      }
      const set = keys.filter((k) => record[k] !== undefined);
      if (set.length > 1 || (set.length === 0 && !refused)) {
        ctx.addIssue({ code: 'custom', message: exactlyOneMessage(name, keys, set), path: [] });
      }
    }) as unknown as z.ZodObject<S>;
}
