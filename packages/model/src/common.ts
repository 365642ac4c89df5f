import { z } from 'zod';
import { int, label, list, struct, type TextOptions, text } from './fields';

/**
 * A name that travels as a request URI label. `.` and `..` are refused: the App Mesh API normalises the
 * path before it checks the signature and routes, so a resource with such a name could never be addressed.
 */
export function uriLabelName(path: string, opts: TextOptions) {
  const name = label(path);
  return text(path, opts).refine((v) => v !== '.' && v !== '..', { error: `${name} must not be "." or "..".` });
}

/** `ResourceName`: 1 to 255 characters. `/` would break the request URI, so it is refused too. */
export function resourceName(path: string) {
  const name = label(path);
  return uriLabelName(path, { min: 1, max: 255 }).refine((v) => !v.includes('/'), {
    error: `${name} must not contain "/".`,
  });
}

/** `AccountId`: exactly 12 characters (the service's constraint; account ids are 12 digits). */
export const AccountIdSchema = text('accountId', { min: 12, max: 12 });
export type AccountId = z.infer<typeof AccountIdSchema>;

export const MeshOwnerSchema = text('meshOwner', { min: 12, max: 12 }).optional();

/**
 * `clientToken`: "Up to 36 letters, numbers, hyphens, and underscores are allowed."
 * (the model's documentation of every create/update input; the SDKs fill a UUID when it is omitted).
 */
export const ClientTokenSchema = z
  .string({ error: (i) => (i.input === undefined ? 'Client token is required.' : 'Client token must be text.') })
  .regex(/^[A-Za-z0-9_-]{1,36}$/, {
    error: 'Client token must be 1 to 36 letters, digits, hyphens or underscores.',
  });

export const TagKeySchema = text('tags.*.key', { min: 1, max: 128 });
export const TagValueSchema = text('tags.*.value', { min: 0, max: 256 });

export const TagRefSchema = struct('tags.*', { key: TagKeySchema, value: TagValueSchema });
export type TagRef = z.infer<typeof TagRefSchema>;

export const TagListSchema = list('tags', TagRefSchema, { min: 0, max: 50 });
export type TagList = z.infer<typeof TagListSchema>;

export const TagKeyListSchema = list('tagKeys', text('tagKeys.*', { min: 1, max: 128 }), { min: 0, max: 50 });

export const ListLimitSchema = int('limit', { min: 1, max: 100 });
export const TagsLimitSchema = int('limit', { min: 1, max: 50 });
export const NextTokenSchema = text('nextToken');

export const ResourceArnSchema = text('resourceArn', { min: 1 });

/** Epoch seconds, as on the wire (restJson1 default timestamp format). */
export const TimestampSchema = z.number();

export const ResourceMetadataSchema = z.object({
  arn: z.string(),
  createdAt: TimestampSchema,
  lastUpdatedAt: TimestampSchema,
  meshOwner: z.string(),
  resourceOwner: z.string(),
  uid: z.string(),
  version: z.number().int(),
});
export type ResourceMetadata = z.infer<typeof ResourceMetadataSchema>;

export const STATUS_CODES = ['ACTIVE', 'INACTIVE', 'DELETED'] as const;
export const StatusCodeSchema = z.enum(STATUS_CODES);
export type StatusCode = z.infer<typeof StatusCodeSchema>;

/** Fields every `*Ref` (list item) carries. */
export const RefBaseSchema = z.object({
  arn: z.string(),
  createdAt: TimestampSchema,
  lastUpdatedAt: TimestampSchema,
  meshName: z.string(),
  meshOwner: z.string(),
  resourceOwner: z.string(),
  version: z.number().int(),
});
