import { Prisma } from '../generated/sqlite/client.ts';
import type { CohortCell, LifetimeSums, LtvGroupBy } from '../../analytics/analyticsPorts.ts';
import type { Database } from '../db/openDatabase.ts';

type Months = { from: string; to: string };

/** Members who joined in each month, from the daily counts. */
export async function cohortSizes(db: Database, months: Months): Promise<{ joinMonth: string; members: number }[]> {
  const rows = await db.prisma.$queryRaw<{ month: string; members: bigint | number }[]>`
    SELECT substr("day", 1, 7) AS "month", SUM("newMembers") AS "members" FROM "DailyFigures"
    WHERE "day" >= ${`${months.from}-01`} AND "day" <= ${`${months.to}-31`} GROUP BY 1`;
  return rows.map((row) => ({ joinMonth: row.month, members: Number(row.members) }));
}

/** Buyers per cohort and month: a range of the MemberMonth (joinMonth, month, purchases) index. */
export async function cohortCells(db: Database, months: Months): Promise<CohortCell[]> {
  const rows = await db.prisma.$queryRaw<{ joinMonth: string; month: string; buyers: bigint | number }[]>`
    SELECT "joinMonth", "month", COUNT(*) AS "buyers" FROM "MemberMonth"
    WHERE "joinMonth" >= ${months.from} AND "joinMonth" <= ${months.to} AND "purchases" > 0
    GROUP BY "joinMonth", "month"`;
  return rows.map((row) => ({ joinMonth: row.joinMonth, month: row.month, buyers: Number(row.buyers) }));
}

/**
 * Per group, Σ(spend ÷ lifetime months) and Σ lifetime months of the members
 * who joined in the months and bought; a lifetime runs from the first to the
 * last month with a purchase, both counted (month numbers read from `YYYY-MM`).
 */
export async function lifetimes(db: Database, months: Months, groupBy: LtvGroupBy | null): Promise<LifetimeSums[]> {
  const index = (column: string) =>
    Prisma.raw(`(CAST(substr(${column}, 1, 4) AS INTEGER) * 12 + CAST(substr(${column}, 6, 2) AS INTEGER))`);
  // Grouped by (joinMonth, memberId), the order of its covering index: each member's months are read together, unsorted.
  const rows = await db.prisma.$queryRaw<
    { key: string; members: bigint | number; monthly: number | null; lifetime: bigint | number | null }[]
  >`
    SELECT l."key" AS "key", COUNT(*) AS "members", SUM(CAST(l."spend" AS DOUBLE PRECISION) / l."lifetime") AS "monthly",
           SUM(l."lifetime") AS "lifetime" FROM (
      SELECT p."spend", p."lifetime", ${keyOf(groupBy)} AS "key" FROM (
        SELECT mm."joinMonth", mm."memberId", SUM(mm."spend") AS "spend",
               ${index('MAX(mm."month")')} - ${index('MIN(mm."month")')} + 1 AS "lifetime"
        FROM "MemberMonth" mm
        WHERE mm."joinMonth" >= ${months.from} AND mm."joinMonth" <= ${months.to} AND mm."purchases" > 0
        GROUP BY mm."joinMonth", mm."memberId") p) l
    GROUP BY l."key"`;
  return rows.map((row) => ({
    key: groupBy === null ? null : row.key,
    members: Number(row.members),
    monthlySpendSum: Number(row.monthly ?? 0),
    lifetimeMonthsSum: Number(row.lifetime ?? 0),
  }));
}

/** The group a member counts in: their tier now ('' for none), their join month, or whether they ever chatted. */
function keyOf(groupBy: LtvGroupBy | null): Prisma.Sql {
  switch (groupBy) {
    case null:
      return Prisma.sql`''`;
    case 'tier':
      return Prisma.sql`COALESCE((SELECT m."tier" FROM "Member" m WHERE m."id" = p."memberId"), '')`;
    case 'joinMonth':
      return Prisma.sql`p."joinMonth"`;
    case 'enrolment':
      return Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM "Chat" c WHERE c."memberId" = p."memberId") THEN 'chat' ELSE 'till' END`;
  }
}
