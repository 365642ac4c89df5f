import type { VirtualGatewayData } from '@meshconsole/model';
import { cliTimestamp } from '../../../lib/format';

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * `aws appmesh describe-virtual-gateway` output: `{"virtualGateway": {...}}`, members in the service
 * model's (alphabetical) order, timestamps in ISO-8601, indented by 4 like the CLI's JSON output.
 */
export function describeOutputJson(gateway: VirtualGatewayData): string {
  const data = {
    ...gateway,
    metadata: {
      ...gateway.metadata,
      createdAt: cliTimestamp(gateway.metadata.createdAt),
      lastUpdatedAt: cliTimestamp(gateway.metadata.lastUpdatedAt),
    },
  };
  return JSON.stringify({ virtualGateway: sortKeysDeep(data) }, null, 4);
}
