import { describe, expect, it } from 'vitest';
import { backoffMs, defaultRetryPolicy } from '../../core/outbox/retryPolicy.ts';

describe('retry backoff', () => {
  const policy = { baseMs: 1_000, capMs: 60_000, maxAttempts: 10 };

  it('doubles with every attempt, between half and all of the step', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never grows beyond the cap', () => {
    expect(backoffMs(30, policy, () => 1)).toBe(60_000);
  });

  it('by default keeps trying for about an hour of outage before giving up', () => {
    const total = Array.from({ length: defaultRetryPolicy.maxAttempts - 1 }, (_, i) =>
      backoffMs(i + 1, defaultRetryPolicy, () => 1),
    ).reduce((a, b) => a + b, 0);
    expect(total / 60_000).toBeGreaterThan(45);
    expect(total / 60_000).toBeLessThan(75);
  });
});
