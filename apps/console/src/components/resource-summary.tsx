import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { formatTimestamp } from '../lib/format';
import { CopyArn } from './copy-arn';
import { ResourceStatus } from './resource-status';

export interface SummaryMetadata {
  arn: string;
  meshOwner: string;
  resourceOwner: string;
  version: number;
  createdAt: number;
  lastUpdatedAt: number;
}

/** A details page's "General configuration": ARN, status, owners, version and times (test ids `details-*`). */
export function ResourceSummary({ metadata, status }: { metadata: SummaryMetadata; status: string }) {
  return (
    <div data-testid="details-summary">
      <Container header={<Header variant="h2">General configuration</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'ARN', value: <CopyArn arn={metadata.arn} testId="details-arn" /> },
            { label: 'Status', value: <ResourceStatus status={status} testId="details-status" /> },
            { label: 'Mesh owner', value: <span data-testid="details-mesh-owner">{metadata.meshOwner}</span> },
            {
              label: 'Resource owner',
              value: <span data-testid="details-resource-owner">{metadata.resourceOwner}</span>,
            },
            { label: 'Version', value: <span data-testid="details-version">{metadata.version}</span> },
            { label: 'Created', value: formatTimestamp(metadata.createdAt) },
            { label: 'Last updated', value: formatTimestamp(metadata.lastUpdatedAt) },
          ]}
        />
      </Container>
    </div>
  );
}
