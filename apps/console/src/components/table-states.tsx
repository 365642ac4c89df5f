import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';

export function TableEmptyState(props: { title: string; subtitle: string; action?: ReactNode }) {
  return (
    <Box margin={{ vertical: 'xs' }} textAlign="center" color="inherit">
      <SpaceBetween size="m">
        {[
          <div key="t">
            <b>{props.title}</b>
            <Box variant="p" color="inherit">
              {props.subtitle}
            </Box>
          </div>,
          ...(props.action ? [<div key="a">{props.action}</div>] : []),
        ]}
      </SpaceBetween>
    </Box>
  );
}

export function TableNoMatchState(props: { onClearFilter: () => void }) {
  return (
    <TableEmptyState
      title="No matches"
      subtitle="We can't find a match."
      action={<Button onClick={props.onClearFilter}>Clear filter</Button>}
    />
  );
}

/** A failed page-level fetch: an error alert with Retry. */
export function ErrorState(props: { header: string; message: string; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      header={props.header}
      action={
        <Button onClick={props.onRetry} data-testid="retry">
          Retry
        </Button>
      }
    >
      {props.message}
    </Alert>
  );
}

/** A failed fetch inside a table's empty slot, with Retry (never a blank table). */
export function TableErrorState(props: { header: string; message: string; onRetry: () => void }) {
  return (
    <Box margin={{ vertical: 'xs' }} textAlign="left">
      <ErrorState {...props} />
    </Box>
  );
}

/** A page waiting for its resource: a spinner and what is loading. */
export function PageLoading(props: { text: string }) {
  return (
    <Box padding="xxl" textAlign="center">
      <Spinner size="large" /> {props.text}
    </Box>
  );
}
