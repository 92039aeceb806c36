import type { Prisma } from '../generated/sqlite/client.ts';
import type { SegmentQuery } from '../../segments/segmentQuery.ts';

type Range = { min?: number; max?: number } | undefined;

const between = (range: Range) => range && { gte: range.min, lte: range.max };

/** A segment as a filter on members: every part ANDed, erased members left out. */
export function segmentWhere(query: SegmentQuery): Prisma.MemberWhereInput {
  const { lastPurchaseAt: last, joinedAt: joined } = query;
  return {
    erasedAt: null,
    ...(query.tiers && { tier: { in: query.tiers } }),
    ...(query.locales && { locale: { in: query.locales } }),
    ...(query.channels && { chats: { some: { channel: { in: query.channels } } } }),
    ...(last && { lastPurchaseAt: { not: null, gte: last.atLeast, lt: last.before } }),
    ...(query.purchaseCount && { purchaseCount: between(query.purchaseCount) }),
    ...(query.lifetimeSpend && { lifetimeSpend: between(query.lifetimeSpend) }),
    ...(joined && { createdAt: { gte: joined.atLeast, lt: joined.before } }),
    ...(query.birthMonths && { birthMonth: { in: query.birthMonths } }),
    ...(query.optedIn && { marketingOptIn: true }),
    ...(query.playedQuizzes && { quizAttempts: { some: { quizId: { in: query.playedQuizzes } } } }),
    ...(query.npsGroups && { npsGroup: { in: query.npsGroups } }),
  };
}
