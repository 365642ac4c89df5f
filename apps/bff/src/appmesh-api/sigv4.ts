import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * AWS Signature Version 4 (header form) for the App Mesh REST API.
 *
 * The canonical request is rebuilt from what arrived on the wire, the way the AWS SDK for
 * JavaScript (`@smithy/signature-v4`) and botocore build it for a non-S3 service:
 * - the path is normalized (empty, `.` and `..` segments) and then URI-encoded AGAIN, so the
 *   percent signs of an already-encoded label become `%25` ("double encoding");
 * - query keys and values are decoded, re-encoded with the RFC 3986 unreserved set, and sorted;
 * - each signed header is lower-cased, duplicates joined with `,`, whitespace collapsed;
 * - the payload hash is `x-amz-content-sha256` when sent, otherwise the sha256 of the raw body.
 *
 * Pure functions, no Express: the caller passes the method, the original URL, the raw headers
 * and the raw body bytes.
 */

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SIGV4_SERVICE = 'appmesh';
/** How far `x-amz-date` may be from the server clock, either way. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** A signature problem, answered with HTTP 403 and `X-Amzn-Errortype: <name>`. */
export class SigV4Error extends Error {
  override readonly name: 'InvalidSignatureException' | 'IncompleteSignatureException';
  readonly status = 403;
  constructor(name: 'InvalidSignatureException' | 'IncompleteSignatureException', message: string) {
    super(message);
    this.name = name;
  }
}

export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
  terminator: string;
  /** lower-case header names in the order given */
  signedHeaders: string[];
  signature: string;
}

/** What the verifier needs from an HTTP request. */
export interface SignableRequest {
  method: string;
  /** path and query exactly as received (Express: `req.originalUrl`) */
  url: string;
  /** Node's `req.rawHeaders`: name, value, name, value, ... */
  rawHeaders: readonly string[];
  /** the raw body bytes; absent or empty when there is none */
  body?: Uint8Array | undefined;
}

/** One configured access key (`ACCESS_KEYS=AKID:account[:secret],...`, parsed by config.ts). */
export interface AccessKey {
  accountId: string;
  /** When set, requests signed with this key must carry a valid SigV4 signature. */
  secret?: string | undefined;
}

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/20261126/us-west-2/appmesh/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=<hex>`. Returns `undefined` for another scheme
 * and throws `IncompleteSignatureException` for a malformed SigV4 header.
 */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const trimmed = header.trim();
  if (trimmed !== SIGV4_ALGORITHM && !trimmed.startsWith(`${SIGV4_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(SIGV4_ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const missing = [
    credential ? undefined : "'Credential'",
    signedHeaders ? undefined : "'SignedHeaders'",
    signature ? undefined : "'Signature'",
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0 || !credential || !signedHeaders || !signature) {
    throw new SigV4Error(
      'IncompleteSignatureException',
      `Authorization header requires ${missing.join(', ')} parameter(s). Authorization=${SIGV4_ALGORITHM}`,
    );
  }
  const scope = credential.split('/');
  if (scope.length !== 5 || scope.some((s) => s.length === 0)) {
    throw new SigV4Error(
      'IncompleteSignatureException',
      `Credential should have the form <access key>/<date>/<region>/<service>/aws4_request; got '${credential}'.`,
    );
  }
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = scope;
  if (!/^[0-9a-f]{64}$/i.test(signature)) {
    throw new SigV4Error('IncompleteSignatureException', 'Signature must be 64 hexadecimal characters.');
  }
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: signedHeaders.split(';').map((h) => h.trim().toLowerCase()),
    signature: signature.toLowerCase(),
  };
}

/** `encodeURIComponent` plus `!'()*`: leaves exactly A-Z a-z 0-9 - _ . ~ as they are. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The canonical URI: dot segments removed, then encoded once more (`%` becomes `%25`). */
export function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${
    segments.length > 0 && rawPath.endsWith('/') ? '/' : ''
  }`;
  return uriEncode(normalized).replace(/%2F/g, '/');
}

/** The canonical query string: decoded, re-encoded, sorted by key then value. */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    const encodedKey = uriEncode(safeDecode(key));
    if (encodedKey.toLowerCase() === 'x-amz-signature') continue;
    pairs.push([encodedKey, uriEncode(safeDecode(value))]);
  }
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Header values by lower-case name; repeated headers joined with `,`. */
export function headerMap(rawHeaders: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = (rawHeaders[i + 1] ?? '')
      .replace(/[\r\n]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim();
    const prior = map.get(name);
    map.set(name, prior === undefined ? value : `${prior},${value}`);
  }
  return map;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Uint8Array | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** `20261126T133000Z` -> epoch milliseconds, or `undefined` when it is not that form. */
export function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isNaN(ms) ? undefined : ms;
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export interface CanonicalParts {
  canonicalRequest: string;
  stringToSign: string;
}

/** Builds the canonical request and the string to sign for a parsed Authorization header. */
export function canonicalize(
  req: SignableRequest,
  auth: ParsedAuthorization,
  headers: Map<string, string>,
  amzDate: string,
): CanonicalParts {
  const q = req.url.indexOf('?');
  const rawPath = q === -1 ? req.url : req.url.slice(0, q);
  const rawQuery = q === -1 ? '' : req.url.slice(q + 1).replace(/#.*$/, '');
  const sortedSigned = [...auth.signedHeaders].sort();
  const canonicalHeaders = sortedSigned.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  const body = req.body && req.body.length > 0 ? req.body : undefined;
  const declared = headers.get('x-amz-content-sha256');
  const payloadHash = declared ?? (body ? sha256Hex(body) : EMPTY_SHA256);
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    canonicalHeaders,
    sortedSigned.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/${auth.terminator}`;
  const stringToSign = [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  return { canonicalRequest, stringToSign };
}

