/** How transient failures (5xx, network) are retried. */
export interface RetryPolicy {
  /** The first retry's delay, doubled on every further attempt. */
  baseMs: number;
  /** No delay grows beyond this. */
  capMs: number;
  /** After this many attempts a message that still fails transiently is given up as failed. */
  maxAttempts: number;
}

/** 1 s, 2 s, 4 s… up to 5 minutes: 20 attempts span about an hour of a platform outage. */
export const defaultRetryPolicy: RetryPolicy = { baseMs: 1_000, capMs: 300_000, maxAttempts: 20 };

/**
 * The delay before retrying after `attempts` attempts: exponential, capped,
 * then somewhere between half and all of it, so that the many messages an
 * outage failed together do not all come back in the same instant.
 */
export function backoffMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.capMs, exponential);
  return Math.round(capped / 2 + random() * (capped / 2));
}
