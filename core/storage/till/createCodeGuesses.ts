import { CODE_GUESSES_PER_MINUTE, type CodeGuesses } from '../../till/tillPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { recordAttempt, waitForAttempt } from '../db/attempts.ts';

const MINUTE_MS = 60_000;

/** Failed code guesses in the database, shared by every instance: the API's keys and the Telegram till's cashiers. */
export function createCodeGuesses(db: Database, perMinute = CODE_GUESSES_PER_MINUTE): CodeGuesses {
  const limit = { max: perMinute, windowMs: MINUTE_MS };
  return {
    waitFor: (guesser, at) => waitForAttempt(db, `code:${guesser}`, at, limit),
    failed: (guesser, at) => recordAttempt(db, `code:${guesser}`, at, MINUTE_MS),
  };
}
