import type { NpsGroupBy, ScoreCount, Touchpoint } from '../../surveys/surveysPorts.ts';
import type { SurveyKind } from '../../surveys/surveyScores.ts';
import type { Prisma as Client } from '../db/openDatabase.ts';
import { Prisma } from '../generated/sqlite/client.ts';

/** The groupings the daily counts can answer, and the column each reads. */
export const dailyKey: Partial<Record<NpsGroupBy, string>> = { week: 'day', day: 'day', store: 'store' };

interface DailyQuery {
  kind: SurveyKind;
  days: { from: string; to: string };
  touchpoint?: Touchpoint | undefined;
  store?: string | undefined;
}

const filters = ({ touchpoint, store }: DailyQuery) =>
  Prisma.sql`${touchpoint ? Prisma.sql`AND "touchpoint" = ${touchpoint}` : Prisma.empty}
             ${store ? Prisma.sql`AND "store" = ${store}` : Prisma.empty}`;

export async function dailyScoreCounts(
  prisma: Client,
  query: DailyQuery & { groupBy: NpsGroupBy | null },
): Promise<ScoreCount[]> {
  const column = query.groupBy ? dailyKey[query.groupBy] : undefined;
  // '' is how the counts keep "no store"; the report shows it as none recorded.
  const key = column ? Prisma.raw(`NULLIF("${column}", '')`) : Prisma.sql`NULL`;
  const rows = await prisma.$queryRaw<Array<{ key: string | null; score: number; count: bigint | number }>>`
    SELECT ${key} AS "key", "score", SUM("answers") AS "count"
    FROM "SurveyDailyScore"
    WHERE "kind" = ${query.kind} AND "day" >= ${query.days.from} AND "day" < ${query.days.to} ${filters(query)}
    GROUP BY 1, 2`;
  return rows.map((row) => ({ key: row.key, score: Number(row.score), count: Number(row.count) }));
}

export async function dailyAskedCounts(
  prisma: Client,
  query: DailyQuery,
): Promise<{ asked: number; answered: number }> {
  const [row] = await prisma.$queryRaw<Array<{ asked: bigint | number | null; answered: bigint | number | null }>>`
    SELECT SUM("asked") AS "asked", SUM("answered") AS "answered"
    FROM "SurveyDailyAsked"
    WHERE "kind" = ${query.kind} AND "day" >= ${query.days.from} AND "day" < ${query.days.to} ${filters(query)}`;
  return { asked: Number(row?.asked ?? 0), answered: Number(row?.answered ?? 0) };
}
