import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque `nextToken`s: keyset pagination. A token names the list it belongs to (kind and scope) and
 * the last key returned; the next page starts strictly after that key, so concurrent inserts and
 * deletes never make a page repeat or skip an item that existed throughout. Tokens are signed with
 * a secret kept in the store (rotated by `reset`), expire after `TOKEN_TTL_MS`, and are checked
 * before use: a forged, foreign or stale token is refused, never trusted.
 */

export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface PageCursor {
  /** The list: e.g. `virtualGateways`. */
  list: string;
  /** The scope of that list: e.g. mesh owner and mesh name. */
  scope: string;
  /** The last key returned (for meshes, `[meshName, meshOwner]`). */
  after: string[];
}

interface TokenBody extends PageCursor {
  issuedAt: number;
}

export type TokenProblem = 'malformed' | 'forged' | 'foreign' | 'expired';

export class NextTokenError extends Error {
  constructor(readonly problem: TokenProblem) {
    super(`nextToken is ${problem}`);
  }
}

export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest().subarray(0, 18).toString('base64url');
}

export function encodeNextToken(secret: string, cursor: PageCursor, issuedAt: number): string {
  const body = Buffer.from(
    JSON.stringify({ l: cursor.list, s: cursor.scope, a: cursor.after, t: Math.floor(issuedAt) }),
  ).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/** Returns the cursor of a token issued for `list`/`scope`, or throws `NextTokenError`. */
export function decodeNextToken(secret: string, token: string, list: string, scope: string, now: number): string[] {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) throw new NextTokenError('malformed');
  const body = token.slice(0, dot);
  // Compare the text, not decoded bytes: base64url decoding ignores stray trailing characters.
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new NextTokenError('forged');
  let parsed: TokenBody;
  try {
    const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (
      typeof raw.l !== 'string' ||
      typeof raw.s !== 'string' ||
      typeof raw.t !== 'number' ||
      !Array.isArray(raw.a) ||
      !raw.a.every((part) => typeof part === 'string')
    ) {
      throw new NextTokenError('malformed');
    }
    parsed = { list: raw.l, scope: raw.s, after: raw.a as string[], issuedAt: raw.t };
  } catch {
    throw new NextTokenError('malformed');
  }
  if (parsed.list !== list || parsed.scope !== scope) throw new NextTokenError('foreign');
  if (now - parsed.issuedAt > TOKEN_TTL_MS || parsed.issuedAt - now > TOKEN_TTL_MS) throw new NextTokenError('expired');
  return parsed.after;
}
