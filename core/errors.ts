// The kinds of failure the core tells apart, in the spirit of grammY's three
// error classes: each kind is retried its own way, or not at all.
// - ConflictError: an optimistic lock was lost; the turn is answered again.
// - LostRaceError: the database rolled a transaction back for a race
//   (serialization failure, busy database, deadlock); it is run again.
// - A business refusal is no error at all: it is an outcome union returned
//   to the caller (`PurchaseOutcome`, `EnrolmentResult`…), never thrown.
// Delivery has its own five kinds and more (`SendResult` in core/outbox).

/**
 * Another update changed what this one read (a chat's state, a till's
 * session) before it could write. Nothing was written; the update is
 * handled again against the fresh state.
 */
export class ConflictError extends Error {
  constructor(readonly what: string) {
    super(`The ${what} changed while this update was handled; it will be handled again against the new state.`);
    this.name = 'ConflictError';
  }
}

/**
 * The database rolled a transaction back because it lost a race with
 * another one: SQLite's busy answer, PostgreSQL's serialization failure or
 * deadlock. Rolled back whole, so running it again is safe.
 */
export class LostRaceError extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `A transaction lost a race with another one and was rolled back: ${(cause as Error)?.message ?? String(cause)}`,
    );
    this.name = 'LostRaceError';
  }
}

/**
 * This attempt found its ground taken (a random card number or code that
 * someone already holds); another attempt, with a fresh value, may succeed.
 * `retry` always tries again after it.
 */
export class TryAgainError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TryAgainError';
  }
}

/** How `retry` tries a piece of work again. */
export interface AttemptPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** Which errors are worth another attempt, besides `TryAgainError`; none when absent. */
  retryOn?: (error: unknown) => boolean;
  /** The pause before attempt `attempt + 1`; none when absent. */
  delayMs?: (attempt: number) => number;
  /** The error to throw when every attempt found its ground taken (`TryAgainError`); that error when absent. */
  exhausted?: () => Error;
}

/**
 * Runs `work` until it succeeds, trying again after `TryAgainError` or an
 * error `policy.retryOn` accepts, at most `policy.attempts` times. The last
 * failure, or any other error, is thrown.
 */
export async function retry<T>(
  policy: AttemptPolicy,
  work: (attempt: number) => Promise<T>,
  options: { onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      const again = error instanceof TryAgainError || (policy.retryOn?.(error) ?? false);
      if (!again) throw error;
      if (attempt >= policy.attempts)
        throw error instanceof TryAgainError && policy.exhausted ? policy.exhausted() : error;
      options.onRetry?.(error, attempt);
      const delay = policy.delayMs?.(attempt) ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A paging cursor this server did not write (tampered with, or from another list); the caller should start again without it. */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this server gave; start again without it.');
    this.name = 'InvalidCursorError';
  }
}
