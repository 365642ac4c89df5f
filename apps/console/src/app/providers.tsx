import '@cloudscape-design/global-styles/index.css';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import enMessages from '@cloudscape-design/components/i18n/messages/all.en.json';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { FlashProvider } from '../components/app-shell';
import { createQueryClient } from '../lib/query-client';
import { readThemeMode, setThemeMode } from '../lib/theme-mode';

// The browser's mode (the server render has no document: the browser applies it before hydrating).
if (!import.meta.env.SSR) setThemeMode(readThemeMode());

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nProvider locale="en" messages={[enMessages]}>
      <QueryClientProvider client={client}>
        <FlashProvider>{children}</FlashProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
