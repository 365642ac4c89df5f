import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TestRequest, TestRequestAnswer } from '@meshconsole/model';

export interface RequestIn {
  /** The HTTP method (http/http2) or undefined (grpc requests are POSTs to `/<service>/<method>`). */
  method?: string;
  host: string | null;
  path: string;
}

/** A test request as the gateway's Envoy sees it arrive (a gRPC call is a POST to `/<service>/<method>`). */
export function requestInOf(request: TestRequest): RequestIn {
  if ('serviceName' in request) {
    return { host: request.host ?? null, path: `/${request.serviceName}/${request.methodName ?? ''}` };
  }
  return { method: request.method, host: request.host ?? null, path: request.path };
}

export interface RequestInOutProps {
  requestIn: RequestIn;
  /** What the virtual service receives, or null when no route takes the request. */
  target: TestRequestAnswer['target'];
  forwarded: TestRequestAnswer['forwarded'];
}

const NO_HOST = '(no host)';

/** "Request in / request out": host and path before and after the rewrites, and the virtual service it goes to. */
export function RequestInOut({ requestIn, target, forwarded }: RequestInOutProps) {
  const before = (
    <SpaceBetween key="in" size="xs">
      {[
        <Box key="h" variant="h3">
          Request in
        </Box>,
        <div key="kv" data-testid="request-in">
          <KeyValuePairs
            columns={1}
            items={[
              ...(requestIn.method ? [{ label: 'Method', value: requestIn.method }] : []),
              { label: 'Host', value: <code data-testid="request-in-host">{requestIn.host ?? NO_HOST}</code> },
              { label: 'Path', value: <code data-testid="request-in-path">{requestIn.path}</code> },
            ]}
          />
        </div>,
      ]}
    </SpaceBetween>
  );
  const after = (
    <SpaceBetween key="out" size="xs">
      {[
        <Box key="h" variant="h3">
          Request out
        </Box>,
        <div key="kv" data-testid="request-out">
          {target && forwarded ? (
            <KeyValuePairs
              columns={1}
              items={[
                {
                  label: 'Virtual service',
                  value: (
                    <span data-testid="forwarded-service">
                      {target.virtualServiceName}
                      {target.port !== null ? ` (port ${target.port})` : ''}
                    </span>
                  ),
                },
                { label: 'Host', value: <code data-testid="forwarded-host">{forwarded.host ?? NO_HOST}</code> },
                { label: 'Path', value: <code data-testid="forwarded-path">{forwarded.path}</code> },
                {
                  label: 'Rewrites',
                  value: (
                    <ul data-testid="forwarded-rewrites" style={{ margin: 0, paddingInlineStart: 16 }}>
                      {forwarded.rewrites.length > 0 ? (
                        forwarded.rewrites.map((r) => <li key={r}>{r}</li>)
                      ) : (
                        <li>None: the request is forwarded as it came.</li>
                      )}
                    </ul>
                  ),
                },
              ]}
            />
          ) : (
            <Box color="text-status-inactive">Not forwarded: no gateway route takes this request.</Box>
          )}
        </div>,
      ]}
    </SpaceBetween>
  );
  return (
    <ColumnLayout columns={2} variant="text-grid">
      {[before, after]}
    </ColumnLayout>
  );
}
