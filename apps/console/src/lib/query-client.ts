import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** `retry: false`: a failure is final at once (the server render, which leaves errors to the browser; unit tests). */
export function createQueryClient(options: { retry?: false } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // A 4xx answer will not change by asking again; network and 5xx errors get one retry.
        retry:
          options.retry ??
          ((failureCount, error) => {
            if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
            return failureCount < 1;
          }),
      },
      mutations: { retry: false },
    },
  });
}

/** A server render's queries (entry-server.tsx): each one's key, data, and when the server read it. */
export type ServerQueries = [queryKey: readonly unknown[], data: unknown, updatedAt: number][];

/** Puts a server render's queries in the browser's cache, as fresh as when the server read them. */
export function seedQueries(client: QueryClient, queries: ServerQueries): void {
  for (const [key, data, updatedAt] of queries) client.setQueryData(key, data, { updatedAt });
}
