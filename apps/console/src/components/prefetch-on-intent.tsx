import type { ReactNode } from 'react';

/**
 * Runs `onIntent` when the pointer enters or focus reaches its children (a link or button the user
 * is about to follow), so the next page's code and data load before the click. `onIntent` must be
 * cheap to repeat: TanStack Query's prefetch skips fresh data, and chunk preloads are shared.
 */
export function PrefetchOnIntent({ onIntent, children }: { onIntent: () => void; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a hint only; the child stays the interactive element
    <span onMouseEnter={onIntent} onFocus={onIntent}>
      {children}
    </span>
  );
}
