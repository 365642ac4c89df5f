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

export interface TextOptions {
  min?: number;
  max?: number;
}

/** A string member with the model's length limits. */
export function text(path: string, opts: TextOptions = {}) {
  const name = label(path);
  let schema = z.string({ error: requiredOr(name, `${name} must be text.`) });
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

export interface IntOptions {
  min?: number;
  max?: number;
  unit?: string;
}

/** An integer/long member with the model's range. */
export function int(path: string, opts: IntOptions = {}) {
  const name = label(path);
  const { min, max, unit } = opts;
  const suffix = unit ? ` ${unit}` : '';
  const rangeMessage =
    min !== undefined && max !== undefined
      ? `${name} must be between ${min} and ${max}${suffix}.`
      : min !== undefined
        ? `${name} must be at least ${min}${suffix}.`
        : `${name} must be at most ${max}${suffix}.`;
  let schema = z
    .number({ error: requiredOr(name, `${name} must be a number.`) })
    .int({ error: `${name} must be a whole number.` });
  if (min !== undefined) schema = schema.min(min, { error: rangeMessage });
  if (max !== undefined) schema = schema.max(max, { error: rangeMessage });
  return schema;
}

/** A long without limits (match ranges). */
export function long(path: string) {
  return int(path);
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
