// What the AWS CLI prints for a describe: `aws appmesh describe-<kind> --output json` (CLI v1 with
// `cli_timestamp_format = iso8601`, and v2's default). botocore builds the answer in the service model's
// member order, which is alphabetical in every structure of App Mesh's model (cli-output.test.ts checks
// it), and the model has no maps and no floating-point members; the CLI then prints it with Python's
// `json.dumps(indent=4, ensure_ascii=False)`, whose separators and string escapes are JSON.stringify's.

/** The top-level member of each describe answer (`{"virtualNode": {...}}`). */
export const CLI_DESCRIBE_KEYS = [
  'mesh',
  'virtualService',
  'virtualGateway',
  'gatewayRoute',
  'virtualNode',
  'virtualRouter',
  'route',
] as const;
export type CliDescribeKey = (typeof CLI_DESCRIBE_KEYS)[number];

/**
 * Epoch seconds -> the ISO-8601 string the AWS CLI prints for a timestamp (Python's
 * `datetime.isoformat()` in UTC): `2022-04-06T15:42:42.015000+00:00`, without the fraction when it is 0.
 */
export function cliTimestamp(epochSeconds: number): string {
  const totalMicros = Math.round(epochSeconds * 1_000_000);
  const seconds = Math.floor(totalMicros / 1_000_000);
  const micros = totalMicros - seconds * 1_000_000;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === 0 ? `${base}+00:00` : `${base}.${String(micros).padStart(6, '0')}+00:00`;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeysDeep(record[k])]),
    );
  }
  return value;
}

interface WithMetadata {
  metadata: { createdAt: number; lastUpdatedAt: number };
}

/**
 * The exact text of `aws appmesh describe-<kind>` for `data` (without the CLI's final newline): the
 * answer under its key, members in model order, `metadata`'s timestamps as the CLI prints them,
 * indented by 4.
 */
export function describeCliJson(key: CliDescribeKey, data: WithMetadata): string {
  const printed = {
    ...data,
    metadata: {
      ...data.metadata,
      createdAt: cliTimestamp(data.metadata.createdAt),
      lastUpdatedAt: cliTimestamp(data.metadata.lastUpdatedAt),
    },
  };
  return JSON.stringify({ [key]: sortKeysDeep(printed) }, null, 4);
}
