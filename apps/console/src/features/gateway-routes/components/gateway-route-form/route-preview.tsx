import { lazyPanel } from '../../../../components/lazy-panel';
import type { RoutePreviewProps } from './route-preview-content';

export type { RouteFormRouting, RoutePreviewProps } from './route-preview-content';

/**
 * The route form's "request in / request out" preview and its route checks, before Create or Save. The
 * routing package (route order, rewrites, RE2) loads with the preview, after the form shows.
 */
export const RoutePreview = lazyPanel<RoutePreviewProps>(
  () => import('./route-preview-content'),
  'Loading the preview',
);
