import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A panel whose code loads only when it is first shown (its own chunk), so the page that holds it
 * stays within its budget: `load` is the panel module's `import()`, `loading` what shows meanwhile.
 */
export function lazyPanel<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  loading: string,
): ComponentType<P> {
  const Content = lazy(load);
  function LazyPanel(props: P) {
    return (
      <Suspense
        fallback={
          <Box textAlign="center">
            <StatusIndicator type="loading">{loading}</StatusIndicator>
          </Box>
        }
      >
        <Content {...props} />
      </Suspense>
    );
  }
  return LazyPanel;
}
