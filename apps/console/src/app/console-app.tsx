import type { QueryClient } from '@tanstack/react-query';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { AppProviders } from './providers';

/** Once the console has hydrated a server-rendered page, it takes input: `#root` is `inert` until then. */
function Hydrated() {
  useEffect(() => {
    document.getElementById('root')?.removeAttribute('inert');
  }, []);
  return null;
}

/**
 * The console's root, the same tree in the browser (main.tsx, with the browser's router) and in the
 * server render (entry-server.tsx, with a static router), so that hydration finds what it rendered
 * (the ids of `useId` depend on the tree's shape).
 */
export function ConsoleApp({ client, router }: { client: QueryClient; router: ReactNode }) {
  return (
    <StrictMode>
      <AppProviders queryClient={client}>
        {router}
        <Hydrated />
      </AppProviders>
    </StrictMode>
  );
}
