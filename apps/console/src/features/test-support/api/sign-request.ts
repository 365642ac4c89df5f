/**
 * AWS Signature Version 4 in the browser, with the Web Crypto API: how the console proves an identity to the
 * test-support endpoints when the server has ACCESS_KEYS with secrets (docs/security.md). The secret only
 * keys the HMACs here; it is never sent and never stored. Web Crypto exists only in secure contexts (HTTPS,
 * localhost, 127.0.0.1), which is also the only kind of page a secret should be typed into.
 */

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignInput {
  method: string;
  /** the request path, already URI-encoded, without a query string */
  path: string;
  /** the Host header the browser will send (`location.host`) */
  host: string;
  body: string;
  region: string;
  service: string;
  credentials: SigningCredentials;
  /** other headers to sign, lower-case names (the signature covers them) */
  headers?: Record<string, string>;
  /** signing time; now by default */
  date?: Date;
  /** sign `x-amz-content-sha256` too (the server checks it against the body); default true */
  contentSha256?: boolean;
}

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(key: BufferSource, text: string): Promise<ArrayBuffer> {
  const imported = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', imported, encoder.encode(text));
}

/** True when this page may use Web Crypto, so it can sign. */
export function canSign(): boolean {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

/** The headers to add to the request: `authorization`, `x-amz-date` and (by default) `x-amz-content-sha256`. */
export async function signRequest(input: SignInput): Promise<Record<string, string>> {
  const amzDate = (input.date ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  const day = amzDate.slice(0, 8);
  const payloadHash = await sha256Hex(input.body);
  const added: Record<string, string> = { 'x-amz-date': amzDate };
  if (input.contentSha256 !== false) added['x-amz-content-sha256'] = payloadHash;
  const signed: Record<string, string> = { ...input.headers, host: input.host, ...added };
  const names = Object.keys(signed).sort();
  const canonicalRequest = [
    input.method.toUpperCase(),
    // the path's own encoding, encoded once more (the SigV4 rule for every service but S3)
    input.path
      .split('/')
      .map((segment) =>
        encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
      )
      .join('/'),
    '',
    names.map((name) => `${name}:${String(signed[name]).trim()}\n`).join(''),
    names.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key = await hmac(encoder.encode(`AWS4${input.credentials.secretAccessKey}`), day);
  for (const part of [input.region, input.service, 'aws4_request']) key = await hmac(key, part);
  const signature = hex(await hmac(key, stringToSign));
  return {
    ...added,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}
