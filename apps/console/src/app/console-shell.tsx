import { AppShell } from '../components/app-shell';
import { useResetStoreUtility } from '../features/test-support/components/reset-store-utility';

/** The app shell with the features that live in its chrome (the top navigation's reset). */
export function ConsoleShell() {
  const reset = useResetStoreUtility();
  return <AppShell utilities={reset.utilities} overlay={reset.overlay} />;
}
