import { TagsAnswerSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/tags?resourceArn=` */
export function getTags(resourceArn: string, signal?: AbortSignal) {
  return api.get('/api/tags', TagsAnswerSchema, { query: { resourceArn }, signal });
}

export const tagsQueryOptions = (resourceArn: string) =>
  queryOptions({
    queryKey: queryKeys.tags.resource(resourceArn),
    queryFn: ({ signal }) => getTags(resourceArn, signal).then((answer) => answer.tags),
  });

/** `enabled` is false when the caller may not read the tags (only the resource owner may). */
export const useTags = (resourceArn: string, enabled = true) => useQuery({ ...tagsQueryOptions(resourceArn), enabled });
