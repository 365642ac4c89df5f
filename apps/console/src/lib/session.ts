import { SessionSchema } from '@meshconsole/model';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { queryKeys } from './query-keys';

/** `GET /api/session`: who the console acts as. */
export const getSession = (signal?: AbortSignal) => api.get('/api/session', SessionSchema, { signal });

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.session(), queryFn: ({ signal }) => getSession(signal), staleTime: Infinity });

export const useSession = () => useQuery(sessionQueryOptions());
