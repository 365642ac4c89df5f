import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

/** App Mesh resource statuses (ACTIVE, INACTIVE, DELETED) in the console's terms, for every resource kind. */

export type StatusType = Extract<StatusIndicatorProps.Type, 'success' | 'stopped' | 'error' | 'info'>;

export function statusType(status: string | undefined): StatusType {
  if (status === 'ACTIVE') return 'success';
  if (status === 'INACTIVE') return 'stopped';
  if (status === 'DELETED') return 'error';
  return 'info';
}

/** `ACTIVE` -> `Active`; no status -> `Unknown`. */
export function statusText(status: string | undefined): string {
  if (!status) return 'Unknown';
  return status.charAt(0) + status.slice(1).toLowerCase();
}

/** A resource's status as a Cloudscape status indicator. */
export function ResourceStatus({ status, testId }: { status: string | undefined; testId?: string }) {
  return (
    <StatusIndicator type={statusType(status)} data-testid={testId}>
      {statusText(status)}
    </StatusIndicator>
  );
}
