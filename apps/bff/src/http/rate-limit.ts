import type { RequestHandler } from 'express';
import { AppError } from './app-error.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface TokenBucketOptions {
  /** Tokens per minute, which is also the bucket's size (a full minute's burst). */
  perMinute: number;
  now?: () => number;
  /** Buckets kept before idle (full) ones are dropped. */
  maxClients?: number;
}

/** A token bucket per key: `take(key)` is true while the key has tokens left. In memory, one process. */
export class TokenBuckets {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #maxClients: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: TokenBucketOptions) {
    this.#capacity = options.perMinute;
    this.#perMs = options.perMinute / 60_000;
    this.#now = options.now ?? Date.now;
    this.#maxClients = options.maxClients ?? 10_000;
  }

  /** Clients currently tracked. */
  get size(): number {
    return this.#buckets.size;
  }

  take(key: string): boolean {
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= this.#maxClients) this.#prune(now);
      bucket = { tokens: this.#capacity, updatedAt: now };
      this.#buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.updatedAt) * this.#perMs);
      bucket.updatedAt = now;
    }
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `key` has a token again (at least 1). */
  retryAfterSeconds(key: string): number {
    const bucket = this.#buckets.get(key);
    if (!bucket || bucket.tokens >= 1 || this.#perMs === 0) return 1;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#perMs >= this.#capacity) this.#buckets.delete(key);
    }
    // Still full of busy clients: forget the oldest rather than grow without bound.
    while (this.#buckets.size >= this.#maxClients) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest === undefined) break;
      this.#buckets.delete(oldest);
    }
  }
}

/** Rejects a client over its budget with 429 TooManyRequestsException. `perMinute` 0 turns it off. */
export function rateLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets({ perMinute });
  return (req, res, next) => {
    const key = req.socket.remoteAddress ?? 'unknown';
    if (buckets.take(key)) return next();
    res.setHeader('Retry-After', String(buckets.retryAfterSeconds(key)));
    next(
      new AppError(
        'TooManyRequestsException',
        `Too many requests: the limit is ${perMinute} per minute per client. Try again shortly.`,
      ),
    );
  };
}
