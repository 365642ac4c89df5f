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
    schema = schema.min(min, {
      error: min === 1 && max === undefined ? `${name} is required.` : lengthMessage,
    });
  }
  if (max !== undefined) schema = schema.max(max, { error: lengthMessage });
  return schema;
}

function lengthText(name: string, min: number | undefined, max: number | undefined): string {
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

/**
 * A model union (`"union": true`): an object whose members are all optional and exactly one is set.
 */
export function union<S extends z.ZodRawShape>(path: string, shape: S) {
  const name = label(path);
  const keys = Object.keys(shape);
  return z.object(shape, { error: requiredOr(name, `${name} must be an object.`) }).superRefine((value, ctx) => {
    const set = keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          set.length === 0
            ? `${name} must set exactly one of ${keys.join(', ')}.`
            : `${name} must set exactly one of ${keys.join(', ')}, not ${set.join(' and ')}.`,
        path: [],
      });
    }
  });
}
