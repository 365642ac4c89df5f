import { GrpcTestRequestSchema, HTTP_METHODS, HttpTestRequestSchema } from '@meshconsole/model';
import { defineModelForm, FORM_ERROR, type PathRow } from '../../../components/form/model-form';

/**
 * The Test request tab's declaration: what the user types (a method, a path, a host and header rows for
 * an http or http2 gateway; a gRPC service and method, a host and metadata rows for a grpc one), the body of
 * `POST .../test-request` it becomes, validated with the model's schema (so a path without "/" shows the
 * model's message at Path before anything is sent), and where each problem shows.
 */

export interface NameValueRow {
  name: string;
  value: string;
}

export interface TestRequestFormValues {
  method: string;
  path: string;
  host: string;
  headers: NameValueRow[];
  serviceName: string;
  methodName: string;
  metadata: NameValueRow[];
}

export { HTTP_METHODS };

/** The labels of the tab's fields (the request's own, not a gateway route's). */
export const TEST_REQUEST_LABELS = {
  method: 'Method',
  path: 'Path',
  host: 'Host',
  headers: 'Headers',
  serviceName: 'gRPC service name',
  methodName: 'Method name',
  metadata: 'Metadata',
} as const;

export function defaultTestRequestValues(): TestRequestFormValues {
  return { method: 'GET', path: '/', host: '', headers: [], serviceName: '', methodName: '', metadata: [] };
}

/** Rows with neither a name nor a value are rows not filled in yet: they send nothing. */
function record(rows: NameValueRow[]): Record<string, string> | undefined {
  const filled = rows.filter((r) => r.name !== '' || r.value !== '');
  if (filled.length === 0) return undefined;
  return Object.fromEntries(filled.map((r) => [r.name, r.value]));
}

const optional = (text: string) => (text === '' ? undefined : text);

function httpRequest(values: TestRequestFormValues) {
  return { method: values.method, path: values.path, host: optional(values.host), headers: record(values.headers) };
}

function grpcRequest(values: TestRequestFormValues) {
  return {
    serviceName: values.serviceName,
    methodName: optional(values.methodName),
    host: optional(values.host),
    metadata: record(values.metadata),
  };
}

type Row = PathRow<TestRequestFormValues>;

// Header and metadata problems are keyed by the name typed (the body is an object of names to values), not by
// row: they show in the form error under the rows, and each message names its header.
const HTTP_PATHS: ReadonlyArray<Row> = [
  { path: 'method', field: 'method', label: TEST_REQUEST_LABELS.method },
  { path: 'path', field: 'path', label: TEST_REQUEST_LABELS.path },
  { path: 'host', field: 'host', label: TEST_REQUEST_LABELS.host },
  { path: 'headers', field: FORM_ERROR },
];

const GRPC_PATHS: ReadonlyArray<Row> = [
  { path: 'serviceName', field: 'serviceName', label: TEST_REQUEST_LABELS.serviceName },
  { path: 'methodName', field: 'methodName', label: TEST_REQUEST_LABELS.methodName },
  { path: 'host', field: 'host', label: TEST_REQUEST_LABELS.host },
  { path: 'metadata', field: FORM_ERROR },
];

export const HTTP_TEST_REQUEST_FORM = defineModelForm({
  schema: HttpTestRequestSchema,
  toRequest: httpRequest,
  paths: HTTP_PATHS,
});

export const GRPC_TEST_REQUEST_FORM = defineModelForm({
  schema: GrpcTestRequestSchema,
  toRequest: grpcRequest,
  paths: GRPC_PATHS,
});
