import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { type GatewayRouteData, GatewayRouteSpecSchema, type VirtualGatewaySpec } from '@meshconsole/model';
import { checkCandidate, type GatewayRouteEntry, listenerOf, testRequest, withCandidate } from '@meshconsole/routing';
import { type ReactNode, useMemo } from 'react';
import { buildGatewayRouteSpec, type GatewayRouteFormValues } from '../../form/gateway-route-form-definition';
import { sampleRequest } from '../../form/sample-request';
import { RequestInOut, requestInOf } from '../request-in-out';
import { RouteFindingList } from '../route-findings';

/** What the form knows of the gateway it adds a route to (loaded by the page). */
export interface RouteFormRouting {
  gatewaySpec: VirtualGatewaySpec | undefined;
  /** The gateway's saved routes. */
  routes: readonly GatewayRouteData[] | undefined;
}

export interface RoutePreviewProps {
  values: GatewayRouteFormValues;
  routing: RouteFormRouting;
  /** On the edit page: the saved route this form replaces. */
  replacing?: string;
}

const UNNAMED = '(this route)';

/** The route form's preview: its own match and rewrites on a sample request, and its route checks. */
export default function RoutePreviewContent({ values, routing, replacing }: RoutePreviewProps) {
  const { gatewaySpec, routes } = routing;
  const result = useMemo(() => {
    if (!gatewaySpec) return { kind: 'loading' as const };
    // The spec alone: the preview does not wait for a name.
    const parsed = GatewayRouteSpecSchema.safeParse(buildGatewayRouteSpec(values));
    if (!parsed.success) return { kind: 'incomplete' as const };
    const listener = listenerOf(gatewaySpec);
    const candidate: GatewayRouteEntry = { gatewayRouteName: values.gatewayRouteName || UNNAMED, spec: parsed.data };
    const saved: GatewayRouteEntry[] = (routes ?? []).map((r) => ({
      gatewayRouteName: r.gatewayRouteName,
      spec: r.spec,
    }));
    const options = replacing === undefined ? {} : { replacing };
    const findings = checkCandidate(listener, saved, candidate, options);
    const request = sampleRequest(parsed.data, listener.protocol);
    if (!request) return { kind: 'no-sample' as const, findings };
    const alone = testRequest(listener, [candidate], request);
    const among = testRequest(listener, withCandidate(saved, candidate, options), request);
    return { kind: 'ready' as const, candidate: candidate.gatewayRouteName, request, alone, among, findings };
  }, [values, gatewaySpec, routes, replacing]);

  let preview: ReactNode;
  if (result.kind === 'loading')
    preview = <StatusIndicator type="loading">Loading the virtual gateway</StatusIndicator>;
  else if (result.kind === 'incomplete')
    preview = <Box color="text-status-inactive">Complete the match and the target to see the preview.</Box>;
  else if (result.kind === 'no-sample')
    preview = (
      <Box color="text-status-inactive">
        The console cannot make up a path for this regular expression: use the Test request tab of the virtual gateway
        with a path of your own.
      </Box>
    );
  else {
    const { request, alone, among, candidate } = result;
    const other = among.matched && among.matched.gatewayRouteName !== candidate ? among.matched.gatewayRouteName : null;
    const own = alone.routes[0];
    preview = (
      <SpaceBetween size="m">
        {[
          alone.matched ? null : (
            <Alert key="nomatch" type="warning" header="This route does not take this request">
              {own?.reason}
            </Alert>
          ),
          <RequestInOut
            key="inout"
            requestIn={requestInOf(request)}
            target={alone.target}
            forwarded={alone.forwarded}
          />,
          other ? (
            <Alert key="other" type="info" header={`With the gateway's other routes, ${other} takes this request`}>
              {among.routes.find((r) => r.gatewayRouteName === candidate)?.reason}
            </Alert>
          ) : null,
        ]}
      </SpaceBetween>
    );
  }

  const findings = result.kind === 'ready' || result.kind === 'no-sample' ? result.findings : [];
  return (
    <SpaceBetween size="l">
      {[
        <div key="preview" data-testid="route-preview">
          <Container
            header={
              <Header
                variant="h2"
                description="A sample request this route matches, and what the target virtual service receives after the rewrites (the defaults included)."
              >
                Request in / request out
              </Header>
            }
          >
            {preview}
          </Container>
        </div>,
        <div key="checks" data-testid="route-preview-checks">
          <Container
            header={
              <Header
                variant="h2"
                description="Problems the service accepts but that keep this route, or another, from ever taking a request. They do not stop you from saving."
              >
                Route checks
              </Header>
            }
          >
            {result.kind === 'loading' || result.kind === 'incomplete' ? (
              <Box color="text-status-inactive">Checked once the route is complete.</Box>
            ) : findings.length === 0 ? (
              <StatusIndicator type="success">No findings</StatusIndicator>
            ) : (
              <RouteFindingList findings={findings} testId="route-preview-findings" />
            )}
          </Container>
        </div>,
      ]}
    </SpaceBetween>
  );
}
