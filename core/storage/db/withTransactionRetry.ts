import { LostRaceError, retry, type AttemptPolicy } from '../../errors.ts';
import type { Tx } from './openDatabase.ts';
import type { Database } from './openDatabase.ts';

/** Five attempts, a few tens of milliseconds apart (jittered, so two losers do not collide again). */
const LOST_RACE_RETRY: AttemptPolicy = {
  attempts: 5,
  retryOn: (error) => isLostRace(error),
  delayMs: (attempt) => attempt * 20 + Math.floor(Math.random() * 30),
};

/**
 * A transaction, tried again when it lost a race with another transaction:
 * SQLite answers SQLITE_BUSY at once (without waiting) when two connections
 * that both read try to write, and PostgreSQL may pick a transaction as a
 * deadlock victim or fail it for serialization. Both roll it back whole, so
 * running it again is safe; callers keep their writes conditional (jobs) or
 * keyed by a unique constraint (a purchase's receipt), so a retry after the
 * other side did the work changes nothing. When every attempt lost, the
 * last loss is thrown as a `LostRaceError`.
 */
export async function withTransactionRetry<T>(
  db: Database,
  work: (tx: Tx) => Promise<T>,
  options?: { timeout: number; maxWait: number },
): Promise<T> {
  try {
    return await retry(LOST_RACE_RETRY, () => db.prisma.$transaction(work, options));
  } catch (error) {
    throw isLostRace(error) ? new LostRaceError(error) : error;
  }
}

/** SQLITE_BUSY from either client, Prisma's write-conflict code, PostgreSQL's deadlock and serialization codes. */
export function isLostRace(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (code === 'P2034') return true;
  const text = `${String((error as Error)?.message ?? '')} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  return /SQLITE_BUSY|database is locked|40P01|40001|deadlock detected/.test(text);
}
