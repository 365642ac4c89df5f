/**
 * Console labels of the virtual node, virtual router and route members (spread into `FIELD_LABELS`).
 * Keyed by path inside the request body or spec, list indexes as `*`; members a virtual gateway or gateway
 * route shares (`listeners.*.portMapping.port`, `httpRoute.match.headers.*.name`, ...) keep their label there.
 */

/** `{ unit, value }` durations. */
function durationLabels(path: string, name: string): Record<string, string> {
  return { [path]: name, [`${path}.unit`]: `${name} unit`, [`${path}.value`]: name };
}

function weightedTargetLabels(route: string): Record<string, string> {
  const w = `${route}.action.weightedTargets`;
  return {
    [`${route}.action.weightedTargets`]: 'Targets',
    [`${w}.*`]: 'Target',
    [`${w}.*.virtualNode`]: 'Virtual node name',
    [`${w}.*.weight`]: 'Weight',
    [`${w}.*.port`]: 'Target port',
  };
}

function retryPolicyLabels(route: string, grpc: boolean): Record<string, string> {
  const r = `${route}.retryPolicy`;
  return {
    [r]: 'Retry policy',
    [`${r}.maxRetries`]: 'Max retries',
    ...durationLabels(`${r}.perRetryTimeout`, 'Retry timeout'),
    [`${r}.httpRetryEvents`]: 'HTTP retry events',
    [`${r}.httpRetryEvents.*`]: 'HTTP retry event',
    [`${r}.tcpRetryEvents`]: 'TCP retry events',
    [`${r}.tcpRetryEvents.*`]: 'TCP retry event',
    ...(grpc ? { [`${r}.grpcRetryEvents`]: 'gRPC retry events', [`${r}.grpcRetryEvents.*`]: 'gRPC retry event' } : {}),
  };
}

function routeTimeoutLabels(route: string, perRequest: boolean): Record<string, string> {
  return {
    [`${route}.timeout`]: 'Timeouts',
    ...(perRequest ? durationLabels(`${route}.timeout.perRequest`, 'Request timeout') : {}),
    ...durationLabels(`${route}.timeout.idle`, 'Idle duration'),
  };
}

function listenerTimeoutLabels(protocol: string, perRequest: boolean): Record<string, string> {
  const t = `listeners.*.timeout.${protocol}`;
  return {
    [t]: `${protocol === 'grpc' ? 'gRPC' : protocol.toUpperCase()} timeouts`,
    ...(perRequest ? durationLabels(`${t}.perRequest`, 'Request timeout') : {}),
    ...durationLabels(`${t}.idle`, 'Idle duration'),
  };
}

/** The client policy of one backend reads as the backend defaults' (same members, same labels). */
function backendClientPolicyLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  const from = 'backendDefaults.clientPolicy';
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([path]) => path === from || path.startsWith(`${from}.`))
      .map(([path, name]) => [`backends.*.virtualService.clientPolicy${path.slice(from.length)}`, name]),
  );
}

export function nodeRouterRouteLabels(shared: Readonly<Record<string, string>>): Record<string, string> {
  return {
    virtualNodeName: 'Virtual node name',
    virtualRouterName: 'Virtual router name',
    routeName: 'Route name',

    // virtual node listener members a virtual gateway does not have
    'listeners.*.connectionPool.tcp': 'TCP connection pool',
    'listeners.*.connectionPool.tcp.maxConnections': 'Maximum connections',
    'listeners.*.outlierDetection': 'Outlier detection',
    'listeners.*.outlierDetection.maxServerErrors': 'Server errors',
    'listeners.*.outlierDetection.maxEjectionPercent': 'Max ejection percent',
    ...durationLabels('listeners.*.outlierDetection.interval', 'Outlier detection interval'),
    ...durationLabels('listeners.*.outlierDetection.baseEjectionDuration', 'Ejection duration'),
    'listeners.*.timeout': 'Timeouts',
    ...listenerTimeoutLabels('http', true),
    ...listenerTimeoutLabels('http2', true),
    ...listenerTimeoutLabels('grpc', true),
    ...listenerTimeoutLabels('tcp', false),

    // virtual node service discovery
    'serviceDiscovery.dns': 'DNS service discovery',
    'serviceDiscovery.dns.hostname': 'DNS hostname',
    'serviceDiscovery.dns.ipPreference': 'IP preference',
    'serviceDiscovery.dns.responseType': 'DNS response type',
    'serviceDiscovery.awsCloudMap': 'AWS Cloud Map service discovery',
    'serviceDiscovery.awsCloudMap.namespaceName': 'AWS Cloud Map namespace',
    'serviceDiscovery.awsCloudMap.serviceName': 'AWS Cloud Map service',
    'serviceDiscovery.awsCloudMap.ipPreference': 'IP preference',
    'serviceDiscovery.awsCloudMap.attributes': 'Instance attributes',
    'serviceDiscovery.awsCloudMap.attributes.*': 'Instance attribute',
    'serviceDiscovery.awsCloudMap.attributes.*.key': 'Attribute key',
    'serviceDiscovery.awsCloudMap.attributes.*.value': 'Attribute value',

    // virtual node backends
    backends: 'Backends',
    'backends.*': 'Backend',
    'backends.*.virtualService': 'Virtual service backend',
    'backends.*.virtualService.virtualServiceName': 'Virtual service name',
    ...backendClientPolicyLabels(shared),

    // route spec members a gateway route does not have
    'httpRoute.match.scheme': 'Scheme',
    'http2Route.match.scheme': 'Scheme',
    'grpcRoute.match.methodName': 'Method name',
    ...weightedTargetLabels('httpRoute'),
    ...weightedTargetLabels('http2Route'),
    ...weightedTargetLabels('grpcRoute'),
    ...weightedTargetLabels('tcpRoute'),
    ...retryPolicyLabels('httpRoute', false),
    ...retryPolicyLabels('http2Route', false),
    ...retryPolicyLabels('grpcRoute', true),
    ...routeTimeoutLabels('httpRoute', true),
    ...routeTimeoutLabels('http2Route', true),
    ...routeTimeoutLabels('grpcRoute', true),
    tcpRoute: 'TCP route',
    'tcpRoute.match': 'Match',
    'tcpRoute.match.port': 'Match port',
    'tcpRoute.action': 'Action',
    ...routeTimeoutLabels('tcpRoute', false),
  };
}
