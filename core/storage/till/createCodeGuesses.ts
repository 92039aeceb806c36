import { CODE_GUESSES_PER_MINUTE, type CodeGuesses } from '../../till/tillPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { createAttemptLimit } from '../db/createAttemptLimit.ts';

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
  return createAttemptLimit(db, kind, perMinute, MINUTE_MS);
}
