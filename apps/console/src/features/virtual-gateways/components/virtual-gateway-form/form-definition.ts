import {
  CreateVirtualGatewayBodySchema,
  ONE_LISTENER_MESSAGE,
  PORT_PROTOCOLS,
  TLS_MODES,
  UpdateVirtualGatewayBodySchema,
  type VirtualGatewayPortProtocol,
} from '@meshconsole/model';
import { defineModelForm, FORM_ERROR, fieldText, type PathRow } from '../../../../components/form/model-form';

/**
 * The virtual gateway form's declaration, for the create wizard and the edit page alike: its values
 * (exactly what the inputs hold: text and number inputs are strings, choices are option values,
 * switches are booleans), how they become the App Mesh request and back (edit prefill, Import JSON),
 * and where a problem at each request path is shown (`VIRTUAL_GATEWAY_PATHS`, in page order).
 */

export type ListenerProtocol = VirtualGatewayPortProtocol;
export type TlsMode = (typeof TLS_MODES)[number];

export interface SanRow {
  value: string;
}

export interface JsonFormatRow {
  key: string;
  value: string;
}

export interface ClientPolicyValues {
  /** The section is open: its settings are part of the request. Closed sends no backend defaults. */
  enabled: boolean;
  enforce: boolean;
  /** Comma-separated ports. */
  ports: string;
  validationMethod: 'acm' | 'sds' | 'file';
  /** ACM Private CA ARNs, one per line. */
  certificateAuthorityArns: string;
  sdsSecretName: string;
  certificateChain: string;
  sans: SanRow[];
  provideClientCertificate: boolean;
  clientCertificateMethod: 'sds' | 'file';
  clientSdsSecretName: string;
  clientCertificateChain: string;
  clientPrivateKey: string;
}

export interface LoggingValues {
  path: string;
  format: 'default' | 'text' | 'json';
  text: string;
  json: JsonFormatRow[];
}

export interface HealthCheckValues {
  protocol: '' | ListenerProtocol;
  port: string;
  healthyThreshold: string;
  intervalMillis: string;
  path: string;
  timeoutMillis: string;
  unhealthyThreshold: string;
}

export interface ListenerTlsValues {
  mode: TlsMode;
  certificateMethod: 'acm' | 'sds' | 'file';
  certificateArn: string;
  sdsSecretName: string;
  certificateChain: string;
  privateKey: string;
  requireClientCertificate: boolean;
  validationMethod: 'sds' | 'file';
  validationSdsSecretName: string;
  validationCertificateChain: string;
  sans: SanRow[];
}

export interface ListenerValues {
  protocol: ListenerProtocol;
  port: string;
  connectionPoolEnabled: boolean;
  maxConnections: string;
  maxPendingRequests: string;
  maxRequests: string;
  healthCheckEnabled: boolean;
  healthCheck: HealthCheckValues;
  tlsEnabled: boolean;
  tls: ListenerTlsValues;
}

export interface TagRow {
  key: string;
  value: string;
}

export interface VirtualGatewayFormValues {
  name: string;
  /** Tags sent with a create request (from Import JSON); an existing gateway's tags live on its Tags tab. */
  tags: TagRow[];
  clientPolicy: ClientPolicyValues;
  logging: LoggingValues;
  listener: ListenerValues;
}

export function emptyFormValues(): VirtualGatewayFormValues {
  return {
    name: '',
    tags: [],
    clientPolicy: {
      enabled: false,
      enforce: true,
      ports: '',
      validationMethod: 'acm',
      certificateAuthorityArns: '',
      sdsSecretName: '',
      certificateChain: '',
      sans: [],
      provideClientCertificate: false,
      clientCertificateMethod: 'sds',
      clientSdsSecretName: '',
      clientCertificateChain: '',
      clientPrivateKey: '',
    },
    logging: { path: '', format: 'default', text: '', json: [] },
    listener: {
      protocol: 'http',
      port: '',
      connectionPoolEnabled: false,
      maxConnections: '',
      maxPendingRequests: '',
      maxRequests: '',
      healthCheckEnabled: false,
      healthCheck: {
        protocol: '',
        port: '',
        healthyThreshold: '',
        intervalMillis: '',
        path: '',
        timeoutMillis: '',
        unhealthyThreshold: '',
      },
      tlsEnabled: false,
      tls: {
        mode: 'STRICT',
        certificateMethod: 'acm',
        certificateArn: '',
        sdsSecretName: '',
        certificateChain: '',
        privateKey: '',
        requireClientCertificate: false,
        validationMethod: 'sds',
        validationSdsSecretName: '',
        validationCertificateChain: '',
        sans: [],
      },
    },
  };
}

