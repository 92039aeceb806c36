import type { Tx } from './openDatabase.ts';
import type { Database } from './openDatabase.ts';

const ATTEMPTS = 5;

/**
 * A transaction of a scheduled job, tried again when it lost a race with
 * another instance's transaction: SQLite answers SQLITE_BUSY at once (without
 * waiting) when two connections that both read try to write, and PostgreSQL
 * may pick a transaction as a deadlock victim. Both are rolled back whole, so
 * trying again is safe; the job's conditional writes make the retry a no-op
 * when the other instance already did the work.
 */
export async function withTransactionRetry<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.prisma.$transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isLostRace(error)) throw error;
      await sleep(attempt * 20 + Math.floor(Math.random() * 30));
    }
  }
}

/** SQLITE_BUSY from either client, Prisma's write-conflict code, PostgreSQL's deadlock and serialization codes. */
function isLostRace(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (code === 'P2034') return true;
  const text = `${String((error as Error)?.message ?? '')} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  return /SQLITE_BUSY|database is locked|40P01|40001|deadlock detected/.test(text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
