import type { TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useSession } from '../../../lib/session';

// The modal (and the signing code) load only when someone opens it: nothing on the first page load.
const ResetStoreModal = lazy(() => import('./reset-store-modal'));

/**
 * The top navigation's "Reset demo data" button and its modal, for the local mesh. The modal says when this
 * server does not allow reset, and why (`session.testSupport`).
 */
export function useResetStoreUtility(): { utilities: TopNavigationProps.Utility[]; overlay: ReactNode } {
  const session = useSession();
  const [open, setOpen] = useState(false);
  if (session.data?.backend !== 'local') return { utilities: [], overlay: null };
  return {
    utilities: [{ type: 'button', text: 'Reset demo data', iconName: 'refresh', onClick: () => setOpen(true) }],
    overlay: open ? (
      <Suspense fallback={null}>
        <ResetStoreModal session={session.data} onDismiss={() => setOpen(false)} />
      </Suspense>
    ) : null,
  };
}
