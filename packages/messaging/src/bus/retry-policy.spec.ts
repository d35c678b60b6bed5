import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, retryPolicy } from './retry-policy.ts';

const draws = (attempt: number, policy = defaultRetryPolicy) =>
  Array.from({ length: 200 }, () => backoffDelay(policy, attempt));

describe('backoff delay', () => {
  it('doubles from the initial delay, within ±20%', () => {
    for (const [attempt, base] of [
      [1, 100],
      [2, 200],
      [3, 400],
      [5, 1600],
    ] as const) {
      for (const delay of draws(attempt)) {
        expect(delay).toBeGreaterThanOrEqual(base * 0.8);
        expect(delay).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });

  it('stops growing at the cap, the jitter applied to it', () => {
    for (const delay of draws(30)) {
      expect(delay).toBeGreaterThanOrEqual(defaultRetryPolicy.maxDelayMs * 0.8);
      expect(delay).toBeLessThanOrEqual(defaultRetryPolicy.maxDelayMs * 1.2);
    }
  });

  it('spreads the consumers that failed together rather than retrying them in lockstep', () => {
    const delays = draws(4);
    expect(new Set(delays).size).toBeGreaterThan(50);
    const below = delays.filter((delay) => delay < 800).length;
    // About half on either side of the base: a bias would bunch restarts again.
    expect(below).toBeGreaterThan(50);
    expect(below).toBeLessThan(150);
  });
});

describe('retry policy', () => {
  it('refuses an attempt count that is not a positive integer, naming it', () => {
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow('maxAttempts must be a positive integer, not 0');
    expect(() => retryPolicy({ maxAttempts: 1.5 })).toThrow(/maxAttempts/);
    expect(retryPolicy({ maxAttempts: 3 })).toEqual({ ...defaultRetryPolicy, maxAttempts: 3 });
  });
});