/**
 * Form values <-> App Mesh request. The form keeps what the user typed; the request is exactly what
 * the console sends (and what the model validates). Disabled or empty sections send nothing.
 */

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface VirtualGatewayRequest {
  virtualGatewayName?: string;
  spec: JsonObject;
  /** Create only: the gateway's tags (the update body has none). */
  tags?: { key: string; value: string }[];
}

/** '' -> absent. Leading/trailing spaces are kept: the server would see them too. */
function str(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** Number inputs hold strings: '' -> absent, '42' -> 42, anything else stays text for the model to reject. */
export function num(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : value;
}

function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function sanList(rows: SanRow[]): JsonObject | undefined {
  if (rows.length === 0) return undefined;
  return { match: { exact: rows.map((r) => str(r.value)) } };
}

/** Drops keys whose value is undefined, so the preview and the request carry only what is set. */
function compact<T extends JsonObject>(obj: T): T {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function toRequest(values: VirtualGatewayFormValues): VirtualGatewayRequest {
  const { clientPolicy: cp, logging, listener: l } = values;

  const listener: JsonObject = { portMapping: compact({ port: num(l.port), protocol: l.protocol }) };

  if (l.connectionPoolEnabled) {
    listener.connectionPool =
      l.protocol === 'http'
        ? { http: compact({ maxConnections: num(l.maxConnections), maxPendingRequests: num(l.maxPendingRequests) }) }
        : { [l.protocol]: compact({ maxRequests: num(l.maxRequests) }) };
  }

  if (l.healthCheckEnabled) {
    const h = l.healthCheck;
    const protocol = h.protocol === '' ? undefined : h.protocol;
    listener.healthCheck = compact({
      protocol,
      port: num(h.port),
      healthyThreshold: num(h.healthyThreshold),
      intervalMillis: num(h.intervalMillis),
      // Path is only used by http and http2 health checks; the field is hidden for grpc.
      path: protocol === 'grpc' ? undefined : str(h.path),
      timeoutMillis: num(h.timeoutMillis),
      unhealthyThreshold: num(h.unhealthyThreshold),
    });
  }

  if (l.tlsEnabled) {
    const t = l.tls;
    const certificate: JsonObject =
      t.certificateMethod === 'acm'
        ? { acm: compact({ certificateArn: str(t.certificateArn) }) }
        : t.certificateMethod === 'sds'
          ? { sds: compact({ secretName: str(t.sdsSecretName) }) }
          : { file: compact({ certificateChain: str(t.certificateChain), privateKey: str(t.privateKey) }) };
    const tls: JsonObject = { mode: t.mode, certificate };
    if (t.requireClientCertificate) {
      const trust: JsonObject =
        t.validationMethod === 'sds'
          ? { sds: compact({ secretName: str(t.validationSdsSecretName) }) }
          : { file: compact({ certificateChain: str(t.validationCertificateChain) }) };
      tls.validation = compact({ trust, subjectAlternativeNames: sanList(t.sans) });
    }
    listener.tls = tls;
  }

  const spec: JsonObject = {};

  if (cp.enabled) {
    const trust: JsonObject =
      cp.validationMethod === 'acm'
        ? { acm: { certificateAuthorityArns: splitList(cp.certificateAuthorityArns) } }
        : cp.validationMethod === 'sds'
          ? { sds: compact({ secretName: str(cp.sdsSecretName) }) }
          : { file: compact({ certificateChain: str(cp.certificateChain) }) };
    const ports = splitList(cp.ports).map((p) => num(p) as Json);
    const tls: JsonObject = compact({
      enforce: cp.enforce,
      ports: ports.length > 0 ? ports : undefined,
      certificate: cp.provideClientCertificate
        ? cp.clientCertificateMethod === 'sds'
          ? { sds: compact({ secretName: str(cp.clientSdsSecretName) }) }
          : {
              file: compact({ certificateChain: str(cp.clientCertificateChain), privateKey: str(cp.clientPrivateKey) }),
            }
        : undefined,
      validation: compact({ trust, subjectAlternativeNames: sanList(cp.sans) }),
    });
    spec.backendDefaults = { clientPolicy: { tls } };
  }

  spec.listeners = [listener];

  if (logging.path !== '' || logging.format !== 'default') {
    const format: JsonObject | undefined =
      logging.format === 'text'
        ? { text: str(logging.text) }
        : logging.format === 'json'
          ? { json: logging.json.map((r) => compact({ key: str(r.key), value: str(r.value) })) }
          : undefined;
    spec.logging = { accessLog: { file: compact({ path: str(logging.path), format }) } };
  }

  const tags = values.tags.length > 0 ? values.tags.map((t) => ({ key: t.key, value: t.value })) : undefined;
  return compact({ virtualGatewayName: str(values.name), spec, tags });
}

/* ------------------------------------------------------------------------------------------------
 * Request / spec -> form values (edit prefill, Import JSON), listing what the form could not use.
 * ---------------------------------------------------------------------------------------------- */

export interface UnusedField {
  path: string;
  reason: string;
}

export interface ImportResult {
  values: VirtualGatewayFormValues;
  unused: UnusedField[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function get(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

const PROTOCOLS: readonly string[] = PORT_PROTOCOLS;
const MODES: readonly string[] = TLS_MODES;

function sanRows(v: unknown): SanRow[] {
  const list = get(v, 'match', 'exact');
  return Array.isArray(list) ? list.map((s) => ({ value: asText(s) })) : [];
}

/** Fills form values from a spec (and a name). Fields the form has no place for are dropped. */
export function specToFormValues(spec: unknown, name = ''): VirtualGatewayFormValues {
  const v = emptyFormValues();
  v.name = name;

  const l = get(spec, 'listeners', '0');
  const protocol = asText(get(l, 'portMapping', 'protocol'));
  if (PROTOCOLS.includes(protocol)) v.listener.protocol = protocol as ListenerProtocol;
  v.listener.port = asText(get(l, 'portMapping', 'port'));

  const pool = get(l, 'connectionPool');
  if (isObject(pool)) {
    v.listener.connectionPoolEnabled = true;
    const kind = Object.keys(pool).find((k) => PROTOCOLS.includes(k));
    if (kind === 'http') {
      v.listener.maxConnections = asText(get(pool, 'http', 'maxConnections'));
      v.listener.maxPendingRequests = asText(get(pool, 'http', 'maxPendingRequests'));
    } else if (kind) {
      v.listener.maxRequests = asText(get(pool, kind, 'maxRequests'));
    }
  }

  const hc = get(l, 'healthCheck');
  if (isObject(hc)) {
    v.listener.healthCheckEnabled = true;
    const hp = asText(hc.protocol);
    v.listener.healthCheck = {
      protocol: PROTOCOLS.includes(hp) ? (hp as ListenerProtocol) : '',
      port: asText(hc.port),
      healthyThreshold: asText(hc.healthyThreshold),
      intervalMillis: asText(hc.intervalMillis),
      path: asText(hc.path),
      timeoutMillis: asText(hc.timeoutMillis),
      unhealthyThreshold: asText(hc.unhealthyThreshold),
    };
  }

  const tls = get(l, 'tls');
  if (isObject(tls)) {
    v.listener.tlsEnabled = true;
    const t = v.listener.tls;
    const mode = asText(tls.mode);
    if (MODES.includes(mode)) t.mode = mode as TlsMode;
    const cert = get(tls, 'certificate');
    if (isObject(get(cert, 'acm'))) {
      t.certificateMethod = 'acm';
      t.certificateArn = asText(get(cert, 'acm', 'certificateArn'));
    } else if (isObject(get(cert, 'sds'))) {
      t.certificateMethod = 'sds';
      t.sdsSecretName = asText(get(cert, 'sds', 'secretName'));
    } else if (isObject(get(cert, 'file'))) {
      t.certificateMethod = 'file';
      t.certificateChain = asText(get(cert, 'file', 'certificateChain'));
      t.privateKey = asText(get(cert, 'file', 'privateKey'));
    }
    const validation = get(tls, 'validation');
    if (isObject(validation)) {
      t.requireClientCertificate = true;
      if (isObject(get(validation, 'trust', 'file'))) {
        t.validationMethod = 'file';
        t.validationCertificateChain = asText(get(validation, 'trust', 'file', 'certificateChain'));
      } else {
        t.validationMethod = 'sds';
        t.validationSdsSecretName = asText(get(validation, 'trust', 'sds', 'secretName'));
      }
      t.sans = sanRows(validation.subjectAlternativeNames);
    }
  }

  const cpTls = get(spec, 'backendDefaults', 'clientPolicy', 'tls');
  if (isObject(cpTls)) {
    const cp = v.clientPolicy;
    cp.enabled = true;
    cp.enforce = cpTls.enforce === undefined ? true : cpTls.enforce === true;
    cp.ports = Array.isArray(cpTls.ports) ? cpTls.ports.map(asText).join(', ') : '';
    const trust = get(cpTls, 'validation', 'trust');
    if (isObject(get(trust, 'sds'))) {
      cp.validationMethod = 'sds';
      cp.sdsSecretName = asText(get(trust, 'sds', 'secretName'));
    } else if (isObject(get(trust, 'file'))) {
      cp.validationMethod = 'file';
      cp.certificateChain = asText(get(trust, 'file', 'certificateChain'));
    } else {
      cp.validationMethod = 'acm';
      const arns = get(trust, 'acm', 'certificateAuthorityArns');
      cp.certificateAuthorityArns = Array.isArray(arns) ? arns.map(asText).join('\n') : '';
    }
    cp.sans = sanRows(get(cpTls, 'validation', 'subjectAlternativeNames'));
    const cert = get(cpTls, 'certificate');
    if (isObject(get(cert, 'sds'))) {
      cp.provideClientCertificate = true;
      cp.clientCertificateMethod = 'sds';
      cp.clientSdsSecretName = asText(get(cert, 'sds', 'secretName'));
    } else if (isObject(get(cert, 'file'))) {
      cp.provideClientCertificate = true;
      cp.clientCertificateMethod = 'file';
      cp.clientCertificateChain = asText(get(cert, 'file', 'certificateChain'));
      cp.clientPrivateKey = asText(get(cert, 'file', 'privateKey'));
    }
  }

  const file = get(spec, 'logging', 'accessLog', 'file');
  if (isObject(file)) {
    v.logging.path = asText(file.path);
    const format = file.format;
    if (isObject(format) && format.text !== undefined) {
      v.logging.format = 'text';
      v.logging.text = asText(format.text);
    } else if (isObject(format) && Array.isArray(format.json)) {
      v.logging.format = 'json';
      v.logging.json = format.json.map((r) => ({ key: asText(get(r, 'key')), value: asText(get(r, 'value')) }));
    }
  }
  return v;
}

/** Every leaf of a JSON value as `[dotted path, value]`. Empty objects and arrays count as leaves. */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => {
      leaves(v, `${prefix}.${i}`, out);
    });
  } else {
    out.set(prefix, value);
  }
  return out;
}

const TAGS_OF_EXISTING_GATEWAY = "An existing gateway's tags are changed on its Tags tab, not with Save changes.";

const TOP_LEVEL_REASONS: Record<string, string> = {
  clientToken: 'The console generates its own client token for each request.',
  meshOwner: "The gateway is created in the mesh open in the console, with that mesh's owner.",
  meshName: 'The gateway is created in the mesh open in the console.',
};

/** Tags of a `create-virtual-gateway.json`: rows with a text key and a text value; others are not used. */
function tagRows(v: unknown): TagRow[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((t) =>
    isObject(t) && typeof t.key === 'string' && typeof t.value === 'string' ? [{ key: t.key, value: t.value }] : [],
  );
}

/**
 * Import JSON: accepts a `create-virtual-gateway.json` (`{ spec, virtualGatewayName?, meshName?, tags? }`),
 * a bare spec (`{ listeners: [...] }`) or a describe output (`{ virtualGateway: {...} }`). Returns
 * the form values and every input field the form could not use. Tags are used when creating
 * (`withTags`, the default); an edit can't send them.
 */
export function importVirtualGatewayJson(
  input: unknown,
  context: { mesh: string; meshOwner?: string; currentName: string; withTags?: boolean },
): ImportResult {
  const withTags = context.withTags ?? true;
  if (!isObject(input)) {
    return {
      values: { ...emptyFormValues(), name: context.currentName },
      unused: [{ path: '(root)', reason: 'The JSON must be an object, such as { "spec": { "listeners": [...] } }.' }],
    };
  }
  let source: Record<string, unknown> = input;
  let prefix = '';
  if (isObject(input.virtualGateway)) {
    source = input.virtualGateway;
    prefix = 'virtualGateway.';
  } else if (!('spec' in input) && 'listeners' in input) {
    source = { spec: input };
  }

  const name = typeof source.virtualGatewayName === 'string' ? source.virtualGatewayName : context.currentName;
  const values = specToFormValues(source.spec, name);
  if (withTags) values.tags = tagRows(source.tags);
  const used = leaves(toRequest(values), '', new Map());
  const given = leaves(source, '', new Map());

  const unused: UnusedField[] = [];
  for (const [path, value] of given) {
    const top = path.split('.')[0] ?? path;
    if (top === 'meshName' && value === context.mesh) continue;
    if (top === 'meshOwner' && context.meshOwner !== undefined && value === context.meshOwner) continue;
    if (top === 'virtualGatewayName' && typeof value === 'string') continue;
    const shown = `${prefix}${path}`;
    if (top === 'tags' && !withTags) {
      unused.push({ path: shown, reason: TAGS_OF_EXISTING_GATEWAY });
      continue;
    }
    if (top in TOP_LEVEL_REASONS) {
      unused.push({ path: shown, reason: TOP_LEVEL_REASONS[top] ?? '' });
      continue;
    }
    if (!used.has(path)) {
      unused.push({ path: shown, reason: unusedReason(path) });
    } else if (JSON.stringify(used.get(path)) !== JSON.stringify(value)) {
      unused.push({ path: shown, reason: `The form can't hold ${JSON.stringify(value)} here.` });
    }
  }
  return { values, unused };
}

function unusedReason(path: string): string {
  if (/^spec\.listeners\.[1-9]/.test(path)) return `Only the first listener is used. ${ONE_LISTENER_MESSAGE}`;
  if (/^(metadata|status|meshName|arn)/.test(path)) return 'Read-only data of an existing gateway.';
  if (/\.healthCheck\.path$/.test(path)) return 'Path is only used by http and http2 health checks.';
  if (/\.connectionPool\./.test(path)) return 'The connection pool must match the listener protocol.';
  if (/^tags\b/.test(path)) return 'A tag needs a text key and a text value.';
  return 'This field is not part of a virtual gateway spec.';
}

/* ------------------------------------------------------------------------------------------------
 * Request paths -> form fields, in page order: a model or server message lands on the input that
 * caused it. `virtual-gateway-paths.test.tsx` checks that every path the model can report for the
 * form's requests shows at a visible field with the model's label, or in the form error.
 * ---------------------------------------------------------------------------------------------- */

type Row = PathRow<VirtualGatewayFormValues>;
const CP = 'spec.backendDefaults.clientPolicy.tls';
const L = 'spec.listeners.*';
const LOG = 'spec.logging.accessLog.file';
const http = (v: VirtualGatewayFormValues) => v.listener.protocol === 'http';
const notHttp = (v: VirtualGatewayFormValues) => !http(v);

export const VIRTUAL_GATEWAY_PATHS: ReadonlyArray<Row> = [
  { path: 'virtualGatewayName', field: 'name' },
  // The form always sends a spec; only its members can be wrong.
  { path: 'spec', field: FORM_ERROR },

  // ---- step 1: client policy defaults
  { path: 'spec.backendDefaults', field: 'clientPolicy.validationMethod' },
  { path: 'spec.backendDefaults.clientPolicy', field: 'clientPolicy.validationMethod' },
  { path: CP, field: 'clientPolicy.validationMethod' },
  // A checkbox has no message slot; the form sends a boolean, so only the server could object.
  { path: `${CP}.enforce`, field: FORM_ERROR },
  { path: `${CP}.ports`, field: 'clientPolicy.ports' },
  { path: `${CP}.validation`, field: 'clientPolicy.validationMethod' },
  { path: `${CP}.validation.trust`, field: 'clientPolicy.validationMethod' },
  { path: `${CP}.validation.trust.acm`, field: 'clientPolicy.certificateAuthorityArns' },
  { path: `${CP}.validation.trust.acm.certificateAuthorityArns`, field: 'clientPolicy.certificateAuthorityArns' },
  { path: `${CP}.validation.trust.sds`, field: 'clientPolicy.sdsSecretName' },
  { path: `${CP}.validation.trust.sds.secretName`, field: 'clientPolicy.sdsSecretName' },
  { path: `${CP}.validation.trust.file`, field: 'clientPolicy.certificateChain' },
  { path: `${CP}.validation.trust.file.certificateChain`, field: 'clientPolicy.certificateChain' },
  { path: `${CP}.validation.subjectAlternativeNames`, field: 'clientPolicy.sans.0.value' },
  { path: `${CP}.validation.subjectAlternativeNames.match`, field: 'clientPolicy.sans.0.value' },
  { path: `${CP}.validation.subjectAlternativeNames.match.exact`, field: 'clientPolicy.sans.0.value' },
  { path: `${CP}.validation.subjectAlternativeNames.match.exact.*`, field: 'clientPolicy.sans.$1.value' },
  { path: `${CP}.certificate`, field: 'clientPolicy.clientCertificateMethod', label: 'Client certificate method' },
  { path: `${CP}.certificate.sds`, field: 'clientPolicy.clientSdsSecretName' },
  { path: `${CP}.certificate.sds.secretName`, field: 'clientPolicy.clientSdsSecretName' },
  { path: `${CP}.certificate.file`, field: 'clientPolicy.clientCertificateChain' },
  { path: `${CP}.certificate.file.certificateChain`, field: 'clientPolicy.clientCertificateChain' },
  { path: `${CP}.certificate.file.privateKey`, field: 'clientPolicy.clientPrivateKey' },

  // ---- step 2: logging
  { path: 'spec.logging', field: 'logging.path' },
  { path: 'spec.logging.accessLog', field: 'logging.path' },
  { path: LOG, field: 'logging.path' },
  { path: `${LOG}.path`, field: 'logging.path' },
  { path: `${LOG}.format`, field: 'logging.format' },
  { path: `${LOG}.format.text`, field: 'logging.text' },
  { path: `${LOG}.format.json`, field: 'logging.format', label: 'Log format' },
  { path: `${LOG}.format.json.*`, field: 'logging.json.$1.key' },
  { path: `${LOG}.format.json.*.key`, field: 'logging.json.$1.key' },
  { path: `${LOG}.format.json.*.value`, field: 'logging.json.$1.value' },

  // ---- step 3: listener
  { path: 'spec.listeners', field: 'listener.port' },
  { path: L, field: 'listener.port' },
  { path: `${L}.portMapping`, field: 'listener.port' },
  { path: `${L}.portMapping.protocol`, field: 'listener.protocol' },
  { path: `${L}.portMapping.port`, field: 'listener.port' },
  { path: `${L}.connectionPool`, field: 'listener.maxConnections', when: http },
  { path: `${L}.connectionPool`, field: 'listener.maxRequests', when: notHttp },
  // The pool's kind is the listener's protocol: a pool of another kind is shown at the pool the form has.
  { path: `${L}.connectionPool.http`, field: 'listener.maxConnections', when: http },
  { path: `${L}.connectionPool.http`, field: 'listener.maxRequests', when: notHttp },
  { path: `${L}.connectionPool.http.maxConnections`, field: 'listener.maxConnections' },
  { path: `${L}.connectionPool.http.maxPendingRequests`, field: 'listener.maxPendingRequests' },
  { path: `${L}.connectionPool.http2`, field: 'listener.maxRequests', when: notHttp },
  { path: `${L}.connectionPool.http2`, field: 'listener.maxConnections', when: http },
  { path: `${L}.connectionPool.http2.maxRequests`, field: 'listener.maxRequests' },
  { path: `${L}.connectionPool.grpc`, field: 'listener.maxRequests', when: notHttp },
  { path: `${L}.connectionPool.grpc`, field: 'listener.maxConnections', when: http },
  { path: `${L}.connectionPool.grpc.maxRequests`, field: 'listener.maxRequests' },
  { path: `${L}.healthCheck`, field: 'listener.healthCheck.protocol' },
  { path: `${L}.healthCheck.protocol`, field: 'listener.healthCheck.protocol' },
  { path: `${L}.healthCheck.port`, field: 'listener.healthCheck.port' },
  { path: `${L}.healthCheck.healthyThreshold`, field: 'listener.healthCheck.healthyThreshold' },
  { path: `${L}.healthCheck.intervalMillis`, field: 'listener.healthCheck.intervalMillis' },
  { path: `${L}.healthCheck.path`, field: 'listener.healthCheck.path' },
  { path: `${L}.healthCheck.timeoutMillis`, field: 'listener.healthCheck.timeoutMillis' },
  { path: `${L}.healthCheck.unhealthyThreshold`, field: 'listener.healthCheck.unhealthyThreshold' },
  { path: `${L}.tls`, field: 'listener.tls.mode' },
  { path: `${L}.tls.mode`, field: 'listener.tls.mode' },
  { path: `${L}.tls.certificate`, field: 'listener.tls.certificateMethod' },
  { path: `${L}.tls.certificate.acm`, field: 'listener.tls.certificateArn' },
  { path: `${L}.tls.certificate.acm.certificateArn`, field: 'listener.tls.certificateArn' },
  { path: `${L}.tls.certificate.sds`, field: 'listener.tls.sdsSecretName' },
  { path: `${L}.tls.certificate.sds.secretName`, field: 'listener.tls.sdsSecretName' },
  { path: `${L}.tls.certificate.file`, field: 'listener.tls.certificateChain' },
  { path: `${L}.tls.certificate.file.certificateChain`, field: 'listener.tls.certificateChain' },
  { path: `${L}.tls.certificate.file.privateKey`, field: 'listener.tls.privateKey' },
  { path: `${L}.tls.validation`, field: 'listener.tls.validationMethod' },
  { path: `${L}.tls.validation.trust`, field: 'listener.tls.validationMethod' },
  // Refused by the model (a listener does not validate with ACM Private CA); the form never sends it.
  // Refused by the model (a listener validates client certificates with a file or SDS); never sent.
  {
    path: `${L}.tls.validation.trust.acm`,
    field: 'listener.tls.validationMethod',
    label: 'Client certificate validation method',
  },
  { path: `${L}.tls.validation.trust.sds`, field: 'listener.tls.validationSdsSecretName' },
  { path: `${L}.tls.validation.trust.sds.secretName`, field: 'listener.tls.validationSdsSecretName' },
  { path: `${L}.tls.validation.trust.file`, field: 'listener.tls.validationCertificateChain' },
  { path: `${L}.tls.validation.trust.file.certificateChain`, field: 'listener.tls.validationCertificateChain' },
  { path: `${L}.tls.validation.subjectAlternativeNames`, field: 'listener.tls.sans.0.value' },
  { path: `${L}.tls.validation.subjectAlternativeNames.match`, field: 'listener.tls.sans.0.value' },
  { path: `${L}.tls.validation.subjectAlternativeNames.match.exact`, field: 'listener.tls.sans.0.value' },
  { path: `${L}.tls.validation.subjectAlternativeNames.match.exact.*`, field: 'listener.tls.sans.$2.value' },

  // ---- step 4: review (tags are a list there, with no inputs); the console makes its own client token
  { path: 'tags', field: FORM_ERROR },
  { path: 'clientToken', field: FORM_ERROR },
];

/** `POST /api/meshes/:mesh/virtual-gateways`: the create wizard. */
export const VIRTUAL_GATEWAY_CREATE_FORM = defineModelForm({
  schema: CreateVirtualGatewayBodySchema,
  toRequest,
  paths: VIRTUAL_GATEWAY_PATHS,
  conflictField: 'name',
});

/** `PUT /api/meshes/:mesh/virtual-gateways/:name`: the edit page (the name and tags are not sent). */
export const VIRTUAL_GATEWAY_EDIT_FORM = defineModelForm({
  schema: UpdateVirtualGatewayBodySchema,
  toRequest: (values: VirtualGatewayFormValues) => ({ spec: toRequest(values).spec }),
  paths: VIRTUAL_GATEWAY_PATHS,
});

/** A field's label and constraint text from the model (see `fieldText`). */
export function gatewayField(name: Parameters<typeof fieldText<VirtualGatewayFormValues>>[1], ...more: string[]) {
  return fieldText({ paths: VIRTUAL_GATEWAY_PATHS }, name, ...more);
}
