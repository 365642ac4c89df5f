import { z } from 'zod';
import { ListLimitSchema, NextTokenSchema, TagRefSchema, TimestampSchema } from './common';
import type { Page } from './console-api';
import { labelFor } from './labels';
import {
  DescribeGatewayRouteInputSchema,
  DescribeMeshInputSchema,
  DescribeVirtualGatewayInputSchema,
  DescribeVirtualServiceInputSchema,
} from './operations';

/**
 * Resource history (not an App Mesh operation): every version the mock mesh kept of a resource, and
 * the diff between two of them. The console API answers it; the console's History tab shows it.
 */

/** The surface a change came through: the console API (`/api`) or the App Mesh API (`/v20190125`). */
export const VIA = ['console', 'api'] as const;
export type Via = (typeof VIA)[number];
export const VIA_LABELS: Readonly<Record<Via, string>> = { console: 'Console', api: 'App Mesh API' };

/** One kept version: the spec and tags at that version, who wrote it and how; a deletion is `DELETED`. */
export const HistoryEntrySchema = z.object({
  version: z.number().int(),
  /** When the version was written, epoch seconds (like `lastUpdatedAt`). */
  at: TimestampSchema,
  by: z.object({ accountId: z.string(), via: z.enum(VIA) }),
  spec: z.record(z.string(), z.unknown()),
  /** The tags at that version; only the resource owner sees them (only the owner lists tags). */
  tags: z.array(TagRefSchema).optional(),
  status: z.enum(['ACTIVE', 'DELETED']),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `GET .../history`: newest first. */
export const HistoryPageSchema = z.object({ items: z.array(HistoryEntrySchema), nextToken: z.string().optional() });
export type HistoryPage = Page<HistoryEntry>;

const historyPage = { limit: ListLimitSchema.optional(), nextToken: NextTokenSchema.optional() };

/** Which resource's history, and which page of it. */
export const ListResourceHistoryInputSchema = z.discriminatedUnion(
  'resourceType',
  [
    DescribeMeshInputSchema.extend({ resourceType: z.literal('mesh'), ...historyPage }),
    DescribeVirtualServiceInputSchema.extend({ resourceType: z.literal('virtualService'), ...historyPage }),
    DescribeVirtualGatewayInputSchema.extend({ resourceType: z.literal('virtualGateway'), ...historyPage }),
    DescribeGatewayRouteInputSchema.extend({ resourceType: z.literal('gatewayRoute'), ...historyPage }),
  ],
  { error: 'Resource type must be mesh, virtualService, virtualGateway or gatewayRoute.' },
);
export type ListResourceHistoryInput = z.infer<typeof ListResourceHistoryInputSchema>;

/** An optional capability beside `MeshApi`: the local engine keeps history; the real-mesh adapter does not. */
export interface MeshApiHistory {
  listResourceHistory(input: ListResourceHistoryInput): Promise<HistoryPage>;
}

export function hasMeshApiHistory<T extends object>(api: T): api is T & MeshApiHistory {
  return typeof (api as Partial<MeshApiHistory>).listResourceHistory === 'function';
}

// ---------- diff

/** One changed leaf between two specs: its path (`listeners.0.portMapping.port`), label, old and new value. */
export interface SpecChange {
  path: string;
  /** The console label of the field, when the model has one. */
  label?: string;
  /** Absent when the field was added. */
  old?: unknown;
  /** Absent when the field was removed. */
  new?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf of a JSON value by its dotted path (list items by index); an empty object or list is a leaf. */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((item, i) => {
      leaves(item, join(String(i)), out);
    });
  } else if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) leaves(item, join(key), out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between two JSON documents (two versions' specs), in path order: each
 * changed, added or removed leaf once, with its console label where `FIELD_LABELS` has one.
 */
export function diffSpecs(before: unknown, after: unknown): SpecChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: SpecChange[] = [];
  for (const path of paths) {
    const inA = a.has(path);
    const inB = b.has(path);
    if (inA && inB && same(a.get(path), b.get(path))) continue;
    const change: SpecChange = { path };
    const label = path === '' ? undefined : labelFor(path);
    if (label !== undefined) change.label = label;
    if (inA) change.old = a.get(path);
    if (inB) change.new = b.get(path);
    changes.push(change);
  }
  return changes;
}
