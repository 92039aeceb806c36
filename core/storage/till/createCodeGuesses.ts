import { CODE_GUESSES_PER_MINUTE, type CodeGuesses } from '../../till/tillPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { recordAttempt, waitForAttempt } from '../db/attempts.ts';

const MINUTE_MS = 60_000;

/**
 * Failed code guesses in the database, shared by every instance: the API's
 * keys and the Telegram till's cashiers. With `kind: 'phone'`, the API's
 * look-ups by phone, each of which counts.
 */
export function createCodeGuesses(
  db: Database,
  { perMinute = CODE_GUESSES_PER_MINUTE, kind = 'code' }: { perMinute?: number; kind?: 'code' | 'phone' } = {},
): CodeGuesses {
  const limit = { max: perMinute, windowMs: MINUTE_MS };
  return {
    waitFor: (guesser, at) => waitForAttempt(db, `${kind}:${guesser}`, at, limit),
    failed: (guesser, at) => recordAttempt(db, `${kind}:${guesser}`, at, MINUTE_MS),
  };
}
