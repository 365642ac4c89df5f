import {
  emptyFormValues,
  type ListenerProtocol,
  type SanRow,
  type TagRow,
  type TlsMode,
  type VirtualGatewayFormValues,
} from './form-values';

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

const PROTOCOLS: readonly string[] = ['http', 'http2', 'grpc'];
const MODES: readonly string[] = ['STRICT', 'PERMISSIVE', 'DISABLED'];

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
  if (/^spec\.listeners\.[1-9]/.test(path))
    return 'A virtual gateway has exactly one listener; only the first is used.';
  if (/^(metadata|status|meshName|arn)/.test(path)) return 'Read-only data of an existing gateway.';
  if (/\.healthCheck\.path$/.test(path)) return 'Path is only used by http and http2 health checks.';
  if (/\.connectionPool\./.test(path)) return 'The connection pool must match the listener protocol.';
  if (/^tags\b/.test(path)) return 'A tag needs a text key and a text value.';
  return 'This field is not part of a virtual gateway spec.';
}

/* ------------------------------------------------------------------------------------------------
 * Request paths -> form fields, so a model or server message lands on the input that caused it.
 * ---------------------------------------------------------------------------------------------- */

/**
 * Maps a request path (`['spec', 'listeners', 0, 'healthCheck', 'intervalMillis']`, or the dotted
 * `spec.listeners.0.healthCheck.intervalMillis` of a server `fieldErrors` key) to a form field name.
 * Returns undefined when no field fits; the caller shows such messages at the form level.
 */
export function requestPathToField(
  rawPath: ReadonlyArray<PropertyKey> | string,
  values: VirtualGatewayFormValues,
): string | undefined {
  const path = (typeof rawPath === 'string' ? rawPath.split('.') : rawPath.map(String)).filter((p) => p !== '');
  const p = path.join('.');
  if (p === 'virtualGatewayName') return 'name';
  if (!p.startsWith('spec')) return undefined;
  const rest = path.slice(1);
  const r = rest.join('.');

  // ---- listener
  if (rest[0] === 'listeners') {
    if (rest.length <= 2) return 'listener.port';
    const l = rest.slice(2).join('.');
    if (l.startsWith('portMapping.protocol')) return 'listener.protocol';
    if (l.startsWith('portMapping')) return 'listener.port';
    if (l.startsWith('connectionPool')) {
      if (l.endsWith('maxPendingRequests')) return 'listener.maxPendingRequests';
      if (l.endsWith('maxConnections')) return 'listener.maxConnections';
      if (l.endsWith('maxRequests')) return 'listener.maxRequests';
      return values.listener.protocol === 'http' ? 'listener.maxConnections' : 'listener.maxRequests';
    }
    if (l.startsWith('healthCheck')) {
      const leaf = rest[3];
      const known = [
        'protocol',
        'port',
        'healthyThreshold',
        'intervalMillis',
        'path',
        'timeoutMillis',
        'unhealthyThreshold',
      ];
      return leaf && known.includes(leaf) ? `listener.healthCheck.${leaf}` : 'listener.healthCheck.protocol';
    }
    if (l.startsWith('tls')) {
      const t = rest.slice(3).join('.');
      if (t.startsWith('mode')) return 'listener.tls.mode';
      if (t.startsWith('certificate.acm')) return 'listener.tls.certificateArn';
      if (t.startsWith('certificate.sds')) return 'listener.tls.sdsSecretName';
      if (t.startsWith('certificate.file.privateKey')) return 'listener.tls.privateKey';
      if (t.startsWith('certificate.file')) return 'listener.tls.certificateChain';
      if (t.startsWith('certificate')) return certificateMethodField('listener.tls', values);
      if (t.startsWith('validation.trust.sds')) return 'listener.tls.validationSdsSecretName';
      if (t.startsWith('validation.trust.file')) return 'listener.tls.validationCertificateChain';
      if (t.startsWith('validation.subjectAlternativeNames')) return sanField('listener.tls.sans', rest.slice(3));
      if (t.startsWith('validation')) return 'listener.tls.validationMethod';
      return 'listener.tls.mode';
    }
    return 'listener.port';
  }

  // ---- client policy defaults
  if (rest[0] === 'backendDefaults') {
    const c = rest.slice(3).join('.'); // after backendDefaults.clientPolicy.tls
    if (c.startsWith('enforce')) return 'clientPolicy.enforce';
    if (c.startsWith('ports')) return 'clientPolicy.ports';
    if (c.startsWith('validation.trust.acm')) return 'clientPolicy.certificateAuthorityArns';
    if (c.startsWith('validation.trust.sds')) return 'clientPolicy.sdsSecretName';
    if (c.startsWith('validation.trust.file')) return 'clientPolicy.certificateChain';
    if (c.startsWith('validation.subjectAlternativeNames')) return sanField('clientPolicy.sans', rest.slice(3));
    if (c.startsWith('validation')) return 'clientPolicy.validationMethod';
    if (c.startsWith('certificate.sds')) return 'clientPolicy.clientSdsSecretName';
    if (c.startsWith('certificate.file.privateKey')) return 'clientPolicy.clientPrivateKey';
    if (c.startsWith('certificate.file')) return 'clientPolicy.clientCertificateChain';
    if (c.startsWith('certificate')) return 'clientPolicy.clientCertificateMethod';
    return 'clientPolicy.validationMethod';
  }

  // ---- logging
  if (rest[0] === 'logging') {
    if (r.includes('format.json')) {
      const idx = rest[5];
      const leaf = rest[6];
      if (idx !== undefined && /^\d+$/.test(idx) && (leaf === 'key' || leaf === 'value'))
        return `logging.json.${idx}.${leaf}`;
      return 'logging.format';
    }
    if (r.includes('format.text')) return 'logging.text';
    if (r.includes('format')) return 'logging.format';
    return 'logging.path';
  }
  return undefined;
}

function certificateMethodField(base: string, values: VirtualGatewayFormValues): string {
  const m = values.listener.tls.certificateMethod;
  return m === 'acm' ? `${base}.certificateArn` : m === 'sds' ? `${base}.sdsSecretName` : `${base}.certificateChain`;
}

/** `validation.subjectAlternativeNames.match.exact.<i>` -> `<base>.<i>.value`; the list itself -> first row. */
function sanField(base: string, validationPath: string[]): string {
  const idx = validationPath[4];
  return `${base}.${idx !== undefined && /^\d+$/.test(idx) ? idx : '0'}.value`;
}
