import { Prisma } from '../generated/sqlite/client.ts';
import type { SegmentQuery } from '../../segments/segmentQuery.ts';
import type { Provider } from '../db/openDatabase.ts';

type Range = { min?: number; max?: number } | undefined;
type Bounds = { atLeast?: Date; before?: Date } | undefined;

/**
 * A segment as a condition on the member row `m`: every part ANDed, erased
 * members left out. SQL rather than a Prisma filter because draw entries have
 * no relation to their member that a filter could follow, and because the
 * shape decides how fast SQLite counts 100,000 members.
 *
 * On SQLite the member's own columns are read by one pass over the table,
 * never through their range indexes: without histograms SQLite takes
 * "purchased before last month" for a narrow range and looks most members up
 * one by one through the index, eight times the work of reading them in
 * order. A unary `+` hides a column from the planner (PostgreSQL, which keeps
 * histograms, plans them well and has no `+` for timestamps). Each "has a row
 * in" part is a correlated `EXISTS` answered from an index that starts with
 * the member's id, asked only of the members the cheaper parts left, the
 * rarest rows first.
 */
export function segmentCondition(query: SegmentQuery, provider: Provider): Prisma.Sql {
  const { lastPurchaseAt: last, joinedAt: joined } = query;
  const own = (column: string) => Prisma.raw(`${provider === 'sqlite' ? '+' : ''}m."${column}"`);
  const parts: Prisma.Sql[] = [
    Prisma.sql`m."erasedAt" IS NULL`,
    ...anyOf(own('tier'), query.tiers),
    ...anyOf(own('locale'), query.locales),
    ...anyOf(own('birthMonth'), query.birthMonths),
    ...anyOf(own('npsGroup'), query.npsGroups),
    ...(last ? [Prisma.sql`${own('lastPurchaseAt')} IS NOT NULL`, ...within(own('lastPurchaseAt'), last)] : []),
    ...within(own('createdAt'), joined),
    ...between(own('purchaseCount'), query.purchaseCount),
    ...between(own('lifetimeSpend'), query.lifetimeSpend),
    ...(query.optedIn ? [Prisma.sql`${own('marketingOptIn')}`] : []),
    ...hasRow(Prisma.sql`"QuizAttempt" r WHERE r."memberId" = m."id" AND r."quizId"`, query.playedQuizzes),
    ...hasRow(Prisma.sql`"ContestEntry" r WHERE r."memberId" = m."id" AND r."contestId"`, query.enteredContests),
    ...hasRow(
      Prisma.sql`"DrawEntry" r WHERE r."memberId" = m."id" AND r."withdrawnAt" IS NULL AND r."drawId"`,
      query.enteredDraws,
    ),
    ...scoredAs('stage', query.stages),
    ...scoredAs('rfmSegment', query.rfmSegments),
    ...scoredAs('quadrant', query.quadrants),
    // Last: nearly every member has a chat, while few played a given quiz or entered a given contest or draw.
    ...hasRow(Prisma.sql`"Chat" r WHERE r."memberId" = m."id" AND r."channel"`, query.channels),
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

/**
 * Members whose score has one of `values` in `column`: the matching scores
 * are read once through that column's index into a set the members are
 * probed against, cheaper than looking every member's score up by its key.
 */
function scoredAs(column: 'stage' | 'rfmSegment' | 'quadrant', values: readonly (string | number)[] | undefined) {
  if (values === undefined) return [];
  if (values.length === 0) return [Prisma.sql`1 = 0`];
  return [
    Prisma.sql`m."id" IN (SELECT s."memberId" FROM "MemberScore" s WHERE s.${Prisma.raw(`"${column}"`)} IN (${Prisma.join(values)}))`,
  ];
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
