import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * AWS Signature Version 4 for the App Mesh REST API: the Authorization header and presigned query strings.
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

/**
 * The exceptions AWS services answer when authentication fails (all HTTP 403), as the SDKs and the CLI name them:
 * no credentials at all, a key the service does not know, a malformed signature, a wrong or stale one.
 */
export const SIGV4_ERROR_NAMES = [
  'MissingAuthenticationTokenException',
  'UnrecognizedClientException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
] as const;
export type SigV4ErrorName = (typeof SIGV4_ERROR_NAMES)[number];

export const MISSING_AUTHENTICATION_MESSAGE = 'Request is missing Authentication Token';
export const UNRECOGNIZED_CLIENT_MESSAGE = 'The security token included in the request is invalid.';

/** The longest a presigned request may stay valid (SigV4: seven days). */
export const MAX_PRESIGN_EXPIRES_SECONDS = 604_800;

/** A signature problem, answered with HTTP 403 and `X-Amzn-Errortype: <name>`. */
export class SigV4Error extends Error {
  override readonly name: SigV4ErrorName;
  readonly status = 403;
  constructor(name: SigV4ErrorName, message: string) {
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
  return signatureParts(credential, signedHeaders, signature);
}

/** The credential scope, signed headers and signature of either form, checked for shape. */
function signatureParts(credential: string, signedHeaders: string, signature: string): ParsedAuthorization {
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

/**
 * The path as the signers normalise it (empty, `.` and `..` segments removed; a trailing `/` kept). The App
 * Mesh API routes this same path (`normalizeAppMeshPath` in appmesh-api.router.ts), so what is signed is what
 * runs: a signature for `/meshes/a` cannot be replayed on `/meshes/a/virtualGateways/..`.
 */
export function normalizePath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${
    segments.length > 0 && rawPath.endsWith('/') ? '/' : ''
  }`;
}

/** The canonical URI: the normalised path encoded once more (`%` becomes `%25`). */
export function canonicalPath(rawPath: string): string {
  return uriEncode(normalizePath(rawPath)).replace(/%2F/g, '/');
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

function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const q = url.indexOf('?');
  return {
    rawPath: q === -1 ? url : url.slice(0, q),
    rawQuery: q === -1 ? '' : url.slice(q + 1).replace(/#.*$/, ''),
  };
}

/** The sha256 of the body, or `x-amz-content-sha256` when the signer declared one. */
function payloadHashOf(req: SignableRequest, headers: Map<string, string>): string {
  const body = req.body && req.body.length > 0 ? req.body : undefined;
  return headers.get('x-amz-content-sha256') ?? (body ? sha256Hex(body) : EMPTY_SHA256);
}

/** Builds the canonical request and the string to sign for a parsed Authorization header (or presigned query). */
export function canonicalize(
  req: SignableRequest,
  auth: ParsedAuthorization,
  headers: Map<string, string>,
  amzDate: string,
  payloadHash: string = payloadHashOf(req, headers),
): CanonicalParts {
  const { rawPath, rawQuery } = splitUrl(req.url);
  const sortedSigned = [...auth.signedHeaders].sort();
  const canonicalHeaders = sortedSigned.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
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
  /** the service name of the credential scope; `appmesh` unless said otherwise */
  service?: string;
}

/** The scope checks both forms share: terminator, service, `host` signed. */
function checkScope(
  auth: ParsedAuthorization,
  where: 'AWS Authorization' | 'query string',
  service: string = SIGV4_SERVICE,
): void {
  if (auth.terminator !== 'aws4_request') {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`,
    );
  }
  if (auth.service !== service) {
    throw new SigV4Error('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'.`);
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new SigV4Error('InvalidSignatureException', `'Host' must be a 'SignedHeader' in the ${where}.`);
  }
}

function expectedSignature(secret: string, auth: ParsedAuthorization, stringToSign: string): Buffer {
  return createHmac('sha256', signingKey(secret, auth.date, auth.region, auth.service))
    .update(stringToSign, 'utf8')
    .digest();
}

/** A signing time beyond the allowed clock skew is refused, in both forms. */
function rejectFuture(amzDate: string, signedAt: number, now: number, maxSkew: number): void {
  if (signedAt <= now + maxSkew) return;
  throw new SigV4Error(
    'InvalidSignatureException',
    `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + maxSkew)} (${formatAmzDate(now)} + ${Math.round(maxSkew / 60000)} min.)`,
  );
}

function sameSignature(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given, 'hex');
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
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
  checkScope(auth, 'AWS Authorization', options.service);
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
  rejectFuture(amzDate, requestTime, now, maxSkew);
  const declared = headers.get('x-amz-content-sha256');
  const hasBody = req.body !== undefined && req.body.length > 0;
  if (declared === UNSIGNED_PAYLOAD && hasBody) {
    // S3 allows it; the App Mesh API does not: a signed request's body could otherwise be changed on the way.
    throw new SigV4Error(
      'InvalidSignatureException',
      'x-amz-content-sha256: UNSIGNED-PAYLOAD is not accepted for a request with a body; sign the payload.',
    );
  }
  if (declared !== undefined && declared !== UNSIGNED_PAYLOAD) {
    const actual = req.body && hasBody ? sha256Hex(req.body) : EMPTY_SHA256;
    if (declared.toLowerCase() !== actual) {
      throw new SigV4Error(
        'InvalidSignatureException',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
    }
  }
  const { stringToSign } = canonicalize(req, auth, headers, amzDate);
  if (!sameSignature(auth.signature, expectedSignature(secret, auth, stringToSign))) {
    throw new SigV4Error('InvalidSignatureException', SIGNATURE_MISMATCH_MESSAGE);
  }
}

// ---------- presigned requests (SigV4 in the query string)

const PRESIGN_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
] as const;

export interface ParsedPresign extends ParsedAuthorization {
  /** `X-Amz-Date`, YYYYMMDDTHHMMSSZ */
  amzDate: string;
  /** `X-Amz-Expires`, seconds */
  expiresSeconds: number;
}

/** The query parameters of a URL by exact name (decoded); `undefined` for a name given twice. */
function queryParameters(rawQuery: string): Map<string, string | undefined> {
  const params = new Map<string, string | undefined>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq === -1 ? part : part.slice(0, eq));
    const value = safeDecode(eq === -1 ? '' : part.slice(eq + 1));
    params.set(key, params.has(key) ? undefined : value);
  }
  return params;
}

/** True when the URL carries any SigV4 query parameter (a presigned request, well formed or not). */
export function isPresigned(url: string): boolean {
  const params = queryParameters(splitUrl(url).rawQuery);
  return PRESIGN_PARAMETERS.some((name) => params.has(name));
}

/**
 * Parses the SigV4 query parameters of a presigned URL. Throws `IncompleteSignatureException` when one is missing,
 * repeated or malformed, or when `X-Amz-Expires` is not a whole number of seconds from 1 to 604800.
 */
export function parsePresign(url: string): ParsedPresign {
  const params = queryParameters(splitUrl(url).rawQuery);
  const missing = PRESIGN_PARAMETERS.filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw new SigV4Error(
      'IncompleteSignatureException',
      `AWS query-string parameters must include ${missing.map((m) => `'${m}'`).join(', ')}, each once. Re-examine the query-string parameters.`,
    );
  }
  const value = (name: (typeof PRESIGN_PARAMETERS)[number]) => params.get(name) as string;
  if (value('X-Amz-Algorithm') !== SIGV4_ALGORITHM) {
    throw new SigV4Error('IncompleteSignatureException', `X-Amz-Algorithm only supports ${SIGV4_ALGORITHM}.`);
  }
  const expires = value('X-Amz-Expires');
  if (!/^\d{1,7}$/.test(expires) || Number(expires) < 1 || Number(expires) > MAX_PRESIGN_EXPIRES_SECONDS) {
    throw new SigV4Error(
      'IncompleteSignatureException',
      `X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_PRESIGN_EXPIRES_SECONDS} (seven days).`,
    );
  }
  const auth = signatureParts(value('X-Amz-Credential'), value('X-Amz-SignedHeaders'), value('X-Amz-Signature'));
  return { ...auth, amzDate: value('X-Amz-Date'), expiresSeconds: Number(expires) };
}

/**
 * Verifies a presigned request against `secret`: the scope, the date (not in the future beyond the clock skew,
 * not past `X-Amz-Date + X-Amz-Expires`) and the signature over every query parameter but `X-Amz-Signature`.
 * The payload is the body's hash (the AWS SDK for JavaScript) or, for a request without a body,
 * `UNSIGNED-PAYLOAD` (botocore's presigner); a body is never accepted unsigned.
 */
export function verifyPresigned(
  req: SignableRequest,
  presign: ParsedPresign,
  secret: string,
  options: VerifyOptions = {},
): void {
  const now = options.now ?? Date.now();
  const maxSkew = options.maxSkewMs ?? MAX_CLOCK_SKEW_MS;
  checkScope(presign, 'query string', options.service);
  const signedAt = parseAmzDate(presign.amzDate);
  if (signedAt === undefined) {
    throw new SigV4Error('IncompleteSignatureException', 'X-Amz-Date must be in the form YYYYMMDDTHHMMSSZ.');
  }
  if (presign.amzDate.slice(0, 8) !== presign.date) {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from X-Amz-Date: '${presign.date}' != '${presign.amzDate.slice(0, 8)}'.`,
    );
  }
  rejectFuture(presign.amzDate, signedAt, now, maxSkew);
  const expiresAt = signedAt + presign.expiresSeconds * 1000;
  if (now > expiresAt) {
    throw new SigV4Error(
      'InvalidSignatureException',
      `Signature expired: the presigned request signed at ${presign.amzDate} for ${presign.expiresSeconds} seconds expired at ${formatAmzDate(expiresAt)}; it is now ${formatAmzDate(now)}.`,
    );
  }
  const headers = headerMap(req.rawHeaders);
  const body = req.body && req.body.length > 0 ? req.body : undefined;
  const payloads = body ? [payloadHashOf(req, headers)] : [payloadHashOf(req, headers), UNSIGNED_PAYLOAD];
  const matches = payloads.some((payload) => {
    const { stringToSign } = canonicalize(req, presign, headers, presign.amzDate, payload);
    return sameSignature(presign.signature, expectedSignature(secret, presign, stringToSign));
  });
  if (!matches) throw new SigV4Error('InvalidSignatureException', SIGNATURE_MISMATCH_MESSAGE);
}

