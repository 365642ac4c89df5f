import type { z } from 'zod';
import {
  CreateGatewayRouteBodySchema,
  CreateVirtualGatewayBodySchema,
  CreateVirtualServiceBodySchema,
} from './console-api';
import { INTEGER_RANGE, LONG_RANGE } from './fields';
import { FIELD_LABELS } from './labels';

/**
 * What a form shows beside a field, read from the schemas themselves (never typed again in a form):
 * the bounds of a number, a text length or a list size, and the request paths a schema can report
 * a problem at. Keys are the label paths of `FIELD_LABELS` (`listeners.*.healthCheck.intervalMillis`).
 */

/** Units of numbers whose message names one ("... between 5000 and 300000 ms."). */
export const FIELD_UNITS: Readonly<Record<string, string>> = {
  'listeners.*.healthCheck.intervalMillis': 'ms',
  'listeners.*.healthCheck.timeoutMillis': 'ms',
};

export interface FieldBounds {
  /** `value` for numbers, `length` for text, `items` for lists. */
  of: 'value' | 'length' | 'items';
  min?: number;
  max?: number;
  unit?: string;
}

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  checks?: Array<{
    _zod: { def: { check: string; value?: number; minimum?: number; maximum?: number; length?: number } };
  }>;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The schema under `optional()`, `nullable()` and `default()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (!def.innerType || !['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)) {
      return current;
    }
    current = def.innerType;
  }
}

/** The bounds a schema enforces (number range, text length, list size), if any. */
export function boundsOf(schema: z.ZodType): FieldBounds | undefined {
  const def = defOf(unwrap(schema));
  const of = def.type === 'number' ? 'value' : def.type === 'string' ? 'length' : def.type === 'array' ? 'items' : null;
  if (!of) return undefined;
  const bounds: FieldBounds = { of };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'greater_than' && c.value !== undefined) bounds.min = c.value;
    else if (c.check === 'less_than' && c.value !== undefined) bounds.max = c.value;
    else if (c.check === 'min_length' && c.minimum !== undefined) bounds.min = c.minimum;
    else if (c.check === 'max_length' && c.maximum !== undefined) bounds.max = c.maximum;
    else if (c.check === 'length_equals' && c.length !== undefined) bounds.min = bounds.max = c.length;
  }
  // No minimum length or size is no bound; an empty text reads as "required" to a person, so a minimum
  // of 1 character alone is not a bound worth showing either.
  if (of !== 'value' && bounds.min === 0) delete bounds.min;
  // A number's type width (32-bit integer, safe long) is not a bound the model gives: "At least 1", not
  // "1 to 2147483647".
  if (of === 'value' && (bounds.min === INTEGER_RANGE.min || bounds.min === LONG_RANGE.min)) delete bounds.min;
  if (of === 'value' && (bounds.max === INTEGER_RANGE.max || bounds.max === LONG_RANGE.max)) delete bounds.max;
  if (of === 'length' && bounds.min === 1 && bounds.max === undefined) delete bounds.min;
  if (bounds.min === undefined && bounds.max === undefined) return undefined;
  return bounds;
}

export interface RequestPathInfo {
  /** Dotted, from the schema's root, `*` for list items: `spec.listeners.*.healthCheck.intervalMillis`. */
  path: string;
  /** The member may be left out (a missing one is no problem). */
  optional: boolean;
  /** Nothing below it: a text, number, boolean or enum. */
  leaf: boolean;
}

/**
 * Every path a schema can report a problem at, in the schema's own order: each member, each list
 * item (`*`), each object and union (an "exactly one of" lands on the union itself).
 */
export function requestPathInfo(schema: z.ZodType): RequestPathInfo[] {
  const out: RequestPathInfo[] = [];
  const visit = (node: z.ZodType, path: string, optional: boolean) => {
    const def = defOf(unwrap(node));
    const hasShape = def.type === 'object' && def.shape;
    const hasElement = def.type === 'array' && def.element;
    if (path !== '') out.push({ path, optional, leaf: !hasShape && !hasElement });
    if (hasShape) {
      for (const [key, member] of Object.entries(def.shape ?? {})) {
        visit(member, path ? `${path}.${key}` : key, defOf(member).type === 'optional');
      }
    } else if (hasElement && def.element) {
      visit(def.element, `${path}.*`, true);
    }
  };
  visit(schema, '', false);
  return out;
}

/** The paths of `requestPathInfo`. */
export function requestPaths(schema: z.ZodType): string[] {
  return requestPathInfo(schema).map((p) => p.path);
}

/** Label path of a request path: list indexes as `*`, without the leading `spec`. */
function labelKey(path: string): string {
  return path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? '*' : p))
    .join('.')
    .replace(/^spec\./, '');
}

let registry: Map<string, z.ZodType> | undefined;

/** The schema of each label path, from the console API's request bodies (built once, on first use). */
function schemaByPath(): Map<string, z.ZodType> {
  if (registry) return registry;
  const map = new Map<string, z.ZodType>();
  for (const body of [CreateVirtualGatewayBodySchema, CreateGatewayRouteBodySchema, CreateVirtualServiceBodySchema]) {
    const visit = (node: z.ZodType, path: string) => {
      const inner = unwrap(node);
      const key = labelKey(path);
      if (path !== '' && !map.has(key)) map.set(key, inner);
      const def = defOf(inner);
      if (def.type === 'object' && def.shape) {
        for (const [k, member] of Object.entries(def.shape)) visit(member, path ? `${path}.${k}` : k);
      } else if (def.type === 'array' && def.element) {
        visit(def.element, `${path}.*`);
      }
    };
    visit(body, '');
  }
  registry = map;
  return map;
}

/** The bounds of a field by its label path or request path (`spec.listeners.0.portMapping.port` works too). */
export function fieldBounds(path: string): FieldBounds | undefined {
  const key = labelKey(path);
  const schema = schemaByPath().get(key);
  if (!schema) return undefined;
  const bounds = boundsOf(schema);
  const unit = FIELD_UNITS[key];
  return bounds && unit ? { ...bounds, unit } : bounds;
}

const NOUNS: Record<FieldBounds['of'], [one: string, many: string] | undefined> = {
  value: undefined,
  length: ['character', 'characters'],
  items: ['item', 'items'],
};

/**
 * The bounds as words, without a final period: "1 to 65535", "5000 to 300000 ms", "At least 1",
 * "1 to 255 characters", "1 to 3 items". Undefined when the field has none.
 */
export function rangeText(path: string): string | undefined {
  const b = fieldBounds(path);
  if (!b) return undefined;
  const noun = NOUNS[b.of];
  const suffix = (n: number) => (b.unit ? ` ${b.unit}` : noun ? ` ${n === 1 ? noun[0] : noun[1]}` : '');
  if (b.min !== undefined && b.max !== undefined) {
    return b.min === b.max ? `Exactly ${b.max}${suffix(b.max)}` : `${b.min} to ${b.max}${suffix(b.max)}`;
  }
  if (b.min !== undefined) return `At least ${b.min}${suffix(b.min)}`;
  return `At most ${b.max}${suffix(b.max ?? 0)}`;
}

/**
 * A form field's constraint text: its bounds (`rangeText`) as a sentence, then any sentences the form
 * adds (`constraintText('listeners.*.portMapping.port', 'Fargate needs a port above 1024.')`).
 */
export function constraintText(path: string, ...more: string[]): string | undefined {
  const range = rangeText(path);
  const sentences = [...(range ? [`${range}.`] : []), ...more];
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** The console label of a label path; throws for a path without one (a typo fails the first render). */
export function fieldLabel(path: string): string {
  const label = FIELD_LABELS[labelKey(path)];
  if (label === undefined) throw new Error(`No console label for field path "${path}"`);
  return label;
}
