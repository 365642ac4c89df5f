import { createHash } from 'node:crypto';

/** JSON with object keys sorted and `undefined` members dropped, so equal requests serialise equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeys(member);
    }
    return sorted;
  }
  return value;
}

/** A digest identifying one request (operation + canonical input) for client-token idempotency. */
export function requestFingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\u0000').update(canonicalJson(input)).digest('base64url');
}
