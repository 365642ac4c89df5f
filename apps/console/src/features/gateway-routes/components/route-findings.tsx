import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { RouteFinding } from '@meshconsole/model';

/** Route check findings as status lines: an error (the route never takes a request) or a warning. */
export function RouteFindingList({ findings, testId }: { findings: readonly RouteFinding[]; testId?: string }) {
  return (
    <div data-testid={testId}>
      <SpaceBetween size="xxs">
        {findings.map((f) => (
          <StatusIndicator
            key={`${f.gatewayRouteName}:${f.code}:${f.otherRoute ?? ''}:${f.field ?? ''}`}
            type={f.severity === 'error' ? 'error' : 'warning'}
            wrapText
          >
            <span data-finding-code={f.code}>{f.message}</span>
          </StatusIndicator>
        ))}
      </SpaceBetween>
    </div>
  );
}