export interface VerifyOptions {
  /** server clock, epoch ms (tests pass a fixed one) */
  now?: number;
  maxSkewMs?: number;
}

/**
 * Verifies the signature of `req` against `secret`. Throws `SigV4Error` when the header is
 * malformed, the date is missing or stale, the scope is wrong, the body does not match its
 * declared hash, or the signature does not match.
 */
export function verifySignature(
  req: SignableRequest,
  auth: ParsedAuthorization,
  secret: string,
  options: VerifyOptions = {},
): void {
  const now = options.now ?? Date.now();
  const maxSkew = options.maxSkewMs ?? MAX_CLOCK_SKEW_MS;
  const headers = headerMap(req.rawHeaders);
  if (auth.terminator !== 'aws4_request') {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`,
    );
  }
  if (auth.service !== SIGV4_SERVICE) {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Credential should be scoped to correct service: '${SIGV4_SERVICE}'.`,
    );
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new SigV4Error('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const amzDate = headers.get('x-amz-date');
  const requestTime = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || requestTime === undefined) {
    throw new SigV4Error(
      'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header in the form YYYYMMDDTHHMMSSZ.",
    );
  }
  if (!auth.signedHeaders.includes('x-amz-date')) {
    throw new SigV4Error(
      'InvalidSignatureException',
      "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (amzDate.slice(0, 8) !== auth.date) {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const minutes = Math.round(maxSkew / 60000);
  if (requestTime < now - maxSkew) {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - maxSkew)} (${formatAmzDate(now)} - ${minutes} min.)`,
    );
  }
  if (requestTime > now + maxSkew) {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + maxSkew)} (${formatAmzDate(now)} + ${minutes} min.)`,
    );
  }
  const declared = headers.get('x-amz-content-sha256');
  if (declared !== undefined && declared !== UNSIGNED_PAYLOAD) {
    const actual = req.body && req.body.length > 0 ? sha256Hex(req.body) : EMPTY_SHA256;
    if (declared.toLowerCase() !== actual) {
      throw new SigV4Error(
        'InvalidSignatureException',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
    }
  }
  const { stringToSign } = canonicalize(req, auth, headers, amzDate);
  const expected = createHmac('sha256', signingKey(secret, auth.date, auth.region, auth.service))
    .update(stringToSign, 'utf8')
    .digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SigV4Error('InvalidSignatureException', SIGNATURE_MISMATCH_MESSAGE);
  }
}

export interface AuthenticateOptions extends VerifyOptions {
  /** the account of unsigned requests and of keys that are not configured */
  defaultAccountId: string;
}

export interface Authenticated {
  accountId: string;
  /** the access key named in the Authorization header, if any */
  accessKeyId?: string;
  /** true when the signature was checked against a configured secret */
  verified: boolean;
}

/**
 * Maps a request to the caller's account. A key configured with a secret must carry a valid,
 * fresh signature (else `SigV4Error`); a key configured without a secret maps to its account;
 * an unknown key or an unsigned request maps to `defaultAccountId`.
 */
export function authenticateRequest(
  req: SignableRequest,
  keys: ReadonlyMap<string, AccessKey>,
  options: AuthenticateOptions,
): Authenticated {
  const headers = headerMap(req.rawHeaders);
  const header = headers.get('authorization');
  if (header === undefined || header === '') {
    return { accountId: options.defaultAccountId, verified: false };
  }
  const auth = parseAuthorization(header);
  if (!auth) return { accountId: options.defaultAccountId, verified: false };
  const key = keys.get(auth.accessKeyId);
  if (!key) {
    return { accountId: options.defaultAccountId, accessKeyId: auth.accessKeyId, verified: false };
  }
  if (key.secret === undefined || key.secret === '') {
    return { accountId: key.accountId, accessKeyId: auth.accessKeyId, verified: false };
  }
  verifySignature(req, auth, key.secret, options);
  return { accountId: key.accountId, accessKeyId: auth.accessKeyId, verified: true };
}
