import type { Answer, MemberActivity } from '../../scoring/scoringPorts.ts';
import type { ScoringWindows } from '../../scoring/scoringCalendar.ts';
import type { Prisma as Client } from '../db/openDatabase.ts';
import { Prisma } from '../generated/sqlite/client.ts';

type Count = bigint | number | null;
type RawDate = Date | string | number;

/**
 * Every member's activity up to `asOf`, in four set-based passes (members,
 * purchases grouped by member, each member's latest answers by a window
 * function, NPS groups of the last year), merged by member id. Refunded
 * purchases count nowhere.
 */
export async function readActivity(prisma: Client, windows: ScoringWindows): Promise<MemberActivity[]> {
  const [members, purchases, nps, csat, npsYear] = await Promise.all([
    prisma.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Member" WHERE "erasedAt" IS NULL AND "createdAt" < ${windows.asOf} ORDER BY "id"`,
    purchaseTotals(prisma, windows),
    latestAnswers(prisma, Prisma.sql`"kind" = 'nps'`, windows.asOf),
    latestAnswers(prisma, Prisma.sql`"kind" = 'csat' AND "touchpoint" = 'desk'`, windows.asOf),
    npsGroupsLastYear(prisma, windows),
  ]);
  return members.map(({ id }) => {
    const bought = purchases.get(id);
    return {
      memberId: id,
      purchases: bought?.purchases ?? 0,
      spend: bought?.spend ?? 0,
      lastPurchaseAt: bought?.last ?? null,
      purchasesLastYear: bought?.lastYear ?? 0,
      purchasesByMonth: bought?.byMonth ?? windows.monthStarts.map(() => 0),
      latestNps: nps.get(id) ?? null,
      latestDeskCsat: csat.get(id) ?? null,
      npsLastYear: npsYear.get(id) ?? { positive: 0, detractors: 0 },
    };
  });
}

interface Totals {
  purchases: number;
  spend: number;
  last: Date;
  lastYear: number;
  byMonth: number[];
}

async function purchaseTotals(prisma: Client, windows: ScoringWindows): Promise<Map<string, Totals>> {
  const ends = [...windows.monthStarts.slice(1), windows.monthsEnd];
  const months = windows.monthStarts.map(
    (start, i) =>
      Prisma.sql`SUM(CASE WHEN "createdAt" >= ${start} AND "createdAt" < ${ends[i]} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"m${i}"`)}`,
  );
  const rows = await prisma.$queryRaw<Array<Record<string, Count> & { memberId: string; last: RawDate }>>`
    SELECT "memberId", COUNT(*) AS "purchases", SUM("paidAmount" + "redeemedAmount") AS "spend", MAX("createdAt") AS "last",
           SUM(CASE WHEN "createdAt" >= ${windows.yearAgo} THEN 1 ELSE 0 END) AS "lastYear", ${Prisma.join(months)}
    FROM "Purchase"
    WHERE "refundedAt" IS NULL AND "createdAt" < ${windows.asOf}
    GROUP BY "memberId"`;
  return new Map(
    rows.map((row) => [
      row.memberId,
      {
        purchases: Number(row.purchases),
        spend: Number(row.spend),
        last: dateOf(row.last),
        lastYear: Number(row.lastYear),
        byMonth: windows.monthStarts.map((_, i) => Number(row[`m${i}`] ?? 0)),
      },
    ]),
  );
}

async function latestAnswers(prisma: Client, kind: Prisma.Sql, asOf: Date): Promise<Map<string, Answer>> {
  const rows = await prisma.$queryRaw<Array<{ memberId: string; score: Count; answeredAt: RawDate }>>`
    SELECT "memberId", "score", "answeredAt" FROM (
      SELECT "memberId", "score", "answeredAt",
             ROW_NUMBER() OVER (PARTITION BY "memberId" ORDER BY "answeredAt" DESC, "id" DESC) AS "newest"
      FROM "SurveyQuestion"
      WHERE ${kind} AND "score" IS NOT NULL AND "answeredAt" IS NOT NULL AND "answeredAt" < ${asOf}
    ) AS "answers"
    WHERE "newest" = 1`;
  return new Map(rows.map((row) => [row.memberId, { score: Number(row.score), at: dateOf(row.answeredAt) }]));
}

async function npsGroupsLastYear(
  prisma: Client,
  windows: ScoringWindows,
): Promise<Map<string, MemberActivity['npsLastYear']>> {
  const rows = await prisma.$queryRaw<Array<{ memberId: string; positive: Count; detractors: Count }>>`
    SELECT "memberId", SUM(CASE WHEN "score" >= 7 THEN 1 ELSE 0 END) AS "positive",
           SUM(CASE WHEN "score" <= 6 THEN 1 ELSE 0 END) AS "detractors"
    FROM "SurveyQuestion"
    WHERE "kind" = 'nps' AND "score" IS NOT NULL AND "answeredAt" >= ${windows.yearAgo} AND "answeredAt" < ${windows.asOf}
    GROUP BY "memberId"`;
  return new Map(
    rows.map((row) => [row.memberId, { positive: Number(row.positive), detractors: Number(row.detractors) }]),
  );
}

/** An aggregate of a DateTime column loses its type on SQLite: it comes back as stored (text or milliseconds). */
function dateOf(value: RawDate): Date {
  return value instanceof Date ? value : new Date(value);
}
