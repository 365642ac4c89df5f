import { lazyPanel } from '../../../components/lazy-panel';
import type { HistoryPanelProps } from './history-panel-content';

export type { HistoryPanelProps } from './history-panel-content';

/**
 * A resource's history: its versions, a diff between any two, and Restore this version. The versions
 * table, the diff and the restore confirmation load only when the history is shown, so the details
 * pages stay within their budgets.
 */
export const HistoryPanel = lazyPanel<HistoryPanelProps>(
  () => import('./history-panel-content'),
  'Loading the history',
);
