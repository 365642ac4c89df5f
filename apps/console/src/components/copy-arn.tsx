import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';

/** A resource's ARN, shown inline with a copy button (details pages). */
export function CopyArn({ arn, testId }: { arn: string; testId?: string }) {
  return (
    <CopyToClipboard
      variant="inline"
      textToCopy={arn}
      copyButtonAriaLabel="Copy ARN"
      copySuccessText="ARN copied"
      copyErrorText="ARN failed to copy"
      data-testid={testId}
    />
  );
}
