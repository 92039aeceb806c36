import type { NpsGroupBy, SurveyReports } from '../../surveys/surveysPorts.ts';
import type { ScoreGroup } from '../../surveys/surveyScores.ts';
import type { Database } from '../db/openDatabase.ts';
import { dailyAskedCounts, dailyKey, dailyScoreCounts } from './dailyReads.ts';
import { Prisma } from '../generated/sqlite/client.ts';

/** The column each grouping reads; days and weeks both read the programme-local day, folded in the core. */
const keyColumn: Record<NpsGroupBy, string> = {
  week: 'answeredDay',
  day: 'answeredDay',
  tier: 'tier',
  channel: 'channel',
  store: 'store',
  locale: 'locale',
};

/**
 * The reads behind the NPS and CSAT reports: one aggregate per report,
 * counted by (key, score) in the database. Whole days by week, day or store
 * read the daily counts; any other range or grouping aggregates the answers
 * themselves through a covering index.
 */
export function createSurveyReports(db: Database): SurveyReports {
  const prisma = db.prisma;
  return {
    scoreCounts: async ({ kind, range, groupBy, touchpoint, store }) => {
      if (range.days && (groupBy === null || groupBy in dailyKey))
        return dailyScoreCounts(prisma, { kind, days: range.days, groupBy, touchpoint, store });
      const key = groupBy ? Prisma.raw(`"${keyColumn[groupBy]}"`) : Prisma.sql`NULL`;
      const rows = await prisma.$queryRaw<Array<{ key: string | null; score: number; count: bigint | number }>>`
        SELECT ${key} AS "key", "score", COUNT(*) AS "count"
        FROM "SurveyQuestion"
        WHERE "kind" = ${kind} AND "answeredAt" >= ${range.from} AND "answeredAt" < ${range.to} AND "score" IS NOT NULL
          ${touchpoint ? Prisma.sql`AND "touchpoint" = ${touchpoint}` : Prisma.empty}
          ${store ? Prisma.sql`AND "store" = ${store}` : Prisma.empty}
        GROUP BY 1, 2`;
      return rows.map((row) => ({ key: row.key, score: Number(row.score), count: Number(row.count) }));
    },
    askedCounts: async ({ kind, range, touchpoint, store }) => {
      if (range.days) return dailyAskedCounts(prisma, { kind, days: range.days, touchpoint, store });
      const [row] = await prisma.$queryRaw<Array<{ asked: bigint | number; answered: bigint | number }>>`
        SELECT COUNT(*) AS "asked", COUNT("answeredAt") AS "answered"
        FROM "SurveyQuestion"
        WHERE "kind" = ${kind} AND "askedAt" >= ${range.from} AND "askedAt" < ${range.to}
          AND "status" IN ('asked', 'answered', 'expired')
          ${touchpoint ? Prisma.sql`AND "touchpoint" = ${touchpoint}` : Prisma.empty}
          ${store ? Prisma.sql`AND "store" = ${store}` : Prisma.empty}`;
      return { asked: Number(row?.asked ?? 0), answered: Number(row?.answered ?? 0) };
    },
    comments: async ({ range, group, limit, cursor }) => {
      const rows = await prisma.surveyQuestion.findMany({
        where: {
          kind: 'nps',
          comment: { not: null },
          answeredAt: { gte: range.from, lt: range.to },
          ...(group && { scoreGroup: group }),
        },
        orderBy: [{ answeredAt: 'desc' }, { id: 'desc' }],
        take: limit,
        ...(cursor && { cursor: { id: cursor }, skip: 1 }),
        include: { member: { select: { name: true } } },
      });
      return rows.map((row) => ({
        id: row.id,
        score: row.score ?? 0,
        group: row.scoreGroup as ScoreGroup,
        comment: row.comment ?? '',
        answeredAt: row.answeredAt ?? row.dueAt,
        memberId: row.memberId,
        memberName: row.member.name,
        ticketId: row.followUpTicketId,
      }));
    },
  };
}
