import type { Database } from './openDatabase.ts';
import { recordAttempt, waitForAttempt } from './attempts.ts';

/** Failures counted per subject in the database, shared by every instance. */
export interface AttemptLimit {
  /** Seconds until `subject` may try again; null when it may now. */
  waitFor(subject: string, at: Date): Promise<number | null>;
  /** Counts one failure of `subject`. */
  failed(subject: string, at: Date): Promise<void>;
}

/** At most `max` failures of a subject within `windowMs`; subjects are kept apart by `kind`. */
export function createAttemptLimit(db: Database, kind: string, max: number, windowMs: number): AttemptLimit {
  const limit = { max, windowMs };
  return {
    waitFor: (subject, at) => waitForAttempt(db, `${kind}:${subject}`, at, limit),
    failed: (subject, at) => recordAttempt(db, `${kind}:${subject}`, at, windowMs),
  };
}
