import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/route-table';
import { createQueryClient } from './lib/query-client';
import { loadRoute } from './lib/route-preload';
import { matchRoute } from './lib/routes';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const queryClient = createQueryClient();
// The first load's loaders ask for the opening page's data while its code still loads.
const router = createAppRouter(queryClient);

// The first render waits for the opening page's code (its data is already on the way), so the first
// commit shows the page itself: a page that suspended would leave the shell's fallback up for
// React's reveal throttle (about 300 ms) after everything had arrived.
const opening = matchRoute(window.location.href);
void (opening ? loadRoute(opening.id) : Promise.resolve()).then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
