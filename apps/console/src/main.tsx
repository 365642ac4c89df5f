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

// The first render waits for the opening page's code (named in the HTML, so already on its way, as
// is its data): the first commit then shows the page, not the shell's fallback (lib/route-preload.ts).
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
