import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.js';

describe('TokenBuckets', () => {
  it('when a key spends its minute of tokens, then it is refused until they refill', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, now: () => now });
    for (let i = 0; i < 60; i++) expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
    expect(buckets.retryAfterSeconds('a')).toBe(1);
    expect(buckets.take('b')).toBe(true);
    now += 1000; // 60 per minute = one per second
    expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
    now += 10 * 60_000;
    for (let i = 0; i < 60; i++) expect(buckets.take('a')).toBe(true);
    expect(buckets.take('a')).toBe(false);
  });

  it('when there are more clients than the cap, then the table stays bounded', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 10, now: () => now, maxClients: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      buckets.take(key);
      now += 1;
    }
    expect(buckets.size).toBeLessThanOrEqual(3);
    // a fresh client still gets its tokens
    expect(buckets.take('f')).toBe(true);
    expect(buckets.size).toBeLessThanOrEqual(3);
  });
});
