import type { SegmentQuery } from '../../segments/segmentQuery.ts';
import type { Provider, Tx } from '../db/openDatabase.ts';
import { segmentCondition } from './segmentCondition.ts';

/**
 * The ids of the next `limit` members a segment matches after `after` (null:
 * from the first), in id order: how a campaign's fan-out and a relationship
 * survey walk a segment page by page, each page a range of the primary key.
 */
export async function segmentMemberIds(
  prisma: Tx,
  provider: Provider,
  query: SegmentQuery,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT m."id" FROM "Member" m
    WHERE ${segmentCondition(query, provider)} AND m."id" > ${after ?? ''}
    ORDER BY m."id" LIMIT ${limit}`;
  return rows.map((row) => row.id);
}
