import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { preloadHref } from '../lib/route-preload';

/**
 * When the pointer enters or focus reaches its children (a link or button the user is about to
 * follow), loads what the page at `href` needs: its code and its data, as the route table says
 * (`preloadHref`). `onIntent` adds what only the caller knows (e.g. seeding a details query from a
 * table row). Both must be cheap to repeat: prefetches skip fresh data and chunk preloads are shared.
 */
export function PrefetchOnIntent({
  href,
  onIntent,
  children,
}: {
  href: string | undefined;
  onIntent?: () => void;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const intent = () => {
    onIntent?.();
    if (href) preloadHref(client, href);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a hint only; the child stays the interactive element
    <span onMouseEnter={intent} onFocus={intent}>
      {children}
    </span>
  );
}
