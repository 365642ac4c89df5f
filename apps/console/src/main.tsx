import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ConsoleApp } from './app/console-app';
import { createAppRouter } from './app/route-table';
import { createQueryClient, seedQueries } from './lib/query-client';
import { loadRoute } from './lib/route-preload';
import { matchRoute } from './lib/routes';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const queryClient = createQueryClient();
// A page the server rendered (the BFF's http/server-render.ts) carries its query cache: the first
// render is the server's, hydrated, and asks for nothing again.
const state = document.getElementById('meshconsole-state');
if (state?.textContent) seedQueries(queryClient, JSON.parse(state.textContent));
// Otherwise the first load's loaders ask for the opening page's data while its code still loads.
const router = createAppRouter(queryClient, Boolean(state));
const app = <ConsoleApp client={queryClient} router={<RouterProvider router={router} />} />;

// The first render waits for the opening page's code (named in the HTML, so already on its way, as
// is its data): the first commit then shows the page, not the shell's fallback (lib/route-preload.ts).
const opening = matchRoute(window.location.href);
void (opening ? loadRoute(opening.id) : Promise.resolve()).then(() => {
  if (state) hydrateRoot(container, app);
  else createRoot(container).render(app);
});
