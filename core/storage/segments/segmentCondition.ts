import { Prisma } from '../generated/sqlite/client.ts';
import type { SegmentQuery } from '../../segments/segmentQuery.ts';

type Range = { min?: number; max?: number } | undefined;
type Bounds = { atLeast?: Date; before?: Date } | undefined;

/**
 * A segment as a condition on the member row `m`: every part ANDed, erased
 * members left out. SQL rather than a Prisma filter because draw entries have
 * no relation to their member that a filter could follow, and because the
 * shape decides how fast SQLite counts 100,000 members: a member's own
 * columns first, then each "has a row in" part as a correlated `EXISTS` that
 * SQLite answers from an index on (memberId, …) once per member still in
 * the running. The same text works on both databases.
 */
export function segmentCondition(query: SegmentQuery): Prisma.Sql {
  const { lastPurchaseAt: last, joinedAt: joined } = query;
  const parts: Prisma.Sql[] = [
    Prisma.sql`m."erasedAt" IS NULL`,
    ...anyOf(Prisma.sql`m."tier"`, query.tiers),
    ...anyOf(Prisma.sql`m."locale"`, query.locales),
    ...anyOf(Prisma.sql`m."birthMonth"`, query.birthMonths),
    ...anyOf(Prisma.sql`m."npsGroup"`, query.npsGroups),
    ...(last ? [Prisma.sql`m."lastPurchaseAt" IS NOT NULL`, ...within(Prisma.sql`m."lastPurchaseAt"`, last)] : []),
    ...within(Prisma.sql`m."createdAt"`, joined),
    ...between(Prisma.sql`m."purchaseCount"`, query.purchaseCount),
    ...between(Prisma.sql`m."lifetimeSpend"`, query.lifetimeSpend),
    ...(query.optedIn ? [Prisma.sql`m."marketingOptIn"`] : []),
    ...hasRow(Prisma.sql`"Chat" r WHERE r."memberId" = m."id" AND r."channel"`, query.channels),
    ...hasRow(Prisma.sql`"QuizAttempt" r WHERE r."memberId" = m."id" AND r."quizId"`, query.playedQuizzes),
    ...hasRow(Prisma.sql`"ContestEntry" r WHERE r."memberId" = m."id" AND r."contestId"`, query.enteredContests),
    ...hasRow(
      Prisma.sql`"DrawEntry" r WHERE r."memberId" = m."id" AND r."withdrawnAt" IS NULL AND r."drawId"`,
      query.enteredDraws,
    ),
  ];
  return Prisma.join(parts, ' AND ');
}

/** `column IN (…)`; an empty list matches nobody, as Prisma's `in: []` did. */
function anyOf(column: Prisma.Sql, values: readonly (string | number)[] | undefined): Prisma.Sql[] {
  if (values === undefined) return [];
  if (values.length === 0) return [Prisma.sql`1 = 0`];
  return [Prisma.sql`${column} IN (${Prisma.join(values)})`];
}

/** `EXISTS (SELECT 1 FROM <rows> IN (…))`, `rows` ending in the column the values are for. */
function hasRow(rows: Prisma.Sql, values: readonly string[] | undefined): Prisma.Sql[] {
  if (values === undefined) return [];
  if (values.length === 0) return [Prisma.sql`1 = 0`];
  return [Prisma.sql`EXISTS (SELECT 1 FROM ${rows} IN (${Prisma.join(values)}))`];
}

function between(column: Prisma.Sql, range: Range): Prisma.Sql[] {
  return [
    ...(range?.min !== undefined ? [Prisma.sql`${column} >= ${range.min}`] : []),
    ...(range?.max !== undefined ? [Prisma.sql`${column} <= ${range.max}`] : []),
  ];
}

function within(column: Prisma.Sql, bounds: Bounds): Prisma.Sql[] {
  return [
    ...(bounds?.atLeast !== undefined ? [Prisma.sql`${column} >= ${bounds.atLeast}`] : []),
    ...(bounds?.before !== undefined ? [Prisma.sql`${column} < ${bounds.before}`] : []),
  ];
}
