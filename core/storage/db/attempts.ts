import type { Database } from './openDatabase.ts';
import { withTransactionRetry } from './withTransactionRetry.ts';

/**
 * Attempts that count against a limit, per subject (`phone:<chatId>`,
 * `code:key:<id>`…), kept in the database so every instance sees the same
 * count and a restart forgets nothing. Rows older than the window are
 * dropped as new ones come.
 */
export async function recordAttempt(db: Database, subject: string, at: Date, windowMs: number): Promise<void> {
  await withTransactionRetry(db, async (tx) => {
    await tx.attempt.deleteMany({ where: { subject, at: { lte: new Date(at.getTime() - windowMs) } } });
    await tx.attempt.create({ data: { subject, at } });
  });
}

/** The subject's attempts in the window up to `at`, oldest first. */
export async function attemptsWithin(db: Database, subject: string, at: Date, windowMs: number): Promise<Date[]> {
  const rows = await db.prisma.attempt.findMany({
    where: { subject, at: { gt: new Date(at.getTime() - windowMs), lte: at } },
    orderBy: { at: 'asc' },
    select: { at: true },
  });
  return rows.map((row) => row.at);
}

/** Seconds until `subject` is under `limit` attempts in the window again; null when it is now. */
export async function waitForAttempt(
  db: Database,
  subject: string,
  at: Date,
  limit: { max: number; windowMs: number },
): Promise<number | null> {
  const recent = await attemptsWithin(db, subject, at, limit.windowMs);
  if (recent.length < limit.max) return null;
  const freedAt = recent[recent.length - limit.max]!.getTime() + limit.windowMs;
  return Math.max(1, Math.ceil((freedAt - at.getTime()) / 1000));
}
