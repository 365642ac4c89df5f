import {
  type EmptyAnswer,
  ListTagsForResourceInputSchema,
  type MeshApi,
  parseOrThrow,
  type TagRef,
  TagResourceBodySchema,
  type TagsAnswer,
  UntagResourceBodySchema,
} from '@meshconsole/model';

const TagsQuerySchema = ListTagsForResourceInputSchema.pick({ resourceArn: true });

/** Every tag of a resource (all pages). */
export async function listTags(api: MeshApi, query: unknown): Promise<TagsAnswer> {
  const { resourceArn } = parseOrThrow(TagsQuerySchema, query);
  const tags: TagRef[] = [];
  let nextToken: string | undefined;
  do {
    const out = await api.listTagsForResource(nextToken ? { resourceArn, nextToken } : { resourceArn });
    tags.push(...out.tags);
    nextToken = out.nextToken ?? undefined;
  } while (nextToken);
  return { tags };
}

export async function tagResource(api: MeshApi, body: unknown): Promise<EmptyAnswer> {
  await api.tagResource(parseOrThrow(TagResourceBodySchema, body));
  return {};
}

export async function untagResource(api: MeshApi, body: unknown): Promise<EmptyAnswer> {
  await api.untagResource(parseOrThrow(UntagResourceBodySchema, body));
  return {};
}