export interface AuthenticateOptions extends VerifyOptions {
  /** the account of unsigned requests and of keys that are not configured, while no key has a secret */
  defaultAccountId: string;
}

export interface Authenticated {
  accountId: string;
  /** the access key named in the Authorization header, if any */
  accessKeyId?: string;
  /** true when the signature was checked against a configured secret */
  verified: boolean;
}

/** True when any configured key has a secret: then every request must be signed by a known key. */
export function signaturesRequired(keys: ReadonlyMap<string, AccessKey>): boolean {
  for (const key of keys.values()) if (key.secret !== undefined && key.secret !== '') return true;
  return false;
}

/** The scheme of a non-SigV4 Authorization header, for a message (never the credentials that follow it). */
function schemeOf(header: string): string {
  const scheme = /^[A-Za-z0-9._-]{1,32}/.exec(header.trim())?.[0];
  return scheme ? `"${scheme}"` : 'another scheme';
}

/**
 * Maps a request to the caller's account, with the SigV4 Authorization header or a presigned query string.
 *
 * While no configured key has a secret, the API is open: an unsigned request, another scheme or an unknown key
 * act as `defaultAccountId`, and a known key selects its account. Once any key has a secret, every request must
 * name a configured key: unsigned is `MissingAuthenticationTokenException`, another scheme (`Bearer ...`) or a
 * malformed signature `IncompleteSignatureException`, an unknown key `UnrecognizedClientException`. A key with a
 * secret must always carry a valid, fresh signature (`InvalidSignatureException`); a key configured without one
 * selects its account unverified. See docs/security.md, "The App Mesh API: SigV4".
 */
