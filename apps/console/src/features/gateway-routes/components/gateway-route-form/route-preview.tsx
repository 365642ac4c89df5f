import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { lazy, Suspense } from 'react';
import type { RoutePreviewProps } from './route-preview-content';

export type { RouteFormRouting, RoutePreviewProps } from './route-preview-content';

// The routing package (route order, rewrites, RE2) loads with the preview, after the form shows.
const RoutePreviewContent = lazy(() => import('./route-preview-content'));

/** The route form's "request in / request out" preview and its route checks, before Create or Save. */
export function RoutePreview(props: RoutePreviewProps) {
  return (
    <Suspense
      fallback={
        <Box textAlign="center">
          <StatusIndicator type="loading">Loading the preview</StatusIndicator>
        </Box>
      }
    >
      <RoutePreviewContent {...props} />
    </Suspense>
  );
}
