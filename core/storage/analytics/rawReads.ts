import type { InstantRange, TicketTimes } from '../../analytics/analyticsPorts.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import type { Database } from '../db/openDatabase.ts';

/** Buyers of the range and those who bought twice or more, from the Purchase (createdAt, memberId, refundedAt) index alone. */
export async function buyers(db: Database, range: InstantRange): Promise<{ buyers: number; repeatBuyers: number }> {
  // SQLite would rather walk (memberId, createdAt) whole to group without sorting: a range of this one reads far less.
  const index =
    db.provider === 'sqlite' ? Prisma.sql`INDEXED BY "Purchase_createdAt_memberId_refundedAt_idx"` : Prisma.empty;
  const [row] = await db.prisma.$queryRaw<{ buyers: bigint | number; repeat: bigint | number | null }[]>`
    SELECT COUNT(*) AS "buyers", SUM(CASE WHEN t."n" >= 2 THEN 1 ELSE 0 END) AS "repeat" FROM (
      SELECT "memberId", COUNT(*) AS "n" FROM "Purchase" ${index}
      WHERE "createdAt" >= ${range.from} AND "createdAt" < ${range.to} AND "refundedAt" IS NULL
      GROUP BY "memberId") t`;
  return { buyers: Number(row?.buyers ?? 0), repeatBuyers: Number(row?.repeat ?? 0) };
}

/** Every member's unspent points, now. */
export async function outstandingPoints(db: Database): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ points: bigint | number | null }[]>`
    SELECT SUM("balance") AS "points" FROM "Member"`;
  return Number(row?.points ?? 0);
}

/** Tickets nobody resolved yet. */
export async function openTickets(db: Database): Promise<number> {
  return db.prisma.ticket.count({ where: { status: { not: 'resolved' } } });
}

/** When each ticket opened in the range was first answered and resolved. */
export async function ticketTimes(db: Database, range: InstantRange): Promise<TicketTimes[]> {
  return db.prisma.ticket.findMany({
    where: { openedAt: { gte: range.from, lt: range.to } },
    select: { openedAt: true, firstResponseAt: true, resolvedAt: true },
  });
}
