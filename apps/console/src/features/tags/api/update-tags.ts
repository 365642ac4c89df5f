import { EmptyAnswerSchema, type TagRef } from '@meshconsole/model';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `POST /api/tags`: adds or overwrites tags. */
export function tagResource(resourceArn: string, tags: TagRef[]) {
  return api.post('/api/tags', EmptyAnswerSchema, { resourceArn, tags });
}

/** `POST /api/untag`: removes tags by key. */
export function untagResource(resourceArn: string, tagKeys: string[]) {
  return api.post('/api/untag', EmptyAnswerSchema, { resourceArn, tagKeys });
}

export interface TagChanges {
  /** Tags to add or overwrite. */
  tags: TagRef[];
  /** Keys to remove. */
  tagKeys: string[];
}

/** The two calls that turn `before` into `after` (removed keys, then new or changed tags). */
export function tagChanges(before: TagRef[], after: TagRef[]): TagChanges {
  const afterKeys = new Set(after.map((t) => t.key));
  const beforeByKey = new Map(before.map((t) => [t.key, t.value]));
  return {
    tagKeys: before.filter((t) => !afterKeys.has(t.key)).map((t) => t.key),
    tags: after.filter((t) => beforeByKey.get(t.key) !== t.value),
  };
}

export function useUpdateTags(resourceArn: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (changes: TagChanges) => {
      if (changes.tagKeys.length > 0) await untagResource(resourceArn, changes.tagKeys);
      if (changes.tags.length > 0) await tagResource(resourceArn, changes.tags);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.tags.resource(resourceArn) }),
  });
}
