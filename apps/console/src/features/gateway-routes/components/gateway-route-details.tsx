import CodeView from '@cloudscape-design/code-view/code-view';
import jsonHighlight from '@cloudscape-design/code-view/highlight/json';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs, { type KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import type { GatewayRouteData, HeaderMatchMethod } from '@meshconsole/model';
import { CopyArn } from '../../../components/copy-arn';
import { ResourceStatus } from '../../../components/resource-status';
import { formatTimestamp } from '../../../lib/format';
import { links, useFollow } from '../../../lib/links';
import { describeGatewayRouteJson, headerMatchText, rewriteTexts, routeTypeOf, targetOf } from './gateway-route-text';

const none = <Box color="text-status-inactive">-</Box>;

function hostnameValue(hostname: { exact?: string; suffix?: string } | undefined) {
  if (hostname?.exact !== undefined) return `Exact: ${hostname.exact}`;
  if (hostname?.suffix !== undefined) return `Suffix: ${hostname.suffix}`;
  return 'Any hostname';
}

function matchList(rows: ReadonlyArray<{ name: string; invert?: boolean; match?: HeaderMatchMethod }> | undefined) {
  if (!rows || rows.length === 0) return none;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {rows.map((row, i) => (
        <li key={i}>
          <code>{row.name}</code> {headerMatchText(row.match, row.invert)}
        </li>
      ))}
    </ul>
  );
}

export function GatewayRouteSummary({
  route,
  mesh,
  meshOwner,
}: {
  route: GatewayRouteData;
  mesh: string;
  meshOwner: string | undefined;
}) {
  const follow = useFollow();
  const { metadata } = route;
  const items: KeyValuePairsProps.Item[] = [
    {
      type: 'group',
      items: [
        { label: 'Gateway route type', value: routeTypeOf(route.spec) ?? '-' },
        {
          label: 'Virtual gateway',
          value: (
            <Link href={links.virtualGateway(mesh, meshOwner, route.virtualGatewayName)} onFollow={follow}>
              {route.virtualGatewayName}
            </Link>
          ),
        },
        { label: 'Priority', value: route.spec.priority !== undefined ? String(route.spec.priority) : 'Not set' },
        {
          label: 'Status',
          value: <ResourceStatus status={route.status.status} />,
        },
      ],
    },
    {
      type: 'group',
      items: [
        {
          label: 'ARN',
          value: <CopyArn arn={metadata.arn} />,
        },
        { label: 'Mesh owner', value: metadata.meshOwner },
        { label: 'Resource owner', value: metadata.resourceOwner },
      ],
    },
    {
      type: 'group',
      items: [
        { label: 'Version', value: String(metadata.version) },
        { label: 'Created', value: formatTimestamp(metadata.createdAt) },
        { label: 'Last updated', value: formatTimestamp(metadata.lastUpdatedAt) },
      ],
    },
  ];
  return (
    <Container header={<Header variant="h2">Gateway route details</Header>}>
      <KeyValuePairs columns={3} items={items} />
    </Container>
  );
}

export function GatewayRouteMatch({ route }: { route: GatewayRouteData }) {
  const spec = route.spec;
  const http = spec.httpRoute ?? spec.http2Route;
  const grpc = spec.grpcRoute;
  const matchItems: KeyValuePairsProps.Item[] = [];
  if (http) {
    const m = http.match;
    let path: string = 'Any path';
    if (m.prefix !== undefined) path = `Prefix: ${m.prefix}`;
    else if (m.path?.exact !== undefined) path = `Exact: ${m.path.exact}`;
    else if (m.path?.regex !== undefined) path = `Regex: ${m.path.regex}`;
    matchItems.push(
      { label: 'Path', value: path },
      { label: 'Method', value: m.method ?? 'Any method' },
      { label: 'Hostname', value: hostnameValue(m.hostname) },
      { label: 'Match port', value: m.port !== undefined ? String(m.port) : 'Any port' },
      {
        label: 'Query parameters',
        value: matchList(
          m.queryParameters?.map((q) => ({
            name: q.name,
            match: q.match?.exact !== undefined ? { exact: q.match.exact } : undefined,
          })),
        ),
      },
      { label: 'Headers', value: matchList(m.headers) },
    );
  } else if (grpc) {
    const m = grpc.match;
    matchItems.push(
      { label: 'gRPC service name', value: m.serviceName ?? 'Any service' },
      { label: 'Hostname', value: hostnameValue(m.hostname) },
      { label: 'Match port', value: m.port !== undefined ? String(m.port) : 'Any port' },
      { label: 'Metadata', value: matchList(m.metadata) },
    );
  }
  return (
    <Container header={<Header variant="h2">Match</Header>}>
      <KeyValuePairs columns={3} items={matchItems} />
    </Container>
  );
}

export function GatewayRouteAction({ route }: { route: GatewayRouteData }) {
  const target = targetOf(route.spec);
  const rewrite = rewriteTexts(route.spec);
  const actionItems: KeyValuePairsProps.Item[] = [
    { label: 'Virtual service name', value: target?.virtualServiceName ?? '-' },
    {
      label: 'Virtual service provider port',
      value: target?.port !== undefined ? String(target.port) : 'Not set',
    },
    { label: 'Hostname rewrite', value: rewrite.hostname },
    ...(rewrite.path !== undefined ? [{ label: 'Path rewrite', value: rewrite.path }] : []),
  ];
  return (
    <Container
      header={
        <Header variant="h2" description="Where matching requests go, and how the host and path are rewritten.">
          Target and rewrite
        </Header>
      }
    >
      <KeyValuePairs columns={2} items={actionItems} />
    </Container>
  );
}

export function GatewayRouteJson({ route }: { route: GatewayRouteData }) {
  const json = describeGatewayRouteJson(route);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="What aws appmesh describe-gateway-route prints for this gateway route."
          actions={
            <CopyToClipboard
              variant="button"
              textToCopy={json}
              copyButtonText="Copy JSON"
              copySuccessText="JSON copied"
              copyErrorText="JSON failed to copy"
            />
          }
        >
          JSON
        </Header>
      }
    >
      <div data-testid="gateway-route-json">
        <CodeView content={json} highlight={jsonHighlight} lineNumbers wrapLines ariaLabel="Gateway route JSON" />
      </div>
    </Container>
  );
}