export function authenticateRequest(
  req: SignableRequest,
  keys: ReadonlyMap<string, AccessKey>,
  options: AuthenticateOptions,
): Authenticated {
  const locked = signaturesRequired(keys);
  const open: Authenticated = { accountId: options.defaultAccountId, verified: false };
  const headers = headerMap(req.rawHeaders);
  const header = headers.get('authorization') ?? '';
  const presigned = isPresigned(req.url);
  if (header !== '' && presigned) {
    throw new SigV4Error(
      'IncompleteSignatureException',
      'Only one authentication method is allowed: the Authorization header or the X-Amz-* query parameters, not both.',
    );
  }
  if (header === '' && !presigned) {
    if (locked) throw new SigV4Error('MissingAuthenticationTokenException', MISSING_AUTHENTICATION_MESSAGE);
    return open;
  }
  const auth = presigned ? parsePresign(req.url) : parseAuthorization(header);
  if (!auth) {
    if (locked) {
      throw new SigV4Error(
        'IncompleteSignatureException',
        `Authorization header requires the ${SIGV4_ALGORITHM} scheme (AWS Signature Version 4), not ${schemeOf(header)}.`,
      );
    }
    return open;
  }
  const key = keys.get(auth.accessKeyId);
  if (!key) {
    if (locked) throw new SigV4Error('UnrecognizedClientException', UNRECOGNIZED_CLIENT_MESSAGE);
    return { ...open, accessKeyId: auth.accessKeyId };
  }
  if (key.secret === undefined || key.secret === '') {
    return { accountId: key.accountId, accessKeyId: auth.accessKeyId, verified: false };
  }
  if (presigned) verifyPresigned(req, auth as ParsedPresign, key.secret, options);
  else verifySignature(req, auth, key.secret, options);
  return { accountId: key.accountId, accessKeyId: auth.accessKeyId, verified: true };
}
