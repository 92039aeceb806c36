import type { Database } from '../db/openDatabase.ts';

/** What waits in one lane of the outbox now. */
export interface OutboxBacklog {
  channel: string;
  /** Messages due now and not yet settled (waiting or being sent). */
  depth: number;
  /** Seconds since the longest-waiting of them became due (for a retried one: since its latest retry fell due). */
  oldestAgeSeconds: number;
}

/**
 * The outbox's backlog by lane, for the metrics scrape: one grouped query on
 * the `(status, nextAttemptAt)` index. Messages scheduled for later (a
 * birthday greeting waiting for a decent hour) are not late, so not counted.
 */
export async function readOutboxBacklog(db: Database, now: Date): Promise<OutboxBacklog[]> {
  const rows = await db.prisma.outboxMessage.groupBy({
    by: ['channel'],
    where: { status: { in: ['pending', 'sending'] }, nextAttemptAt: { lte: now } },
    _count: { _all: true },
    _min: { nextAttemptAt: true },
  });
  return rows.map((row) => ({
    channel: row.channel,
    depth: row._count._all,
    oldestAgeSeconds: row._min.nextAttemptAt
      ? Math.max(0, (now.getTime() - row._min.nextAttemptAt.getTime()) / 1000)
      : 0,
  }));
}
