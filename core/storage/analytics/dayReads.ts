import type { DayRange, DayTotals } from '../../analytics/analyticsPorts.ts';
import type { Database } from '../db/openDatabase.ts';

type Row = { [K in keyof DayTotals]: bigint | number | null };

/** DailyFigures summed over the days: one range of its primary key. */
export async function dayTotals(db: Database, days: DayRange): Promise<DayTotals> {
  const [row] = await db.prisma.$queryRaw<Row[]>`
    SELECT SUM("purchases") AS "purchases", SUM("revenue") AS "revenue", SUM("newMembers") AS "newMembers",
           SUM("pointsIssued") AS "pointsIssued", SUM("pointsRedeemed") AS "pointsRedeemed",
           SUM("pointsExpired") AS "pointsExpired"
    FROM "DailyFigures" WHERE "day" >= ${days.from} AND "day" <= ${days.to}`;
  return totalsOf(row);
}

/** DailyFigures day by day, for the trend chart. */
export async function daySeries(db: Database, days: DayRange): Promise<(DayTotals & { day: string })[]> {
  const rows = await db.prisma.dailyFigures.findMany({
    where: { day: { gte: days.from, lte: days.to } },
    orderBy: { day: 'asc' },
  });
  return rows;
}

/** Members who joined on or before the day, as the daily counts have it. */
export async function membersUpTo(db: Database, day: string): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ n: bigint | number | null }[]>`
    SELECT SUM("newMembers") AS n FROM "DailyFigures" WHERE "day" <= ${day}`;
  return Number(row?.n ?? 0);
}

function totalsOf(row: Row | undefined): DayTotals {
  const n = (value: bigint | number | null | undefined) => Number(value ?? 0);
  return {
    purchases: n(row?.purchases),
    revenue: n(row?.revenue),
    newMembers: n(row?.newMembers),
    pointsIssued: n(row?.pointsIssued),
    pointsRedeemed: n(row?.pointsRedeemed),
    pointsExpired: n(row?.pointsExpired),
  };
}
