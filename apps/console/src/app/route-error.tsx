import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last-resort error screen: a page that failed to load or render shows this, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error.';
  return (
    <Box padding="xxl">
      <SpaceBetween size="m">
        {[
          <Alert key="a" type="error" header="This page couldn't be shown">
            {message}
          </Alert>,
          <Button key="b" onClick={() => window.location.reload()}>
            Reload the page
          </Button>,
        ]}
      </SpaceBetween>
    </Box>
  );
}
