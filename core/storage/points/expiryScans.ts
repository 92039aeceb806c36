import type { Page, ScheduledNotification } from '../../jobs/jobsPorts.ts';
import type { ExpiringLot } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { toMemberRecord } from '../members/records.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';

/** Members holding lots that expired by `now` (unspent points, expiry passed), in id order. */
export async function membersWithExpiredLots(
  db: Database,
  now: Date,
  after: string | null,
  limit: number,
): Promise<Page<string>> {
  const groups = await db.prisma.ledgerEntry.groupBy({
    by: ['memberId'],
    where: { remaining: { gt: 0 }, expiresAt: { lte: now }, ...(after !== null && { memberId: { gt: after } }) },
    orderBy: { memberId: 'asc' },
    take: limit,
  });
  const items = groups.map((group) => group.memberId);
  return { items, next: items.length === limit ? items.at(-1)! : null };
}

/** Lots with unspent points expiring in (from, to] whose reminder is not in the outbox yet, in id order. */
export async function lotsToRemind(
  db: Database,
  window: { from: Date; to: Date },
  after: string | null,
  limit: number,
): Promise<Page<ExpiringLot>> {
  const rows = await db.prisma.ledgerEntry.findMany({
    where: {
      remaining: { gt: 0 },
      expiresAt: { gt: window.from, lte: window.to },
      ...(after !== null && { id: { gt: after } }),
    },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true, memberId: true, remaining: true, expiresAt: true, member: true },
  });
  const reminded = await remindedAmong(
    db,
    rows.map((row) => row.id),
  );
  const items = rows
    .filter((row) => !reminded.has(row.id))
    .map((row) => ({
      id: row.id,
      memberId: row.memberId,
      locale: toMemberRecord(row.member).locale,
      points: row.remaining,
      expiresAt: row.expiresAt!,
    }));
  return { items, next: rows.length === limit ? rows.at(-1)!.id : null };
}

async function remindedAmong(db: Database, lotIds: string[]): Promise<Set<string>> {
  if (lotIds.length === 0) return new Set();
  const rows = await db.prisma.outboxMessage.findMany({
    where: { dedupeKey: { in: lotIds.map(reminderKey) } },
    select: { dedupeKey: true },
  });
  return new Set(rows.map((row) => row.dedupeKey.slice(reminderKey('').length)));
}

function reminderKey(lotId: string): string {
  return `expiry-reminder:${lotId}`;
}

/** Writes one reminder; false when it was written before or the member has no chat to receive it. */
export async function remind(db: Database, notification: ScheduledNotification, at: Date): Promise<boolean> {
  const outcome = await withTransactionRetry(db, (tx) => enqueueInTransaction(tx, { ...notification, at }));
  return outcome === 'queued';
}
