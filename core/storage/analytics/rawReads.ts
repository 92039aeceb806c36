import type { InstantRange, PurchaseActivity, TicketTimes } from '../../analytics/analyticsPorts.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import type { Database } from '../db/openDatabase.ts';

const DAY_MS = 86_400_000;

/**
 * Buyers and repeat buyers of the range, and members active in the 30 and 90
 * days before its end, from one range of the Purchase (createdAt, memberId,
 * refundedAt) index: each member's purchases in the range and their latest.
 */
export async function purchaseActivity(db: Database, range: InstantRange): Promise<PurchaseActivity> {
  // SQLite would rather walk (memberId, createdAt) whole to group without sorting: a range of this one reads far less.
  const index =
    db.provider === 'sqlite' ? Prisma.sql`INDEXED BY "Purchase_createdAt_memberId_refundedAt_idx"` : Prisma.empty;
  const since = (days: number) => new Date(range.to.getTime() - days * DAY_MS);
  const start = new Date(Math.min(range.from.getTime(), since(90).getTime()));
  const [row] = await db.prisma.$queryRaw<
    Record<'buyers' | 'repeat' | 'active30' | 'active90', bigint | number | null>[]
  >`
    SELECT SUM(CASE WHEN t."n" >= 1 THEN 1 ELSE 0 END) AS "buyers", SUM(CASE WHEN t."n" >= 2 THEN 1 ELSE 0 END) AS "repeat",
           SUM(CASE WHEN t."last" >= ${since(30)} THEN 1 ELSE 0 END) AS "active30",
           SUM(CASE WHEN t."last" >= ${since(90)} THEN 1 ELSE 0 END) AS "active90" FROM (
      SELECT "memberId", SUM(CASE WHEN "createdAt" >= ${range.from} THEN 1 ELSE 0 END) AS "n", MAX("createdAt") AS "last"
      FROM "Purchase" ${index}
      WHERE "createdAt" >= ${start} AND "createdAt" < ${range.to} AND "refundedAt" IS NULL
      GROUP BY "memberId") t`;
  const n = (value: bigint | number | null | undefined) => Number(value ?? 0);
  return {
    buyers: n(row?.buyers),
    repeatBuyers: n(row?.repeat),
    active30: n(row?.active30),
    active90: n(row?.active90),
  };
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
